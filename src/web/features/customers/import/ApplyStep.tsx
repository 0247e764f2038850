import { Alert, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconDownload, IconUsers } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { describeProblem } from '@web/ui/form-errors';
import { applyImport, cleanMapping, fetchImportJob, reportHref, type ImportSettings } from './import-api';
import { TotalsBadges } from './ReportRows';

interface ApplyStepProps {
  importId: string;
  settings: ImportSettings;
  onRestart: () => void;
}

const FINISHED = new Set(['done', 'failed']);

export function ApplyStep({ importId, settings, onRestart }: ApplyStepProps) {
  const { t } = useTranslation();
  const start = useMutation({
    mutationFn: () =>
      applyImport(importId, { mapping: cleanMapping(settings.mapping), duplicateHandling: settings.duplicateHandling }),
  });
  const { mutate } = start;
  const started = useRef(false);
  // Started once when the step opens (the ref keeps a development double effect from applying twice).
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    mutate();
  }, [mutate]);

  const job = useQuery({
    queryKey: ['imports', importId, 'job'],
    queryFn: ({ signal }) => fetchImportJob(importId, signal),
    enabled: start.isSuccess,
    initialData: start.data,
    refetchInterval: (query) => (query.state.data && FINISHED.has(query.state.data.status) ? false : 1000),
  });
  const current = job.data ?? start.data;

  if (start.isError) {
    return (
      <Alert color="red" variant="light" icon={<IconAlertTriangle />} title={t('imports.apply.failedTitle')}>
        {describeProblem(start.error)}
      </Alert>
    );
  }
  if (!current) return <Progress value={0} animated aria-label={t('imports.apply.running')} />;

  const total = current.totalRows;
  const percent = total > 0 ? Math.round((current.processedRows / total) * 100) : 0;
  const report = (
    <Button
      component="a"
      href={reportHref(importId)}
      download
      variant="default"
      leftSection={<IconDownload size={16} />}
    >
      {t('imports.dryRun.download')}
    </Button>
  );

  if (current.status === 'failed') {
    return (
      <Stack gap="md">
        <Alert color="red" variant="light" icon={<IconAlertTriangle />} title={t('imports.apply.failedTitle')}>
          {t('imports.apply.failedText', {
            applied: current.processedRows,
            total,
            error: current.error ?? t('imports.apply.unknownError'),
          })}
        </Alert>
        <Group>{report}</Group>
      </Stack>
    );
  }

  if (current.status === 'done') {
    return (
      <Stack gap="md">
        <Alert color="green" variant="light" icon={<IconCircleCheck />} title={t('imports.apply.doneTitle')}>
          {t('imports.apply.progress', { processed: current.processedRows, total })}
        </Alert>
        {current.totals && <TotalsBadges totals={current.totals} />}
        <Group>
          <Button component={Link} to="/customers" leftSection={<IconUsers size={16} />}>
            {t('imports.apply.toList')}
          </Button>
          {report}
          <Button variant="subtle" onClick={onRestart}>
            {t('imports.apply.again')}
          </Button>
        </Group>
      </Stack>
    );
  }

  const progressLabel = t('imports.apply.progress', { processed: current.processedRows, total });
  return (
    <Stack gap="xs" role="status">
      <Text size="sm">{t('imports.apply.running')}</Text>
      <Progress value={percent} animated size="lg" aria-label={progressLabel} />
      <Text size="sm" c="dimmed">
        {progressLabel}
      </Text>
      {job.isError && (
        <Text size="sm" c="red">
          {describeProblem(job.error)}
        </Text>
      )}
    </Stack>
  );
}
