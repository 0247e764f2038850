import { Alert, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconDownload, IconPlayerPlay } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { describeProblem } from '@web/ui/form-errors';
import { cleanMapping, reportHref, runDryRun, type ImportSettings, type ImportUploadResult } from './import-api';
import { ReportRows, TotalsBadges } from './ReportRows';

interface DryRunStepProps {
  importId: string;
  settings: ImportSettings;
  /** The CRM's fields with their names, to say which one a hint is about. */
  fields: ImportUploadResult['fields'];
  onBack: () => void;
  onApply: () => void;
}

export function DryRunStep({ importId, settings, fields, onBack, onApply }: DryRunStepProps) {
  const { t } = useTranslation();
  const mapping = cleanMapping(settings.mapping);
  // Keyed by the settings: going back and changing the mapping runs a fresh dry run.
  const dryRun = useQuery({
    queryKey: ['imports', importId, 'dry-run', mapping, settings.duplicateHandling],
    queryFn: () => runDryRun(importId, { mapping, duplicateHandling: settings.duplicateHandling }),
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
  });
  const report = dryRun.data;
  const importable = report ? report.totals.create + report.totals.update : 0;

  return (
    <Stack gap="md">
      {dryRun.isPending && (
        <Group gap="xs" role="status">
          <Loader size="sm" />
          <Text c="dimmed">{t('imports.dryRun.running')}</Text>
        </Group>
      )}
      {dryRun.isError && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle />} title={t('imports.dryRun.failed')}>
          {describeProblem(dryRun.error)}
          <Button display="block" mt="sm" size="xs" variant="white" color="red" onClick={() => void dryRun.refetch()}>
            {t('common.retry')}
          </Button>
        </Alert>
      )}
      {report && (
        <>
          <Text size="sm">{t('imports.dryRun.intro')}</Text>
          <TotalsBadges totals={report.totals} />
          <ReportRows rows={report.rows} fields={fields} />
          <Group>
            <Button
              component="a"
              href={reportHref(importId)}
              download
              variant="default"
              leftSection={<IconDownload size={16} />}
            >
              {t('imports.dryRun.download')}
            </Button>
          </Group>
          <Text size="sm" c="dimmed">
            {importable === 0 && report.totals.skip > 0
              ? t('imports.dryRun.nothingToChange')
              : t('imports.apply.confirm', { count: importable })}
          </Text>
        </>
      )}
      <Group justify="space-between">
        <Button variant="default" onClick={onBack}>
          {t('imports.back')}
        </Button>
        <Button leftSection={<IconPlayerPlay size={16} />} disabled={!report || importable === 0} onClick={onApply}>
          {t('imports.apply.start')}
        </Button>
      </Group>
    </Stack>
  );
}
