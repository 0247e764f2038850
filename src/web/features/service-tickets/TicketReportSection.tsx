import { Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '@web/ui/components/ErrorState';
import { PeriodLocationFilter, useYearToDate } from '@web/features/reports/PeriodLocationFilter';
import { euro, formatHours } from './format';
import { useTicketReport } from './queries';

const share = (part: number, whole: number) => (whole === 0 ? '–' : `${Math.round((part / whole) * 100)} %`);

/** Reports → "Serviceaufträge termingerecht": per process, tickets and steps within their deadline, lead time, cost. */
export function TicketReportSection() {
  const { t } = useTranslation();
  const [params, setParams] = useYearToDate();
  const report = useTicketReport(params);

  return (
    <Paper withBorder radius="md" p="md" mt="md" component="section" aria-labelledby="service-ticket-report-title">
      <Title order={4} id="service-ticket-report-title" mb="sm">
        {t('serviceTickets.report.title')}
      </Title>
      <PeriodLocationFilter value={params} onChange={setParams} />
      {report.isPending ? (
        <Stack gap="xs" aria-busy="true">
          <Skeleton height={32} />
          <Skeleton height={32} />
        </Stack>
      ) : report.isError ? (
        <ErrorState error={report.error} onRetry={() => void report.refetch()} />
      ) : report.data.rows.length === 0 ? (
        <Text c="dimmed" ta="center" py="lg">
          {t('serviceTickets.report.empty')}
        </Text>
      ) : (
        <div style={{ overflowX: 'auto' }}>
          <Table striped miw={720}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('serviceTickets.report.process')}</Table.Th>
                <Table.Th ta="right">{t('serviceTickets.report.tickets')}</Table.Th>
                <Table.Th ta="right">{t('serviceTickets.report.ticketsOnTime')}</Table.Th>
                <Table.Th ta="right">{t('serviceTickets.report.stepsOnTime')}</Table.Th>
                <Table.Th ta="right">{t('serviceTickets.report.lead')}</Table.Th>
                <Table.Th ta="right">{t('serviceTickets.report.cost')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.data.rows.map((row) => (
                <Table.Tr key={row.familyId}>
                  <Table.Td>{row.name}</Table.Td>
                  <Table.Td ta="right">
                    {row.tickets} ({row.finished})
                  </Table.Td>
                  <Table.Td ta="right">{share(row.ticketsOnTime, row.finished)}</Table.Td>
                  <Table.Td ta="right">{share(row.stepsOnTime, row.steps)}</Table.Td>
                  <Table.Td ta="right">
                    {row.meanLeadHours === null
                      ? '–'
                      : t('serviceTickets.report.leadHours', { hours: formatHours(row.meanLeadHours) })}
                  </Table.Td>
                  <Table.Td ta="right">
                    {euro(row.expectedCostCents)} / {euro(row.actualCostCents)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </Paper>
  );
}
