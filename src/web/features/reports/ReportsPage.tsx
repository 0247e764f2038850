import 'dayjs/locale/de';
import { Button, Group, Paper, SegmentedControl, Select, Skeleton, Stack, Text, Input } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconChartBar, IconFileTypeCsv } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { REQUEST_TYPES } from '@shared/requests/enums';
import { MONITORING_GROUPS, type MonitoringGroupBy } from '@shared/requests/monitoring';
import { ErrorState } from '@web/ui/components/ErrorState';
import { PageHeader } from '@web/ui/components/PageHeader';
import { useLocations } from '@web/app/org-queries';
import { currentLocale } from '@web/i18n';
import { QUICK_RANGES, quickRange, type QuickRange } from './date-ranges';
import { ActivityReportSection } from './ActivityReportTable';
import { DrillDownModal } from './DrillDownModal';
import {
  reportQueryString,
  useMonitoringReport,
  useTrend,
  type Column,
  type Measure,
  type ReportParams,
} from './queries';
import { ReportTable } from './ReportTable';
import { LifecycleReportSection } from '@web/features/lifecycle/LifecycleReportSection';
import { SalesFunnelSection } from './SalesFunnelSection';
import { TicketReportSection } from '@web/features/service-tickets/TicketReportSection';
import { SatisfactionSection } from '@web/features/surveys/SatisfactionSection';
import { CampaignReportSection } from '@web/features/campaigns/CampaignReportSection';
import { can } from '@shared/auth/policies';
import { useCurrentUser } from '@web/app/auth';
import { ComplaintsReportSection } from '../complaints/ComplaintsReportSection';

// recharts is large: the chart loads on its own, after the table.
const TrendChart = lazy(() => import('./TrendChart'));

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Where the address names a range, grouping or location (a link from the home page), the report opens with it. */
function fromAddress(search: URLSearchParams): ReportParams {
  const [from, to] = quickRange('yesterday');
  const groupBy = search.get('groupBy') as MonitoringGroupBy | null;
  const askedFrom = search.get('from');
  const askedTo = search.get('to');
  const ranged = askedFrom && askedTo && DAY.test(askedFrom) && DAY.test(askedTo) && askedFrom <= askedTo;
  return {
    from: ranged ? askedFrom : from,
    to: ranged ? askedTo : to,
    groupBy: groupBy && MONITORING_GROUPS.includes(groupBy) ? groupBy : 'location',
    locationId: search.get('locationId') ?? undefined,
  };
}

/** /reports — daily lead monitoring for managers (R3.5). */
export default function ReportsPage() {
  const { t } = useTranslation();
  const locations = useLocations();
  const [search] = useSearchParams();
  const me = useCurrentUser();
  const [params, setParams] = useState<ReportParams>(() => fromAddress(search));
  const trend = useTrend(params.locationId);
  const [cell, setCell] = useState<{ key: string; label: string; measure: Measure; column: Column } | null>(null);
  const report = useMonitoringReport(params);
  const update = (patch: Partial<ReportParams>) => setParams((current) => ({ ...current, ...patch }));
  const activeQuick = QUICK_RANGES.find((range) => {
    const [from, to] = quickRange(range);
    return from === params.from && to === params.to;
  });

  return (
    <>
      <PageHeader
        title={t('reports.title')}
        description={t('reports.subtitle')}
        actions={
          <Button
            component="a"
            href={`/api/reports/monitoring.csv?${reportQueryString(params)}`}
            download
            variant="default"
            leftSection={<IconFileTypeCsv size={16} />}
          >
            {t('reports.csv')}
          </Button>
        }
      />
      <Paper withBorder radius="md" p="md" mb="md">
        <Group gap="md" align="flex-end">
          <DatePickerInput
            type="range"
            label={t('reports.range')}
            valueFormat="DD.MM.YYYY"
            locale={currentLocale()}
            value={[params.from, params.to]}
            onChange={([from, to]) => from && to && update({ from, to })}
            allowSingleDateInRange
            w={250}
          />
          <Group gap={6}>
            {QUICK_RANGES.map((range: QuickRange) => (
              <Button
                key={range}
                size="sm"
                variant={activeQuick === range ? 'filled' : 'default'}
                onClick={() => {
                  const [from, to] = quickRange(range);
                  update({ from, to });
                }}
              >
                {t(`reports.quick.${range}`)}
              </Button>
            ))}
          </Group>
          <Stack gap={4}>
            <Input.Label>{t('reports.groupByLabel')}</Input.Label>
            <SegmentedControl
              value={params.groupBy}
              onChange={(value) => update({ groupBy: value as ReportParams['groupBy'] })}
              data={MONITORING_GROUPS.map((value) => ({
                value,
                label: t(`reports.groupBy.${value}`),
              }))}
            />
          </Stack>
          <Select
            label={t('requests.fields.location')}
            placeholder={t('requests.filters.allLocations')}
            data={(locations.data ?? []).map((location) => ({ value: location.id, label: location.name }))}
            value={params.locationId ?? null}
            onChange={(value) => update({ locationId: value ?? undefined })}
            clearable
            w={220}
          />
          <Select
            label={t('requests.fields.type')}
            placeholder={t('requests.filters.allTypes')}
            data={REQUEST_TYPES.map((type) => ({ value: type, label: t(`requests.type.${type}`) }))}
            value={params.type ?? null}
            onChange={(value) => update({ type: value ?? undefined })}
            clearable
            w={200}
          />
        </Group>
      </Paper>
      {report.isPending ? (
        <Stack gap="xs" aria-busy="true">
          {[0, 1, 2, 3].map((row) => (
            <Skeleton key={row} height={48} />
          ))}
        </Stack>
      ) : report.isError ? (
        <ErrorState error={report.error} onRetry={() => void report.refetch()} />
      ) : report.data.rows.length === 0 ? (
        <Paper withBorder radius="lg" py={48} px="md">
          <Stack align="center" gap={6}>
            <IconChartBar size={36} color="var(--mantine-color-gray-5)" />
            <Text fw={600}>{t('reports.emptyTitle')}</Text>
            <Text size="sm" c="dimmed">
              {t('reports.emptyText')}
            </Text>
          </Stack>
        </Paper>
      ) : (
        <Paper withBorder radius="md" style={{ overflow: 'hidden', opacity: report.isPlaceholderData ? 0.6 : 1 }}>
          <ReportTable
            report={report.data}
            onDrill={(row, measure, column) => setCell({ key: row.key, label: row.label, measure, column })}
          />
        </Paper>
      )}
      <ActivityReportSection params={params} />
      <SalesFunnelSection />
      <TicketReportSection />
      <SatisfactionSection />
      <LifecycleReportSection />
      {can(me.role, 'campaigns.manage') && <CampaignReportSection params={params} />}
      <ComplaintsReportSection />
      <Paper withBorder radius="md" p="md" mt="md">
        <Text fw={600} mb="xs">
          {t('reports.trend.title')}
        </Text>
        {trend.isError ? (
          <ErrorState error={trend.error} onRetry={() => void trend.refetch()} />
        ) : trend.data ? (
          <Suspense fallback={<Skeleton height={260} />}>
            <TrendChart trend={trend.data} />
          </Suspense>
        ) : (
          <Skeleton height={260} />
        )}
      </Paper>
      <DrillDownModal params={params} cell={cell} onClose={() => setCell(null)} />
    </>
  );
}
