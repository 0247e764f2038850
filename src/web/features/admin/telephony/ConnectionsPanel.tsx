import { ActionIcon, Code, CopyButton, Group, Table, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy, IconPhoneCall } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Connection } from '@shared/telephony/schemas';
import { ConfirmDialog } from '@web/ui/components/ConfirmDialog';
import { AddButton } from '@web/ui/admin/AddButton';
import { AdminTable } from '@web/ui/admin/AdminTable';
import { EditModal } from '@web/ui/admin/EditModal';
import { ListState } from '@web/ui/admin/ListState';
import { ConnectionForm } from './ConnectionForm';
import { useConnections, useRemoveConnection } from './queries';
import { StateBadge } from './StateBadge';
import { RowActions } from '@web/ui/admin/RowActions';
import { useEditAndRemove } from '@web/ui/admin/use-edit-and-remove';

function CopyUrl({ url }: { url: string }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      <Code style={{ wordBreak: 'break-all' }}>{url}</Code>
      <CopyButton value={url} timeout={2000}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? t('common.copied') : t('common.copy')} withArrow>
            <ActionIcon variant="subtle" color={copied ? 'teal' : 'gray'} onClick={copy} aria-label={t('common.copy')}>
              {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}

export function ConnectionsPanel({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const connections = useConnections();
  const remove = useRemoveConnection();
  const { editing, setEditing, removing, setRemoving, removeDialog } = useEditAndRemove<Connection>(remove, (c) =>
    t('telephonyAdmin.connections.removed', { name: c.name }),
  );

  return (
    <>
      {canEdit && <AddButton label={t('telephonyAdmin.connections.new')} onClick={() => setEditing('new')} />}
      <ListState
        query={connections}
        empty={{
          icon: <IconPhoneCall />,
          title: t('telephonyAdmin.connections.emptyTitle'),
          text: t('telephonyAdmin.connections.emptyText'),
          ...(canEdit ? { actionLabel: t('telephonyAdmin.connections.new'), onAction: () => setEditing('new') } : {}),
        }}
      >
        <AdminTable
          minWidth={860}
          verticalSpacing="sm"
          columns={[
            t('telephonyAdmin.connections.name'),
            t('telephonyAdmin.connections.provider'),
            t('telephonyAdmin.connections.state'),
            t('telephonyAdmin.connections.webhookUrl'),
          ]}
        >
          {(connections.data ?? []).map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {c.name}
                </Text>
              </Table.Td>
              <Table.Td>{t(`telephonyAdmin.providers.${c.provider}`)}</Table.Td>
              <Table.Td>
                <StateBadge connection={c} />
              </Table.Td>
              <Table.Td>{c.webhookUrl ? <CopyUrl url={c.webhookUrl} /> : t('common.none')}</Table.Td>
              <Table.Td ta="right">
                {canEdit && (
                  <RowActions
                    onEdit={() => setEditing(c)}
                    onRemove={() => setRemoving(c)}
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
        titles={{
          create: t('telephonyAdmin.connections.createTitle'),
          edit: t('telephonyAdmin.connections.editTitle'),
        }}
      >
        {(item) => <ConnectionForm connection={item} onClose={() => setEditing(null)} />}
      </EditModal>
      <ConfirmDialog
        title={t('telephonyAdmin.connections.removeTitle')}
        message={t('telephonyAdmin.connections.removeConfirm', { name: removing?.name ?? '' })}
        confirmLabel={t('telephonyAdmin.remove')}
        danger
        {...removeDialog}
      />
    </>
  );
}
