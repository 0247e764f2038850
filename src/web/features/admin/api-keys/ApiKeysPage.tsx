import { Badge, Button, Code, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconKey, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiKey } from '@shared/auth/schemas';
import { ConfirmDialog } from '@web/ui/components/ConfirmDialog';
import { PageHeader } from '@web/ui/components/PageHeader';
import { SecretReveal } from '@web/ui/components/SecretReveal';
import { formatDateTime } from '@web/ui/format';
import { reportError } from '@web/ui/form-errors';
import { ListState } from '@web/ui/admin/ListState';
import { useApiKeys, useRevokeApiKey } from '../queries';
import { CreateApiKeyModal } from './CreateApiKeyModal';

export default function ApiKeysPage() {
  const { t } = useTranslation();
  const apiKeys = useApiKeys();
  const revokeKey = useRevokeApiKey();
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const openCreate = () => setCreating(true);

  async function handleRevoke(key: ApiKey) {
    try {
      await revokeKey.mutateAsync(key.id);
      notifications.show({ color: 'teal', message: t('admin.apiKeys.revokedNotice', { name: key.name }) });
    } catch (error) {
      reportError(error);
    } finally {
      setRevoking(null);
    }
  }

  return (
    <>
      <PageHeader
        title={t('admin.tabs.apiKeys')}
        description={t('admin.apiKeys.subtitle')}
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={openCreate}>
            {t('admin.apiKeys.new')}
          </Button>
        }
      />
      <ListState
        query={apiKeys}
        empty={{
          icon: <IconKey />,
          title: t('admin.apiKeys.emptyTitle'),
          text: t('admin.apiKeys.emptyText'),
          actionLabel: t('admin.apiKeys.new'),
          onAction: openCreate,
        }}
      >
        <Table.ScrollContainer minWidth={820}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admin.apiKeys.name')}</Table.Th>
                <Table.Th>{t('admin.apiKeys.prefix')}</Table.Th>
                <Table.Th>{t('admin.apiKeys.scopes')}</Table.Th>
                <Table.Th>{t('admin.apiKeys.createdAt')}</Table.Th>
                <Table.Th>{t('admin.apiKeys.lastUsedAt')}</Table.Th>
                <Table.Th>{t('admin.apiKeys.status')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(apiKeys.data ?? []).map((key) => (
                <Table.Tr key={key.id} c={key.revokedAt ? 'dimmed' : undefined}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {key.name}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Code>{key.prefix}…</Code>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {key.scopes.map((scope) => (
                        <Badge key={scope} variant="light" size="sm" tt="none">
                          {t(`scopes.${scope}`)}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>{formatDateTime(key.createdAt)}</Table.Td>
                  <Table.Td>{key.lastUsedAt ? formatDateTime(key.lastUsedAt) : t('common.never')}</Table.Td>
                  <Table.Td>
                    <Badge color={key.revokedAt ? 'gray' : 'teal'} variant="light">
                      {key.revokedAt ? t('admin.apiKeys.revoked') : t('common.active')}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="right">
                    {!key.revokedAt && (
                      <Button size="xs" variant="subtle" color="red" onClick={() => setRevoking(key)}>
                        {t('admin.apiKeys.revoke')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </ListState>

      <CreateApiKeyModal
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(key) => setSecret(key.secret)}
      />
      <SecretReveal
        secret={secret}
        title={t('admin.apiKeys.secretTitle')}
        message={t('admin.apiKeys.subtitle')}
        warning={t('admin.apiKeys.secretWarning')}
        onClose={() => setSecret(null)}
      />
      <ConfirmDialog
        opened={revoking !== null}
        title={t('admin.apiKeys.revokeTitle')}
        message={t('admin.apiKeys.revokeConfirm', { name: revoking?.name ?? '' })}
        confirmLabel={t('admin.apiKeys.revoke')}
        danger
        loading={revokeKey.isPending}
        onConfirm={() => revoking && void handleRevoke(revoking)}
        onClose={() => setRevoking(null)}
      />
    </>
  );
}
