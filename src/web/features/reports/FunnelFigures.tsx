import { Group, Progress, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LostReason, OpportunityStage } from '@shared/sales/enums';
import { formatEuro } from '@shared/sales/money';
import type { SalesFunnelReport } from '@shared/sales/funnel';

const pct = (value: number | null) => (value === null ? '–' : `${value.toFixed(1).replace('.', ',')} %`);
type Breakdown = 'bySource' | 'byConsultant' | 'byLocation';
const BREAKDOWNS: Breakdown[] = ['bySource', 'byConsultant', 'byLocation'];

/** The funnel as bars (width: share of the leads), with the conversion from the step before. */
export function FunnelBars({ report }: { report: SalesFunnelReport }) {
  const { t } = useTranslation();
  const leads = report.steps[0]?.count ?? 0;
  return (
    <Stack gap="xs" role="list" aria-label={t('funnel.title')}>
      {report.steps.map((s) => (
        <div key={s.step} role="listitem" aria-label={t(`funnel.steps.${s.step}`)}>
          <Group justify="space-between" gap="xs">
            <Text size="sm" fw={600}>
              {t(`funnel.steps.${s.step}`)}: {s.count}
            </Text>
            {s.rateFromPrevious !== null && (
              <Text size="xs" c="dimmed">
                {t('funnel.rates', { previous: pct(s.rateFromPrevious), leads: pct(s.rateFromLeads) })}
              </Text>
            )}
          </Group>
          <Progress value={leads > 0 ? (s.count / leads) * 100 : 0} size="lg" aria-hidden />
        </div>
      ))}
    </Stack>
  );
}

/** Why opportunities were lost (with the brand bought instead) and what is open now, per stage. */
export function LostAndPipeline({ report }: { report: SalesFunnelReport }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <Stack gap={4}>
        <Title order={5}>{t('funnel.lostTitle')}</Title>
        {report.lost.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('funnel.noLost')}
          </Text>
        ) : (
          <Table aria-label={t('funnel.lostTitle')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('funnel.reason')}</Table.Th>
                <Table.Th>{t('funnel.brand')}</Table.Th>
                <Table.Th ta="right">{t('funnel.count')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.lost.map((l) => (
                <Table.Tr key={`${l.reason}-${l.brand ?? ''}`}>
                  <Table.Td>{t(`texts.salesLostReason.${l.reason as LostReason}`)}</Table.Td>
                  <Table.Td>{l.brand ?? '–'}</Table.Td>
                  <Table.Td ta="right">{l.count}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      <Stack gap={4}>
        <Title order={5}>{t('funnel.pipelineTitle')}</Title>
        {report.pipeline.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('funnel.noPipeline')}
          </Text>
        ) : (
          <Table aria-label={t('funnel.pipelineTitle')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('funnel.stage')}</Table.Th>
                <Table.Th ta="right">{t('funnel.count')}</Table.Th>
                <Table.Th ta="right">{t('funnel.value')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.pipeline.map((p) => (
                <Table.Tr key={p.stage}>
                  <Table.Td>{t(`texts.opportunityStage.${p.stage as OpportunityStage}`)}</Table.Td>
                  <Table.Td ta="right">{p.count}</Table.Td>
                  <Table.Td ta="right">{formatEuro(p.valueCents)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </SimpleGrid>
  );
}

/** The same funnel per source, consultant or location. */
export function FunnelBreakdown({ report }: { report: SalesFunnelReport }) {
  const { t } = useTranslation();
  const [by, setBy] = useState<Breakdown>('bySource');
  const rows = report[by];
  return (
    <Stack gap={4}>
      <Group justify="space-between">
        <Title order={5}>{t('funnel.breakdownTitle')}</Title>
        <SegmentedControl
          size="xs"
          value={by}
          onChange={(v) => setBy(v as Breakdown)}
          data={BREAKDOWNS.map((b) => ({ value: b, label: t(`funnel.breakdown.${b}`) }))}
        />
      </Group>
      <Table striped aria-label={t('funnel.breakdownTitle')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t(`funnel.breakdown.${by}`)}</Table.Th>
            {report.steps.map((s) => (
              <Table.Th key={s.step} ta="right">
                {t(`funnel.steps.${s.step}`)}
              </Table.Th>
            ))}
            <Table.Th ta="right">{t('funnel.contractRate')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key ?? ''}>
              <Table.Td>{r.key === null ? t('funnel.noSource') : r.label}</Table.Td>
              {report.steps.map((s) => (
                <Table.Td key={s.step} ta="right">
                  {r.counts[s.step] ?? 0}
                </Table.Td>
              ))}
              <Table.Td ta="right">{pct(r.contractRate)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
