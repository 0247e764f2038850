import { Badge, Group, Stack, Table, Text } from '@mantine/core';
import { IconSpeakerphone } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatPhone } from '@shared/contacts/normalize';
import { ConfirmDialog } from '@web/ui/components/ConfirmDialog';
import { AddButton } from '@web/ui/admin/AddButton';
import { AdminTable } from '@web/ui/admin/AdminTable';
import { EditModal } from '@web/ui/admin/EditModal';
import { ListState } from '@web/ui/admin/ListState';
import { type TrackingNumberItem, useRemoveTrackingNumber, useTrackingNumbers } from './queries';
import { TrackingNumberForm } from './TrackingNumberForm';
import { RowActions } from '@web/ui/admin/RowActions';
import { useEditAndRemove } from '@web/ui/admin/use-edit-and-remove';

export function TrackingNumbersPanel({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const numbers = useTrackingNumbers();
  const remove = useRemoveTrackingNumber();
  const { editing, setEditing, removing, setRemoving, removeDialog } = useEditAndRemove<TrackingNumberItem>(
    remove,
    (tn) => t('telephonyAdmin.tracking.removed', { number: formatPhone(tn.number, tn.number) }),
  );

  return (
    <>
      {canEdit && <AddButton label={t('telephonyAdmin.tracking.new')} onClick={() => setEditing('new')} />}
      <ListState
        query={numbers}
        empty={{
          icon: <IconSpeakerphone />,
          title: t('telephonyAdmin.tracking.emptyTitle'),
          text: t('telephonyAdmin.tracking.emptyText'),
          ...(canEdit ? { actionLabel: t('telephonyAdmin.tracking.new'), onAction: () => setEditing('new') } : {}),
        }}
      >
        <AdminTable
          minWidth={900}
          columns={[
            t('telephonyAdmin.tracking.number'),
            t('telephonyAdmin.tracking.label'),
            t('telephonyAdmin.tracking.source'),
            t('telephonyAdmin.tracking.listing'),
            t('telephonyAdmin.tracking.routing'),
          ]}
        >
          {(numbers.data ?? []).map((tn) => (
            <Table.Tr key={tn.id} c={tn.active ? undefined : 'dimmed'}>
              <Table.Td>
                <Text size="sm" fw={600} ff="monospace">
                  {formatPhone(tn.number, tn.number)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={6}>
                  {tn.label}
                  {!tn.active && (
                    <Badge size="sm" color="gray" variant="light">
                      {t('common.inactive')}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                <Stack gap={0}>
                  <Text size="sm">{tn.source}</Text>
                  <Text size="xs" c="dimmed">
                    {[tn.campaign, t(`requests.channel.${tn.channel}`)].filter(Boolean).join(' · ')}
                  </Text>
                </Stack>
              </Table.Td>
              <Table.Td>{tn.listingRef ?? t('common.none')}</Table.Td>
              <Table.Td>
                {tn.routeUser?.displayName ??
                  (tn.routeGroup.length > 0
                    ? tn.routeGroup.map((u) => u.displayName).join(', ')
                    : t('telephonyAdmin.tracking.rulesDecide'))}
              </Table.Td>
              <Table.Td ta="right">
                {canEdit && (
                  <RowActions
                    onEdit={() => setEditing(tn)}
                    onRemove={() => setRemoving(tn)}
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
        titles={{ create: t('telephonyAdmin.tracking.createTitle'), edit: t('telephonyAdmin.tracking.editTitle') }}
      >
        {(item) => <TrackingNumberForm trackingNumber={item} onClose={() => setEditing(null)} />}
      </EditModal>
      <ConfirmDialog
        title={t('telephonyAdmin.tracking.removeTitle')}
        message={t('telephonyAdmin.tracking.removeConfirm', {
          number: removing ? formatPhone(removing.number, removing.number) : '',
        })}
        confirmLabel={t('telephonyAdmin.remove')}
        danger
        {...removeDialog}
      />
    </>
  );
}
