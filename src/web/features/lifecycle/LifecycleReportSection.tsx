import 'dayjs/locale/de';
import { Group, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LifecycleReport } from '@shared/lifecycle/rules';
import { currentLocale } from '@web/i18n';
import { api } from '@web/ui/api';
import { ErrorState } from '@web/ui/components/ErrorState';
import { berlinDay } from '../requests/intake/callback-windows';

/** This year so far, in Berlin days. */
function yearToDate(now = new Date()): [string, string] {
  const today = berlinDay(now);
  return [`${today.slice(0, 4)}-01-01`, today];
}

/** "Lebenszyklus": due and done lifecycle actions per rule and person, skipped by reason, re-purchase conversion. */
export function LifecycleReportSection() {
  const { t } = useTranslation();
  const [[from, to], setPeriod] = useState(yearToDate);
  const report = useQuery({
    queryKey: ['reports', 'lifecycle', from, to],
    queryFn: ({ signal }) => api.get<LifecycleReport>(`/reports/lifecycle?from=${from}&to=${to}&months=6`, signal),
    placeholderData: (previous) => previous,
  });

  return (
    <Paper withBorder radius="md" p="md" mt="md" component="section" aria-labelledby="lifecycle-report-title">
      <Group justify="space-between" mb="sm" align="flex-end">
        <Title order={4} id="lifecycle-report-title">
          {t('lifecycle.report.title')}
        </Title>
        <DatePickerInput
          type="range"
          label={t('funnel.period')}
          valueFormat="DD.MM.YYYY"
          locale={currentLocale()}
          value={[from, to]}
          onChange={([f, tt]) => f && tt && setPeriod([f, tt])}
          allowSingleDateInRange
          w={250}
        />
      </Group>
      {report.isPending ? (
        <Stack gap="xs" aria-busy="true">
          {[0, 1, 2].map((row) => (
            <Skeleton key={row} height={32} />
          ))}
        </Stack>
      ) : report.isError ? (
        <ErrorState error={report.error} onRetry={() => void report.refetch()} />
      ) : report.data.rows.length === 0 ? (
        <Text size="sm" c="dimmed" py="md">
          {t('lifecycle.report.empty')}
        </Text>
      ) : (
        <Stack gap="md">
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('lifecycle.columns.name')}</Table.Th>
                <Table.Th>{t('lifecycle.report.person')}</Table.Th>
                <Table.Th ta="right">{t('lifecycle.report.done')}</Table.Th>
                <Table.Th ta="right">{t('lifecycle.report.queued')}</Table.Th>
                <Table.Th ta="right">{t('lifecycle.report.pendingSend')}</Table.Th>
                <Table.Th ta="right">{t('lifecycle.report.skipped')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.data.rows.map((r) => (
                <Table.Tr key={`${r.ruleId}-${r.ownerId ?? 'none'}`}>
                  <Table.Td>{r.ruleName}</Table.Td>
                  <Table.Td>{r.ownerName ?? t('lifecycle.report.nobody')}</Table.Td>
                  <Table.Td ta="right">{r.done}</Table.Td>
                  <Table.Td ta="right">{r.due}</Table.Td>
                  <Table.Td ta="right">{r.pendingSend}</Table.Td>
                  <Table.Td ta="right">{r.skipped}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {report.data.skippedByReason.length > 0 && (
            <Text size="sm">
              {t('lifecycle.report.skippedBecause')}{' '}
              {report.data.skippedByReason.map((s) => `${t(`lifecycle.skip.${s.reason}`)}: ${s.count}`).join(' · ')}
            </Text>
          )}
          <Text size="sm">
            {t('lifecycle.report.conversion', {
              activities: report.data.repurchase.activities,
              opportunities: report.data.repurchase.withOpportunity,
              contracts: report.data.repurchase.withContract,
              months: report.data.repurchase.months,
            })}
          </Text>
        </Stack>
      )}
    </Paper>
  );
}
