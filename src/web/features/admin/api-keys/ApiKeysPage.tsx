import { Badge, Button, Code, Group, Table, Text } from '@mantine/core';
import { IconKey, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiKey } from '@shared/auth/schemas';
import { ConfirmDialog } from '@web/ui/components/ConfirmDialog';
import { PageHeader } from '@web/ui/components/PageHeader';
import { SecretReveal } from '@web/ui/components/SecretReveal';
import { formatDateTime } from '@web/ui/format';
import { AdminTable } from '@web/ui/admin/AdminTable';
import { EditModal } from '@web/ui/admin/EditModal';
import { ListState } from '@web/ui/admin/ListState';
import { RowActions } from '@web/ui/admin/RowActions';
import { useEditAndRemove } from '@web/ui/admin/use-edit-and-remove';
import { useApiKeys, useRevokeApiKey } from '../queries';
import { CreateApiKeyForm } from './CreateApiKeyForm';

/** /admin/api-keys — keys for other systems; a key is created or revoked, never changed. */
export default function ApiKeysPage() {
  const { t } = useTranslation();
  const apiKeys = useApiKeys();
  const revokeKey = useRevokeApiKey();
  const { editing, setEditing, removing, setRemoving, removeDialog } = useEditAndRemove<ApiKey>(revokeKey, (key) =>
    t('admin.apiKeys.revokedNotice', { name: key.name }),
  );
  const [secret, setSecret] = useState<string | null>(null);
  const openCreate = () => setEditing('new');

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
        <AdminTable
          minWidth={820}
          columns={[
            t('admin.apiKeys.name'),
            t('admin.apiKeys.prefix'),
            t('admin.apiKeys.scopes'),
            t('admin.apiKeys.createdAt'),
            t('admin.apiKeys.lastUsedAt'),
            t('admin.apiKeys.status'),
          ]}
        >
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
                  <RowActions onRemove={() => setRemoving(key)} removeLabel={t('admin.apiKeys.revoke')} />
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </AdminTable>
      </ListState>

      <EditModal
        editing={editing}
        onClose={() => setEditing(null)}
        titles={{ create: t('admin.apiKeys.createTitle'), edit: t('admin.apiKeys.createTitle') }}
        size="lg"
      >
        {() => <CreateApiKeyForm onClose={() => setEditing(null)} onCreated={(key) => setSecret(key.secret)} />}
      </EditModal>
      <SecretReveal
        secret={secret}
        title={t('admin.apiKeys.secretTitle')}
        message={t('admin.apiKeys.subtitle')}
        warning={t('admin.apiKeys.secretWarning')}
        onClose={() => setSecret(null)}
      />
      <ConfirmDialog
        title={t('admin.apiKeys.revokeTitle')}
        message={t('admin.apiKeys.revokeConfirm', { name: removing?.name ?? '' })}
        confirmLabel={t('admin.apiKeys.revoke')}
        danger
        {...removeDialog}
      />
    </>
  );
}
