import { Badge, Button, Group, Select, Table, Text } from '@mantine/core';
import { IconPlus, IconUserShare } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '@web/ui/components/ConfirmDialog';
import { AdminTable } from '@web/ui/admin/AdminTable';
import { EditModal } from '@web/ui/admin/EditModal';
import { ListState } from '@web/ui/admin/ListState';
import { ExtensionForm } from './ExtensionForm';
import { type ExtensionItem, useConnections, useExtensions, useRemoveExtension } from './queries';
import { RowActions } from '@web/ui/admin/RowActions';
import { useEditAndRemove } from '@web/ui/admin/use-edit-and-remove';

export function ExtensionsPanel({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const connections = useConnections();
  const [connectionId, setConnectionId] = useState<string | null>(null);
  const extensions = useExtensions(connectionId);
  const remove = useRemoveExtension();
  const { editing, setEditing, removing, setRemoving, removeDialog } = useEditAndRemove<ExtensionItem>(remove, (e) =>
    t('telephonyAdmin.extensions.removed', { extension: e.extension }),
  );
  const connectionList = connections.data ?? [];
  const connectionName = (id: string) => connectionList.find((c) => c.id === id)?.name ?? '';
  // Without a connection there is nothing to map an extension on.
  const canAdd = canEdit && connectionList.length > 0;

  return (
    <>
      <Group justify="space-between" mb="md">
        <Select
          aria-label={t('telephonyAdmin.extensions.filter')}
          placeholder={t('telephonyAdmin.extensions.allConnections')}
          clearable
          w={280}
          data={connectionList.map((c) => ({ value: c.id, label: c.name }))}
          value={connectionId}
          onChange={setConnectionId}
        />
        {canAdd && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            {t('telephonyAdmin.extensions.new')}
          </Button>
        )}
      </Group>
      <ListState
        query={extensions}
        empty={{
          icon: <IconUserShare />,
          title: t('telephonyAdmin.extensions.emptyTitle'),
          text:
            connectionList.length === 0
              ? t('telephonyAdmin.extensions.noConnection')
              : t('telephonyAdmin.extensions.emptyText'),
          ...(canAdd ? { actionLabel: t('telephonyAdmin.extensions.new'), onAction: () => setEditing('new') } : {}),
        }}
      >
        <AdminTable
          minWidth={720}
          columns={[
            t('telephonyAdmin.extensions.extension'),
            t('telephonyAdmin.extensions.user'),
            t('telephonyAdmin.extensions.connection'),
            t('telephonyAdmin.extensions.label'),
          ]}
        >
          {(extensions.data ?? []).map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>
                <Text size="sm" fw={600} ff="monospace">
                  {e.extension}
                </Text>
              </Table.Td>
              <Table.Td>{e.user.displayName}</Table.Td>
              <Table.Td>{connectionName(e.connectionId)}</Table.Td>
              <Table.Td>
                <Group gap={6}>
                  {e.label ?? ''}
                  {!e.monitored && (
                    <Badge size="sm" variant="light" color="gray">
                      {t('telephonyAdmin.extensions.notMonitored')}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td ta="right">
                {canEdit && (
                  <RowActions
                    onEdit={() => setEditing(e)}
                    onRemove={() => setRemoving(e)}
                    removeLabel={t('telephonyAdmin.remove')}
                  />
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </AdminTable>
      </ListState>
      <EditModal
        editing={editing}
        onClose={() => setEditing(null)}
        titles={{ create: t('telephonyAdmin.extensions.createTitle'), edit: t('telephonyAdmin.extensions.editTitle') }}
        size="lg"
      >
        {(item) => (
          <ExtensionForm
            extension={item}
            connections={connectionList}
            defaultConnectionId={connectionId}
            onClose={() => setEditing(null)}
          />
        )}
      </EditModal>
      <ConfirmDialog
        title={t('telephonyAdmin.extensions.removeTitle')}
        message={t('telephonyAdmin.extensions.removeConfirm', {
          extension: removing?.extension ?? '',
          name: removing?.user.displayName ?? '',
        })}
        confirmLabel={t('telephonyAdmin.remove')}
        danger
        {...removeDialog}
      />
    </>
  );
}
