import { Paper, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SatisfactionFigures, SatisfactionReport } from '@shared/surveys/schemas';
import { ErrorState } from '@web/ui/components/ErrorState';
import { PeriodLocationFilter, useYearToDate } from '@web/features/reports/PeriodLocationFilter';
import { currentLocale } from '@web/i18n';
import { useSatisfactionReport } from './queries';

const number = (value: number | null, suffix = '') =>
  value === null ? '–' : `${value.toLocaleString(currentLocale(), { maximumFractionDigits: 1 })}${suffix}`;

/** NPS in colour: green from 30, red below 0 — the usual reading of the score. */
const npsColor = (nps: number | null) => (nps === null ? undefined : nps >= 30 ? 'green' : nps < 0 ? 'red' : 'orange');

function Figure({ label, value, color }: { label: string; value: string; color?: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700} c={color}>
        {value}
      </Text>
    </Stack>
  );
}

function Breakdown({ title, rows }: { title: string; rows: SatisfactionReport['byLocation'] }) {
  const { t } = useTranslation();
  if (rows.length === 0) return null;
  const cell = (f: SatisfactionFigures) => [
    number(f.nps),
    String(f.responses),
    String(f.promoters),
    String(f.passives),
    String(f.detractors),
    number(f.averageOverall),
    String(f.lowScores),
    number(f.answerRate, ' %'),
  ];
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped withTableBorder captionSide="top">
        <Table.Caption>{title}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {(
              [
                'name',
                'nps',
                'responses',
                'promoters',
                'passives',
                'detractors',
                'averageOverall',
                'lowScores',
                'answerRate',
              ] as const
            ).map((key) => (
              <Table.Th key={key}>{t(`surveys.report.${key}`)}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key ?? ''}>
              <Table.Td>{row.label || '–'}</Table.Td>
              {cell(row).map((value, i) => (
                <Table.Td key={i}>{value}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** "Kundenzufriedenheit" on the reports page (R2.8): NPS and scores per location and staff member. */
export function SatisfactionSection() {
  const { t } = useTranslation();
  const [params, setParams] = useYearToDate();
  const report = useSatisfactionReport(params);
  const total = report.data?.total;

  return (
    <Paper withBorder radius="md" p="md" mt="md" component="section" aria-labelledby="satisfaction-title">
      <Title order={4} id="satisfaction-title" mb="sm">
        {t('surveys.report.title')}
      </Title>
      <PeriodLocationFilter value={params} onChange={setParams} />
      {report.isPending ? (
        <Skeleton height={120} aria-busy="true" />
      ) : report.isError ? (
        <ErrorState error={report.error} onRetry={() => void report.refetch()} />
      ) : total && total.responses === 0 && total.invitations === 0 ? (
        <Text c="dimmed">{t('surveys.report.empty')}</Text>
      ) : (
        total && (
          <Stack gap="md">
            <SimpleGrid cols={{ base: 2, sm: 4, lg: 7 }}>
              <Figure label={t('surveys.report.nps')} value={number(total.nps)} color={npsColor(total.nps)} />
              <Figure label={t('surveys.report.responses')} value={String(total.responses)} />
              <Figure label={t('surveys.report.promoters')} value={String(total.promoters)} />
              <Figure label={t('surveys.report.passives')} value={String(total.passives)} />
              <Figure label={t('surveys.report.detractors')} value={String(total.detractors)} />
              <Figure label={t('surveys.report.averageRecommendation')} value={number(total.averageRecommendation)} />
              <Figure
                label={t('surveys.report.answerRate')}
                value={`${number(total.answerRate, ' %')} · ${t('surveys.report.invitations', { count: total.invitations })}`}
              />
            </SimpleGrid>
            <Breakdown title={t('surveys.report.byLocation')} rows={report.data.byLocation} />
            <Breakdown title={t('surveys.report.byConsultant')} rows={report.data.byConsultant} />
          </Stack>
        )
      )}
    </Paper>
  );
}
