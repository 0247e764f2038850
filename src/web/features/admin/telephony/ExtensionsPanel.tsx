import { Badge, Button, Group, Modal, Select, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconPlus, IconUserShare } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../app/components/ConfirmDialog';
import { ListState } from '../ListState';
import { ExtensionForm } from './ExtensionForm';
import { type ExtensionItem, useConnections, useExtensions, useRemoveExtension } from './queries';
import { RowActions } from './RowActions';
import { useEditAndRemove } from './use-edit-and-remove';

export function ExtensionsPanel({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const connections = useConnections();
  const [connectionId, setConnectionId] = useState<string | null>(null);
  const extensions = useExtensions(connectionId);
  const remove = useRemoveExtension();
  const { editing, setEditing, removing, setRemoving, confirmRemove, removePending } = useEditAndRemove<ExtensionItem>(
    remove,
    (e) => t('telephonyAdmin.extensions.removed', { extension: e.extension }),
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
        <Table.ScrollContainer minWidth={720}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('telephonyAdmin.extensions.extension')}</Table.Th>
                <Table.Th>{t('telephonyAdmin.extensions.user')}</Table.Th>
                <Table.Th>{t('telephonyAdmin.extensions.connection')}</Table.Th>
                <Table.Th>{t('telephonyAdmin.extensions.label')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
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
                    {canEdit && <RowActions onEdit={() => setEditing(e)} onRemove={() => setRemoving(e)} />}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </ListState>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={
          editing === 'new' ? t('telephonyAdmin.extensions.createTitle') : t('telephonyAdmin.extensions.editTitle')
        }
        size="lg"
        closeOnClickOutside={false}
      >
        {editing !== null && (
          <ExtensionForm
            extension={editing === 'new' ? null : editing}
            connections={connectionList}
            defaultConnectionId={connectionId}
            onClose={() => setEditing(null)}
          />
        )}
      </Modal>
      <ConfirmDialog
        opened={removing !== null}
        title={t('telephonyAdmin.extensions.removeTitle')}
        message={t('telephonyAdmin.extensions.removeConfirm', {
          extension: removing?.extension ?? '',
          name: removing?.user.displayName ?? '',
        })}
        confirmLabel={t('telephonyAdmin.remove')}
        danger
        loading={removePending}
        onConfirm={() => void confirmRemove()}
        onClose={() => setRemoving(null)}
      />
    </>
  );
}
