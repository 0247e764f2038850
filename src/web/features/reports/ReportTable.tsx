import { Badge, Group, Stack, Table, Text, Tooltip, UnstyledButton } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ATTEMPT_CHANNELS, LOST_REASONS, REQUEST_CHANNELS, type RequestChannel } from '@shared/requests/enums';
import type { MonitoringReportData, MonitoringRowData } from '../requests/types';
import { pctColor } from './pct-color';
import type { Column, Measure } from './queries';

const DRILL: Partial<Record<Column, Measure>> = {
  received: 'received',
  contactedWithinOneWorkingDay: 'contacted_one_day',
  contactedWithinDeadline: 'contacted',
  open: 'open',
  overdue: 'overdue',
  done: 'done',
  lost: 'lost',
};

interface ReportTableProps {
  report: MonitoringReportData;
  onDrill(row: MonitoringRowData, measure: Measure, column: Column): void;
}

/** A figure that opens the requests behind it; zero and the attempt count are plain text. */
function Figure({ value, label, onClick }: { value: number; label: string; onClick: (() => void) | undefined }) {
  if (value === 0 || !onClick) {
    return (
      <Text size="sm" c={value === 0 ? 'dimmed' : undefined}>
        {value}
      </Text>
    );
  }
  return (
    <UnstyledButton
      onClick={onClick}
      aria-label={label}
      style={{ textDecoration: 'underline dotted', fontWeight: 600 }}
      fz="sm"
    >
      {value}
    </UnstyledButton>
  );
}

/** Requests without a source are counted per channel ("channel:phone"): named in the reader's language. */
function rowLabel(row: MonitoringRowData, t: TFunction): string {
  const channel = /^channel:(.+)$/.exec(row.key)?.[1] as RequestChannel | undefined;
  return channel && REQUEST_CHANNELS.includes(channel)
    ? t('reports.noSource', { channel: t(`requests.channel.${channel}`) })
    : row.label;
}

function Row({
  row,
  total,
  onDrill,
}: {
  row: MonitoringRowData;
  total?: boolean;
  onDrill: ReportTableProps['onDrill'];
}) {
  const { t } = useTranslation();
  const fig = (column: Column, value: number) => {
    const measure = DRILL[column];
    return (
      <Figure
        value={value}
        label={`${row.label} · ${t(`reports.columns.${column}`)}: ${value}`}
        onClick={measure && (() => onDrill(row, measure, column))}
      />
    );
  };
  const channels = ATTEMPT_CHANNELS.filter((channel) => (row.attemptsByChannel[channel] ?? 0) > 0);
  const reasons = LOST_REASONS.filter((reason) => (row.lostReasons[reason] ?? 0) > 0);
  const share = (column: Column, value: number, pct: number | null) => (
    <Table.Td>
      <Group gap="xs" justify="flex-end" wrap="nowrap">
        {fig(column, value)}
        <Badge color={pctColor(pct)} variant={pct !== null && pct < 90 ? 'filled' : 'light'} miw={64} data-testid="pct">
          {pct === null ? '–' : `${Math.round(pct)} %`}
        </Badge>
      </Group>
    </Table.Td>
  );
  return (
    <Table.Tr fw={total ? 700 : undefined} bg={total ? 'var(--mantine-color-gray-0)' : undefined}>
      <Table.Td fw={600}>{rowLabel(row, t)}</Table.Td>
      <Table.Td ta="right">{fig('received', row.received)}</Table.Td>
      {share('contactedWithinOneWorkingDay', row.contactedWithinOneWorkingDay, row.contactedWithinOneWorkingDayPct)}
      {share('contactedWithinDeadline', row.contactedWithinDeadline, row.contactedWithinDeadlinePct)}
      <Table.Td>
        <Stack gap={0} align="flex-end">
          {fig('attempts', row.attempts)}
          {channels.length > 0 && (
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {channels
                .map((channel) => `${t(`requests.attemptChannel.${channel}`)} ${row.attemptsByChannel[channel]}`)
                .join(' · ')}
            </Text>
          )}
        </Stack>
      </Table.Td>
      <Table.Td ta="right">{fig('open', row.open)}</Table.Td>
      <Table.Td ta="right" c={row.overdue ? 'red.7' : undefined}>
        {fig('overdue', row.overdue)}
      </Table.Td>
      <Table.Td ta="right">{fig('done', row.done)}</Table.Td>
      <Table.Td ta="right">
        <Tooltip
          disabled={reasons.length === 0}
          label={reasons
            .map((reason) => `${t(`requests.lostReason.${reason}`)}: ${row.lostReasons[reason]}`)
            .join('\n')}
          style={{ whiteSpace: 'pre-line' }}
        >
          <span>{fig('lost', row.lost)}</span>
        </Tooltip>
      </Table.Td>
    </Table.Tr>
  );
}

/** Daily monitoring (R3.5): one row per location, team or person, with a total. */
export function ReportTable({ report, onDrill }: ReportTableProps) {
  const { t } = useTranslation();
  const columns: Column[] = [
    'received',
    'contactedWithinOneWorkingDay',
    'contactedWithinDeadline',
    'attempts',
    'open',
    'overdue',
    'done',
    'lost',
  ];
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t(`reports.groupBy.${report.groupBy}`)}</Table.Th>
            {columns.map((column) => (
              <Table.Th key={column} ta="right">
                {t(`reports.columns.${column}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.rows.map((row) => (
            <Row key={row.key} row={row} onDrill={onDrill} />
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Row row={{ ...report.total, label: t('reports.total') }} total onDrill={onDrill} />
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}
