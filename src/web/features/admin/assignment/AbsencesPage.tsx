import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconBeach, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '@web/ui/components/ConfirmDialog';
import { PageHeader } from '@web/ui/components/PageHeader';
import { formatDate, todayInBerlin } from '@web/features/customers/format';
import type { AbsenceData } from '@web/features/requests/types';
import { AdminTable } from '@web/ui/admin/AdminTable';
import { EditModal } from '@web/ui/admin/EditModal';
import { ListState } from '@web/ui/admin/ListState';
import { RowActions } from '@web/ui/admin/RowActions';
import { useEditAndRemove } from '@web/ui/admin/use-edit-and-remove';
import { AbsenceForm } from './AbsenceForm';
import { PresenceOverview } from './PresenceOverview';
import { useAbsences, useDeleteAbsence } from './queries';

const KIND_COLORS = { holiday: 'blue', sick: 'red', training: 'grape', other: 'gray' } as const;

/** /admin/absences — holidays, sick leave and who deputises (R0.7, R3.1). */
export default function AbsencesPage() {
  const { t } = useTranslation();
  const absences = useAbsences();
  const remove = useDeleteAbsence();
  const { editing, setEditing, removing, setRemoving, removeDialog } = useEditAndRemove<AbsenceData>(
    remove,
    (absence) => t('assignment.absences.deleted', { name: absence.user.displayName }),
    { keepOpenOnError: true },
  );
  const today = todayInBerlin();
  const sorted = [...(absences.data ?? [])].sort((a, b) => a.startsOn.localeCompare(b.startsOn));

  return (
    <Stack gap="lg">
      <PresenceOverview />
      <div>
        <PageHeader
          title={t('assignment.absences.title')}
          description={t('assignment.absences.subtitle')}
          actions={
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
              {t('assignment.absences.new')}
            </Button>
          }
        />
        <ListState
          query={absences}
          empty={{
            icon: <IconBeach />,
            title: t('assignment.absences.emptyTitle'),
            text: t('assignment.absences.emptyText'),
            actionLabel: t('assignment.absences.new'),
            onAction: () => setEditing('new'),
          }}
        >
          <AdminTable
            minWidth={760}
            verticalSpacing="sm"
            columns={[
              t('assignment.absences.who'),
              t('assignment.absences.kind'),
              t('assignment.absences.period'),
              t('assignment.absences.deputy'),
              t('assignment.absences.note'),
            ]}
          >
            {sorted.map((absence) => {
              const current = absence.startsOn <= today && today <= absence.endsOn;
              const past = absence.endsOn < today;
              return (
                <Table.Tr key={absence.id} opacity={past ? 0.5 : 1}>
                  <Table.Td>
                    <Group gap={6}>
                      <Text size="sm" fw={600}>
                        {absence.user.displayName}
                      </Text>
                      {current && (
                        <Badge size="xs" color="orange">
                          {t('assignment.absences.today')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    {/* Without a kind the server holds back why (sick leave is health data): just "away". */}
                    <Badge variant="light" color={KIND_COLORS[absence.kind ?? 'other']} tt="none">
                      {t(`assignment.absenceKind.${absence.kind ?? 'other'}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {formatDate(absence.startsOn)} – {formatDate(absence.endsOn)}
                  </Table.Td>
                  <Table.Td>{absence.deputy?.displayName ?? t('common.none')}</Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={2}>
                      {absence.note ?? ''}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    {/* Whoever may see why someone is away may also change it; the others see it only. */}
                    {absence.kind && (
                      <RowActions
                        onEdit={() => setEditing(absence)}
                        onRemove={() => setRemoving(absence)}
                        removeLabel={t('common.delete')}
                        names={{
                          edit: t('assignment.absences.editNamed', { name: absence.user.displayName }),
                          remove: t('assignment.absences.deleteNamed', { name: absence.user.displayName }),
                        }}
                      />
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </AdminTable>
        </ListState>
      </div>
      <EditModal
        editing={editing}
        onClose={() => setEditing(null)}
        titles={{ create: t('assignment.absences.new'), edit: t('assignment.absences.edit') }}
        size="md"
      >
        {(absence) => <AbsenceForm absence={absence} onClose={() => setEditing(null)} />}
      </EditModal>
      <ConfirmDialog
        title={t('assignment.absences.delete')}
        message={t('assignment.absences.deleteText', { name: removing?.user.displayName ?? '' })}
        confirmLabel={t('assignment.absences.delete')}
        danger
        {...removeDialog}
      />
    </Stack>
  );
}
