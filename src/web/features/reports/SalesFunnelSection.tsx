import 'dayjs/locale/de';
import { Button, Group, Paper, Select, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFileTypeCsv, IconFilter } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocations } from '@web/app/org-queries';
import { useDirectory } from '@web/features/customers/queries';
import { currentLocale } from '@web/i18n';
import { ErrorState } from '@web/ui/components/ErrorState';
import { berlinDay } from '../requests/intake/callback-windows';
import { FunnelBars, FunnelBreakdown, LostAndPipeline } from './FunnelFigures';
import { type FunnelParams, funnelQueryString, useSalesFunnel } from './queries';

/** This year so far, in Berlin days: the period a funnel is usually read over. */
function yearToDate(now = new Date()): [string, string] {
  const today = berlinDay(now);
  return [`${today.slice(0, 4)}-01-01`, today];
}

/** "Verkaufstrichter" (issue R2.3–R2.7): leads → test drives → offers → contracts → deliveries for a period. */
export function SalesFunnelSection() {
  const { t } = useTranslation();
  const locations = useLocations();
  const directory = useDirectory();
  const [params, setParams] = useState<Omit<FunnelParams, 'source'>>(() => {
    const [from, to] = yearToDate();
    return { from, to };
  });
  const [sourceText, setSourceText] = useState('');
  const [source] = useDebouncedValue(sourceText.trim(), 400);
  const query: FunnelParams = { ...params, source: source || undefined };
  const report = useSalesFunnel(query);
  const update = (patch: Partial<FunnelParams>) => setParams((current) => ({ ...current, ...patch }));
  const consultants = (directory.data ?? [])
    .filter((u) => u.active && (u.role === 'sales' || u.role === 'manager'))
    .filter(
      (u) => !params.locationId || u.homeLocationId === params.locationId || u.locationIds.includes(params.locationId),
    )
    .map((u) => ({ value: u.id, label: u.displayName }));

  return (
    <Paper withBorder radius="md" p="md" mt="md" component="section" aria-labelledby="sales-funnel-title">
      <Group justify="space-between" mb="sm">
        <Title order={4} id="sales-funnel-title">
          {t('funnel.title')}
        </Title>
        <Button
          component="a"
          href={`/api/reports/sales-funnel.csv?${funnelQueryString(query)}`}
          download
          variant="default"
          leftSection={<IconFileTypeCsv size={16} />}
        >
          {t('funnel.csv')}
        </Button>
      </Group>
      <Group gap="md" align="flex-end" mb="md">
        <DatePickerInput
          type="range"
          label={t('funnel.period')}
          valueFormat="DD.MM.YYYY"
          locale={currentLocale()}
          value={[params.from, params.to]}
          onChange={([from, to]) => from && to && update({ from, to })}
          allowSingleDateInRange
          w={250}
        />
        <Select
          label={t('funnel.location')}
          placeholder={t('funnel.allLocations')}
          data={(locations.data ?? []).map((l) => ({ value: l.id, label: l.name }))}
          value={params.locationId ?? null}
          onChange={(value) => update({ locationId: value ?? undefined, ownerId: undefined })}
          clearable
          w={220}
        />
        <Select
          label={t('funnel.consultant')}
          placeholder={t('funnel.allConsultants')}
          data={consultants}
          value={params.ownerId ?? null}
          onChange={(value) => update({ ownerId: value ?? undefined })}
          clearable
          searchable
          w={220}
        />
        <TextInput
          label={t('funnel.source')}
          placeholder={t('funnel.allSources')}
          value={sourceText}
          maxLength={120}
          onChange={(e) => setSourceText(e.currentTarget.value)}
          w={200}
        />
      </Group>
      {report.isPending ? (
        <Stack gap="xs" aria-busy="true" aria-label={t('funnel.loading')}>
          {[0, 1, 2, 3, 4].map((row) => (
            <Skeleton key={row} height={32} />
          ))}
        </Stack>
      ) : report.isError ? (
        <ErrorState error={report.error} onRetry={() => void report.refetch()} />
      ) : report.data.steps[0]!.count === 0 && report.data.pipeline.length === 0 && report.data.lost.length === 0 ? (
        <Stack align="center" gap={6} py="xl">
          <IconFilter size={32} color="var(--mantine-color-gray-5)" />
          <Text fw={600}>{t('funnel.emptyTitle')}</Text>
          <Text size="sm" c="dimmed">
            {t('funnel.emptyText')}
          </Text>
        </Stack>
      ) : (
        <Stack gap="lg" style={{ opacity: report.isPlaceholderData ? 0.6 : 1 }}>
          <FunnelBars report={report.data} />
          <LostAndPipeline report={report.data} />
          <FunnelBreakdown report={report.data} />
        </Stack>
      )}
    </Paper>
  );
}
