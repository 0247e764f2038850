import { Badge, Button, Checkbox, Group, Paper, Progress, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { IconFileTypePdf } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CAMPAIGN_RESPONSES, type Campaign } from '@shared/campaigns/schemas';
import { ErrorState } from '@web/ui/components/ErrorState';
import { useMarkResponse, useRecipients } from './queries';

/** A started campaign: progress while it runs, what was excluded, the responses, and each recipient to mark. */
export function CampaignResults({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const recipients = useRecipients(campaign.id, true);
  const mark = useMarkResponse(campaign.id);
  const share = campaign.recipientCount > 0 ? (campaign.processed / campaign.recipientCount) * 100 : 100;
  const excluded = campaign.excluded;

  return (
    <Paper withBorder radius="md" p="md" mb="md" component="section" aria-label={t('campaigns.results.title')}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>{t('campaigns.results.title')}</Title>
          {campaign.channel === 'letter' && (
            <Button
              component="a"
              href={`/api/campaigns/${campaign.id}/letters.pdf`}
              download
              variant="default"
              leftSection={<IconFileTypePdf size={16} />}
            >
              {t('campaigns.results.letters', { count: campaign.recipientCount })}
            </Button>
          )}
        </Group>
        {campaign.status === 'running' && (
          <Stack gap={4}>
            <Text size="sm">
              {t(`campaigns.results.progress.${campaign.channel}`, {
                done: campaign.processed,
                count: campaign.recipientCount,
              })}
            </Text>
            <Progress value={share} animated aria-label={t('campaigns.results.progressLabel')} />
          </Stack>
        )}
        <Text>
          {t('campaigns.results.frozen', { count: campaign.recipientCount })}{' '}
          {excluded.withoutConsent > 0 && t('campaigns.count.withoutConsent', { count: excluded.withoutConsent })}{' '}
          {excluded.blocked > 0 && t('campaigns.count.blocked', { count: excluded.blocked })}
        </Text>
        <Group gap="xs">
          {CAMPAIGN_RESPONSES.map((r) => (
            <Badge key={r} variant="light" size="lg">
              {t(`campaigns.response.${r}`)}: {campaign.responses[r]}
            </Badge>
          ))}
        </Group>
        {recipients.isError ? (
          <ErrorState error={recipients.error} onRetry={() => void recipients.refetch()} />
        ) : !recipients.data ? (
          <Skeleton height={120} />
        ) : recipients.data.items.length === 0 ? (
          <Text c="dimmed">{t('campaigns.results.noRecipients')}</Text>
        ) : (
          <Table aria-label={t('campaigns.results.recipients')} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('campaigns.results.recipient')}</Table.Th>
                {CAMPAIGN_RESPONSES.map((r) => (
                  <Table.Th key={r}>{t(`campaigns.response.${r}`)}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {recipients.data.items.map((row) => (
                <Table.Tr key={row.id}>
                  <Table.Td>
                    {row.displayName}
                    {row.city ? ` · ${row.city}` : ''}
                  </Table.Td>
                  {CAMPAIGN_RESPONSES.map((r) => (
                    <Table.Td key={r}>
                      <Checkbox
                        aria-label={`${row.displayName}: ${t(`campaigns.response.${r}`)}`}
                        checked={row.responses.includes(r)}
                        onChange={(e) =>
                          mark.mutate({ recipientId: row.id, response: r, marked: e.currentTarget.checked })
                        }
                      />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
