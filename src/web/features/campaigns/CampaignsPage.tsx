import { Badge, Button, Paper, Skeleton, Stack, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorState } from '@web/ui/components/ErrorState';
import { PageHeader } from '@web/ui/components/PageHeader';
import { useCampaigns } from './queries';

const STATUS_COLOR = { draft: 'gray', running: 'blue', done: 'green' } as const;

/** Kampagnen: every campaign of the manager's locations, newest first. */
export default function CampaignsPage() {
  const { t, i18n } = useTranslation();
  const campaigns = useCampaigns();
  return (
    <>
      <PageHeader
        title={t('campaigns.title')}
        description={t('campaigns.description')}
        actions={
          <Button component={Link} to="/campaigns/new" leftSection={<IconPlus size={16} />}>
            {t('campaigns.new')}
          </Button>
        }
      />
      {campaigns.isError ? (
        <ErrorState error={campaigns.error} onRetry={() => void campaigns.refetch()} />
      ) : !campaigns.data ? (
        <Skeleton height={160} />
      ) : campaigns.data.length === 0 ? (
        <Paper withBorder p="xl" radius="md">
          <Stack gap={4} align="center">
            <Text fw={600}>{t('campaigns.emptyTitle')}</Text>
            <Text size="sm" c="dimmed">
              {t('campaigns.emptyText')}
            </Text>
          </Stack>
        </Paper>
      ) : (
        <Paper withBorder radius="md">
          <Table aria-label={t('campaigns.title')} highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('campaigns.field.name')}</Table.Th>
                <Table.Th>{t('campaigns.field.channel')}</Table.Th>
                <Table.Th>{t('campaigns.field.status')}</Table.Th>
                <Table.Th>{t('campaigns.results.recipients')}</Table.Th>
                <Table.Th>{t('campaigns.results.responses')}</Table.Th>
                <Table.Th>{t('campaigns.field.started')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {campaigns.data.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Link to={`/campaigns/${c.id}`}>{c.name}</Link>
                  </Table.Td>
                  <Table.Td>{t(`campaigns.channel.${c.channel}`)}</Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLOR[c.status]} variant="light">
                      {t(`campaigns.status.${c.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{c.status === 'draft' ? '–' : c.recipientCount}</Table.Td>
                  <Table.Td>
                    {c.status === 'draft' ? '–' : Object.values(c.responses).reduce((a, b) => a + b, 0)}
                  </Table.Td>
                  <Table.Td>{c.startedAt ? new Date(c.startedAt).toLocaleDateString(i18n.language) : '–'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </>
  );
}
