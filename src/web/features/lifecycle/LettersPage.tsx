import { Alert, Button, Group, Paper, Select, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '@web/app/auth';
import { useLocations } from '@web/app/org-queries';
import { describeError } from '@web/ui/describe-error';
import { ErrorState } from '@web/ui/components/ErrorState';
import { PageHeader } from '@web/ui/components/PageHeader';
import { printBatchPdfUrl, useCreatePrintBatch, useWaitingLetters } from './queries';

/** "Briefe drucken": the lifecycle letters waiting at a location, printed together as one PDF. */
export default function LettersPage() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const locations = useLocations();
  const [locationId, setLocationId] = useState<string | null>(user.homeLocationId);
  const letters = useWaitingLetters(locationId);
  const create = useCreatePrintBatch(locationId);
  const mine = (locations.data ?? []).filter((l) => user.role === 'admin' || user.locationIds.includes(l.id));
  const waiting = letters.data?.rules.reduce((sum, r) => sum + r.count, 0) ?? 0;
  const date = (iso: string) =>
    new Date(iso).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'de-DE', {
      dateStyle: 'medium',
      timeStyle: 'short',
    });

  return (
    <Stack>
      <PageHeader
        title={t('lifecycle.letters.title')}
        description={t('lifecycle.letters.subtitle')}
        actions={
          <Button
            leftSection={<IconPrinter size={16} />}
            disabled={waiting === 0}
            loading={create.isPending}
            onClick={() =>
              create.mutate(undefined, { onSuccess: (batch) => window.open(printBatchPdfUrl(batch.id), '_blank') })
            }
          >
            {t('lifecycle.letters.create')}
          </Button>
        }
      />
      {mine.length > 1 && (
        <Select
          label={t('lifecycle.letters.location')}
          data={mine.map((l) => ({ value: l.id, label: l.name }))}
          value={locationId}
          onChange={setLocationId}
          allowDeselect={false}
          maw={320}
        />
      )}
      {create.isError && (
        <Alert color="red" role="alert">
          {describeError(create.error)}
        </Alert>
      )}
      {create.isSuccess && (
        <Alert color="green">{t('lifecycle.letters.created', { count: create.data.letterCount })}</Alert>
      )}
      {letters.isError ? (
        <ErrorState error={letters.error} onRetry={() => void letters.refetch()} />
      ) : !letters.data ? (
        <Skeleton height={120} />
      ) : (
        <>
          <Paper withBorder p="md">
            {letters.data.rules.length === 0 ? (
              <Text c="dimmed">{t('lifecycle.letters.empty')}</Text>
            ) : (
              <Table aria-label={t('lifecycle.letters.title')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('lifecycle.letters.rule')}</Table.Th>
                    <Table.Th>{t('lifecycle.letters.count')}</Table.Th>
                    <Table.Th>{t('lifecycle.letters.customers')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {letters.data.rules.map((r) => (
                    <Table.Tr key={r.ruleId}>
                      <Table.Td>{r.ruleName}</Table.Td>
                      <Table.Td>{r.count}</Table.Td>
                      <Table.Td>{r.names.join(' · ')}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Paper>
          <Title order={4}>{t('lifecycle.letters.batches')}</Title>
          {letters.data.batches.length === 0 ? (
            <Text c="dimmed">{t('lifecycle.letters.batchesEmpty')}</Text>
          ) : (
            <Stack gap="xs">
              {letters.data.batches.map((b) => (
                <Group key={b.id} justify="space-between">
                  <Text>{t('lifecycle.letters.batchOf', { date: date(b.createdAt), count: b.letterCount })}</Text>
                  <Button component="a" variant="default" size="xs" href={printBatchPdfUrl(b.id)}>
                    {t('lifecycle.letters.download')}
                  </Button>
                </Group>
              ))}
            </Stack>
          )}
        </>
      )}
    </Stack>
  );
}
