import {
  ActionIcon,
  Button,
  Code,
  CopyButton,
  Group,
  Modal,
  Table,
  Text,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { IconCheck, IconCopy, IconPhoneCall, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Connection } from '../../../../shared/telephony/schemas';
import { ConfirmDialog } from '../../../app/components/ConfirmDialog';
import { ListState } from '../ListState';
import { ConnectionForm } from './ConnectionForm';
import { useConnections, useRemoveConnection } from './queries';
import { StateBadge } from './StateBadge';
import { RowActions } from './RowActions';
import { useEditAndRemove } from './use-edit-and-remove';

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
  const { editing, setEditing, removing, setRemoving, confirmRemove, removePending } = useEditAndRemove<Connection>(
    remove,
    (c) => t('telephonyAdmin.connections.removed', { name: c.name }),
  );

  return (
    <>
      {canEdit && (
        <Group justify="flex-end" mb="md">
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            {t('telephonyAdmin.connections.new')}
          </Button>
        </Group>
      )}
      <ListState
        query={connections}
        empty={{
          icon: <IconPhoneCall />,
          title: t('telephonyAdmin.connections.emptyTitle'),
          text: t('telephonyAdmin.connections.emptyText'),
          ...(canEdit ? { actionLabel: t('telephonyAdmin.connections.new'), onAction: () => setEditing('new') } : {}),
        }}
      >
        <Table.ScrollContainer minWidth={860}>
          <Table verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('telephonyAdmin.connections.name')}</Table.Th>
                <Table.Th>{t('telephonyAdmin.connections.provider')}</Table.Th>
                <Table.Th>{t('telephonyAdmin.connections.state')}</Table.Th>
                <Table.Th>{t('telephonyAdmin.connections.webhookUrl')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
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
                    {canEdit && <RowActions onEdit={() => setEditing(c)} onRemove={() => setRemoving(c)} />}
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
          editing === 'new' ? t('telephonyAdmin.connections.createTitle') : t('telephonyAdmin.connections.editTitle')
        }
        size="xl"
        closeOnClickOutside={false}
      >
        {editing !== null && (
          <ConnectionForm connection={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
        )}
      </Modal>
      <ConfirmDialog
        opened={removing !== null}
        title={t('telephonyAdmin.connections.removeTitle')}
        message={t('telephonyAdmin.connections.removeConfirm', { name: removing?.name ?? '' })}
        confirmLabel={t('telephonyAdmin.remove')}
        danger
        loading={removePending}
        onConfirm={() => void confirmRemove()}
        onClose={() => setRemoving(null)}
      />
    </>
  );
}
