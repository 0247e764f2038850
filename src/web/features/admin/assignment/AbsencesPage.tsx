import { ActionIcon, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconBeach, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '@web/ui/components/ConfirmDialog';
import { PageHeader } from '@web/ui/components/PageHeader';
import { reportError } from '@web/ui/form-errors';
import { formatDate, todayInBerlin } from '@web/features/customers/format';
import type { AbsenceData } from '@web/features/requests/types';
import { ListState } from '@web/ui/admin/ListState';
import { AbsenceFormModal } from './AbsenceFormModal';
import { PresenceOverview } from './PresenceOverview';
import { useAbsences, useDeleteAbsence } from './queries';

const KIND_COLORS = { holiday: 'blue', sick: 'red', training: 'grape', other: 'gray' } as const;

/** /admin/absences — holidays, sick leave and who deputises (R0.7, R3.1). */
export default function AbsencesPage() {
  const { t } = useTranslation();
  const absences = useAbsences();
  const remove = useDeleteAbsence();
  const [editing, setEditing] = useState<{ absence: AbsenceData | null } | null>(null);
  const [deleting, setDeleting] = useState<AbsenceData | null>(null);
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
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ absence: null })}>
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
            onAction: () => setEditing({ absence: null }),
          }}
        >
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('assignment.absences.who')}</Table.Th>
                  <Table.Th>{t('assignment.absences.kind')}</Table.Th>
                  <Table.Th>{t('assignment.absences.period')}</Table.Th>
                  <Table.Th>{t('assignment.absences.deputy')}</Table.Th>
                  <Table.Th>{t('assignment.absences.note')}</Table.Th>
                  <Table.Th w={90} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
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
                      <Table.Td>
                        {/* Whoever may see why someone is away may also change it; the others see it only. */}
                        {absence.kind && (
                          <Group gap={4} wrap="nowrap">
                            <ActionIcon
                              variant="subtle"
                              onClick={() => setEditing({ absence })}
                              aria-label={t('common.edit')}
                            >
                              <IconPencil size={16} />
                            </ActionIcon>
                            <ActionIcon
                              variant="subtle"
                              color="red"
                              onClick={() => setDeleting(absence)}
                              aria-label={t('assignment.absences.delete')}
                            >
                              <IconTrash size={16} />
                            </ActionIcon>
                          </Group>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </ListState>
      </div>
      <AbsenceFormModal opened={editing !== null} absence={editing?.absence ?? null} onClose={() => setEditing(null)} />
      <ConfirmDialog
        opened={deleting !== null}
        title={t('assignment.absences.delete')}
        message={t('assignment.absences.deleteText', { name: deleting?.user.displayName ?? '' })}
        confirmLabel={t('assignment.absences.delete')}
        danger
        loading={remove.isPending}
        onClose={() => setDeleting(null)}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.id, { onSuccess: () => setDeleting(null), onError: (error) => reportError(error) })
        }
      />
    </Stack>
  );
}
