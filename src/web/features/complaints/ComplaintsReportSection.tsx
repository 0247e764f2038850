import { Paper, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '@web/ui/components/ErrorState';
import { PeriodLocationFilter, useYearToDate } from '@web/features/reports/PeriodLocationFilter';
import { formatCents } from '../sales/opportunities/queries';
import type { ComplaintCategory } from '@shared/complaints/schemas';
import type { DepartmentKind } from '@shared/org/enums';
import { useComplaintReport } from './queries';

type Bucket = { key: string; count: number; costCents: number; name?: string };

/** Complaints of a period: by category, location, model, department; times in working hours; costs; repeats. */
export function ComplaintsReportSection() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useYearToDate();
  const report = useComplaintReport(params);
  const money = (cents: number) => formatCents(cents, i18n.language);
  const hours = (value: number | null) => (value === null ? '–' : t('complaintReport.hours', { value }));

  const table = (title: string, rows: Bucket[], label: (b: Bucket) => string) => (
    <Table aria-label={title}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{title}</Table.Th>
          <Table.Th ta="right">{t('complaintReport.count')}</Table.Th>
          <Table.Th ta="right">{t('complaintReport.cost')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((b) => (
          <Table.Tr key={b.key}>
            <Table.Td>{label(b)}</Table.Td>
            <Table.Td ta="right">{b.count}</Table.Td>
            <Table.Td ta="right">{money(b.costCents)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );

  return (
    <Paper withBorder radius="md" p="md" mt="md" component="section" aria-labelledby="complaint-report-title">
      <Title order={4} id="complaint-report-title" mb="sm">
        {t('complaintReport.title')}
      </Title>
      <PeriodLocationFilter value={params} onChange={setParams} />
      {report.isPending ? (
        <Skeleton height={200} />
      ) : report.isError ? (
        <ErrorState error={report.error} onRetry={() => void report.refetch()} />
      ) : report.data.total === 0 ? (
        <Text c="dimmed">{t('complaintReport.none')}</Text>
      ) : (
        <Stack>
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            <Figure label={t('complaintReport.total')} value={String(report.data.total)} />
            <Figure label={t('complaintReport.acknowledge')} value={hours(report.data.acknowledgeHours)} />
            <Figure label={t('complaintReport.resolve')} value={hours(report.data.resolveHours)} />
            <Figure
              label={t('complaintReport.repeat')}
              value={t('complaintReport.repeatValue', {
                customer: report.data.repeat.sameCustomer,
                vehicle: report.data.repeat.sameVehicle,
              })}
            />
            <Figure label={t('complaints.costs.parts')} value={money(report.data.costs.partsCents)} />
            <Figure label={t('complaints.costs.labour')} value={money(report.data.costs.labourCents)} />
            <Figure
              label={t('complaints.costs.goodwillManufacturer')}
              value={money(report.data.costs.goodwillManufacturerCents)}
            />
            <Figure label={t('complaints.costs.goodwillDealer')} value={money(report.data.costs.goodwillDealerCents)} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {table(t('complaints.fields.category'), report.data.byCategory, (b) =>
              b.key ? t(`complaints.category.${b.key as ComplaintCategory}`) : t('complaintReport.unqualified'),
            )}
            {table(t('complaints.fields.department'), report.data.byDepartment, (b) =>
              b.key ? t(`complaints.department.${b.key as DepartmentKind}`) : t('complaintReport.unqualified'),
            )}
            {table(
              t('complaintReport.model'),
              report.data.byModel.slice(0, 15),
              (b) => b.key || t('complaintReport.noModel'),
            )}
            {table(t('funnel.location'), report.data.byLocation, (b) => b.name ?? b.key)}
          </SimpleGrid>
        </Stack>
      )}
    </Paper>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600}>{value}</Text>
    </div>
  );
}
