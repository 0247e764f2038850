import { Badge, Group, Paper, SegmentedControl, Skeleton, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconCalendarStats } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTIVITY_TYPES, type ActivityType } from '@shared/activities/enums';
import type { ActivityReport, ActivityReportRow } from '@shared/activities/report';
import { ErrorState } from '@web/ui/components/ErrorState';
import { pctColor } from './pct-color';
import { type ReportParams, useActivityReport } from './queries';

type By = 'person' | 'type';
const isType = (key: string): key is ActivityType => (ACTIVITY_TYPES as readonly string[]).includes(key);

const Count = ({ value, danger }: { value: number; danger?: boolean }) => (
  <Text size="sm" c={value === 0 ? 'dimmed' : danger ? 'red.7' : undefined} fw={danger && value ? 600 : undefined}>
    {value}
  </Text>
);

function Row({ row, by, total }: { row: ActivityReportRow; by: By; total?: boolean }) {
  const { t } = useTranslation();
  const label = total
    ? t('reports.total')
    : by === 'type' && isType(row.key)
      ? t(`texts.activityType.${row.key}`)
      : row.label;
  return (
    <Table.Tr fw={total ? 700 : undefined} bg={total ? 'var(--mantine-color-gray-0)' : undefined}>
      <Table.Td fw={600}>{label}</Table.Td>
      <Table.Td ta="right">
        <Count value={row.planned} />
      </Table.Td>
      <Table.Td ta="right">
        <Count value={row.done} />
      </Table.Td>
      <Table.Td ta="right">
        <Count value={row.overdue} danger />
      </Table.Td>
      <Table.Td ta="right">
        <Count value={row.fromRequests} />
      </Table.Td>
      <Table.Td>
        <Group gap="xs" justify="flex-end" wrap="nowrap">
          <Tooltip label={t('reports.activities.keptOf', { kept: row.kept, noShow: row.noShow })}>
            <Text size="sm" c={row.kept + row.noShow === 0 ? 'dimmed' : undefined} style={{ whiteSpace: 'nowrap' }}>
              {row.kept} / {row.kept + row.noShow}
            </Text>
          </Tooltip>
          <Badge
            color={pctColor(row.keptPct)}
            variant={row.keptPct !== null && row.keptPct < 90 ? 'filled' : 'light'}
            miw={64}
            data-testid="kept-pct"
          >
            {row.keptPct === null ? '–' : `${Math.round(row.keptPct)} %`}
          </Badge>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

/** Activities due in the period per person or per type, and "Termin wahrgenommen" for appointments from requests. */
export function ActivityReportTable({ report }: { report: ActivityReport }) {
  const { t } = useTranslation();
  const [by, setBy] = useState<By>('person');
  const rows = by === 'person' ? report.byPerson : report.byType;
  const columns = ['planned', 'done', 'overdue', 'fromRequests', 'kept'] as const;
  return (
    <Stack gap="sm">
      <SegmentedControl
        value={by}
        onChange={(value) => setBy(value as By)}
        data={[
          { value: 'person', label: t('reports.activities.by.person') },
          { value: 'type', label: t('reports.activities.by.type') },
        ]}
        w="fit-content"
      />
      <Table.ScrollContainer minWidth={700}>
        <Table verticalSpacing="sm" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t(`reports.activities.by.${by}`)}</Table.Th>
              {columns.map((column) => (
                <Table.Th key={column} ta="right">
                  {t(`reports.activities.columns.${column}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Row key={row.key} row={row} by={by} />
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Row row={report.total} by={by} total />
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/** The monitoring page's activities section: loading, error and empty states around the table. */
export function ActivityReportSection({ params }: { params: ReportParams }) {
  const { t } = useTranslation();
  const report = useActivityReport(params);
  return (
    <Paper withBorder radius="md" p="md" mt="md">
      <Title order={4}>{t('reports.activities.title')}</Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('reports.activities.subtitle')}
      </Text>
      {report.isPending ? (
        <Stack gap="xs" aria-busy="true">
          {[0, 1, 2].map((row) => (
            <Skeleton key={row} height={40} />
          ))}
        </Stack>
      ) : report.isError ? (
        <ErrorState error={report.error} onRetry={() => void report.refetch()} />
      ) : report.data.byPerson.length === 0 ? (
        <Stack align="center" gap={6} py="lg">
          <IconCalendarStats size={32} color="var(--mantine-color-gray-5)" />
          <Text fw={600}>{t('reports.activities.emptyTitle')}</Text>
          <Text size="sm" c="dimmed">
            {t('reports.emptyText')}
          </Text>
        </Stack>
      ) : (
        <div style={{ opacity: report.isPlaceholderData ? 0.6 : 1 }}>
          <ActivityReportTable report={report.data} />
        </div>
      )}
    </Paper>
  );
}
