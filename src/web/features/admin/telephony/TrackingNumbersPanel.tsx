import { Badge, Button, Group, Modal, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconPlus, IconSpeakerphone } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatPhone } from '../../../../shared/contacts/normalize';
import { ConfirmDialog } from '../../../app/components/ConfirmDialog';
import { ListState } from '../ListState';
import { type TrackingNumberItem, useRemoveTrackingNumber, useTrackingNumbers } from './queries';
import { TrackingNumberForm } from './TrackingNumberForm';
import { RowActions } from './RowActions';
import { useEditAndRemove } from './use-edit-and-remove';

export function TrackingNumbersPanel({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const numbers = useTrackingNumbers();
  const remove = useRemoveTrackingNumber();
  const { editing, setEditing, removing, setRemoving, confirmRemove, removePending } =
    useEditAndRemove<TrackingNumberItem>(remove, (tn) =>
      t('telephonyAdmin.tracking.removed', { number: formatPhone(tn.number, tn.number) }),
    );

  return (
    <>
      {canEdit && (
        <Group justify="flex-end" mb="md">
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            {t('telephonyAdmin.tracking.new')}
          </Button>
        </Group>
      )}
      <ListState
        query={numbers}
        empty={{
          icon: <IconSpeakerphone />,
          title: t('telephonyAdmin.tracking.emptyTitle'),
          text: t('telephonyAdmin.tracking.emptyText'),
          ...(canEdit ? { actionLabel: t('telephonyAdmin.tracking.new'), onAction: () => setEditing('new') } : {}),
        }}
      >
        <Table.ScrollContainer minWidth={900}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('telephonyAdmin.tracking.number')}</Table.Th>
                <Table.Th>{t('telephonyAdmin.tracking.label')}</Table.Th>
                <Table.Th>{t('telephonyAdmin.tracking.source')}</Table.Th>
                <Table.Th>{t('telephonyAdmin.tracking.listing')}</Table.Th>
                <Table.Th>{t('telephonyAdmin.tracking.routing')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
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
                    {canEdit && <RowActions onEdit={() => setEditing(tn)} onRemove={() => setRemoving(tn)} />}
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
        title={editing === 'new' ? t('telephonyAdmin.tracking.createTitle') : t('telephonyAdmin.tracking.editTitle')}
        size="xl"
        closeOnClickOutside={false}
      >
        {editing !== null && (
          <TrackingNumberForm trackingNumber={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
        )}
      </Modal>
      <ConfirmDialog
        opened={removing !== null}
        title={t('telephonyAdmin.tracking.removeTitle')}
        message={t('telephonyAdmin.tracking.removeConfirm', {
          number: removing ? formatPhone(removing.number, removing.number) : '',
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
