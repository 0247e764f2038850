import { ActionIcon, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconRoute } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '@web/app/auth';
import { ConfirmDialog } from '@web/ui/components/ConfirmDialog';
import { PageHeader } from '@web/ui/components/PageHeader';
import { reportError } from '@web/ui/form-errors';
import { useLocations } from '@web/app/org-queries';
import type { AssignmentRuleData } from '@web/features/requests/types';
import { AdminTable } from '@web/ui/admin/AdminTable';
import { EditModal } from '@web/ui/admin/EditModal';
import { ListState } from '@web/ui/admin/ListState';
import { RowActions } from '@web/ui/admin/RowActions';
import { useEditAndRemove } from '@web/ui/admin/use-edit-and-remove';
import { ProbeCard } from './ProbeCard';
import { useDeleteRule, useReorderRules, useRules } from './queries';
import { RuleForm } from './RuleForm';
import { can } from '@shared/auth/policies';

/**
 * /admin/assignment — who gets which request: ordered rules, the first that matches wins (R3.1).
 * Managers and admins edit them; staff read the rules of their locations.
 */
export default function RulesPage() {
  const { t } = useTranslation();
  const { role } = useCurrentUser();
  const canEdit = can(role, 'assignment.rules.edit');
  const rules = useRules();
  const locations = useLocations();
  const reorder = useReorderRules();
  const remove = useDeleteRule();
  const { editing, setEditing, removing, setRemoving, removeDialog } = useEditAndRemove<AssignmentRuleData>(
    remove,
    (rule) => t('assignment.rules.deleted', { name: rule.name }),
    { keepOpenOnError: true },
  );
  const locationName = useMemo(
    () => new Map((locations.data ?? []).map((location) => [location.id, location.code || location.name])),
    [locations.data],
  );
  const list = rules.data ?? [];

  function move(index: number, by: -1 | 1) {
    const ids = list.map((rule) => rule.id);
    const [moved] = ids.splice(index, 1);
    ids.splice(index + by, 0, moved!);
    reorder.mutate(ids, { onError: (error) => reportError(error) });
  }

  function matchSummary(rule: AssignmentRuleData) {
    const parts = [
      rule.match.types.map((type) => t(`requests.type.${type}`)).join(', '),
      rule.match.locationIds.map((id) => locationName.get(id) ?? '…').join(', '),
      rule.match.brands.join(', '),
      rule.match.sources.join(', '),
    ].filter(Boolean);
    return parts.length ? parts.join(' · ') : t('assignment.rules.matchAll');
  }

  function who(rule: AssignmentRuleData) {
    if (rule.strategy === 'fixed_user') return rule.user?.displayName ?? '–';
    return rule.groupUsers.map((user) => user.displayName).join(', ') || '–';
  }

  return (
    <Stack gap="lg">
      <div>
        <PageHeader
          title={t('assignment.rules.title')}
          description={t('assignment.rules.subtitle')}
          actions={
            canEdit ? (
              <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
                {t('assignment.rules.new')}
              </Button>
            ) : undefined
          }
        />
        {!canEdit && (
          <Text size="sm" c="dimmed" mb="sm">
            {t('assignment.rules.readOnly')}
          </Text>
        )}
        <ListState
          query={rules}
          empty={{
            icon: <IconRoute />,
            title: t('assignment.rules.emptyTitle'),
            text: t('assignment.rules.emptyText'),
            ...(canEdit ? { actionLabel: t('assignment.rules.new'), onAction: () => setEditing('new') } : {}),
          }}
        >
          <AdminTable
            minWidth={900}
            verticalSpacing="sm"
            columns={[
              t('assignment.rules.order'),
              t('assignment.rules.name'),
              t('assignment.rules.match'),
              t('assignment.rules.strategy'),
              t('assignment.rules.who'),
            ]}
          >
            {list.map((rule, index) => (
              <Table.Tr key={rule.id} opacity={rule.active ? 1 : 0.5}>
                <Table.Td>
                  <Group gap={2} wrap="nowrap">
                    <Text fw={700} w={20} ta="right" mr={4}>
                      {index + 1}
                    </Text>
                    {canEdit && (
                      <>
                        <ActionIcon
                          variant="subtle"
                          size="sm"
                          disabled={index === 0}
                          onClick={() => move(index, -1)}
                          aria-label={t('assignment.rules.up', { name: rule.name })}
                        >
                          <IconArrowUp size={14} />
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          size="sm"
                          disabled={index === list.length - 1}
                          onClick={() => move(index, 1)}
                          aria-label={t('assignment.rules.down', { name: rule.name })}
                        >
                          <IconArrowDown size={14} />
                        </ActionIcon>
                      </>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Group gap={6}>
                    <Text fw={600} size="sm">
                      {rule.name}
                    </Text>
                    {!rule.active && (
                      <Badge size="xs" color="gray">
                        {t('common.inactive')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{matchSummary(rule)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{t(`assignment.strategy.${rule.strategy}`)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={2}>
                    {who(rule)}
                  </Text>
                  {(rule.notifyManager || rule.notifyDeputy) && (
                    <Text size="xs" c="dimmed">
                      {[
                        rule.notifyManager && t('assignment.rules.notifiesManager'),
                        rule.notifyDeputy && t('assignment.rules.notifiesDeputy'),
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  {canEdit && (
                    <RowActions
                      onEdit={() => setEditing(rule)}
                      onRemove={() => setRemoving(rule)}
                      removeLabel={t('common.delete')}
                      names={{
                        edit: t('assignment.rules.editNamed', { name: rule.name }),
                        remove: t('assignment.rules.deleteNamed', { name: rule.name }),
                      }}
                    />
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </AdminTable>
          <Text size="xs" c="dimmed" p="sm">
            {t('assignment.rules.fallback')}
          </Text>
        </ListState>
      </div>
      {canEdit && <ProbeCard />}
      <EditModal
        editing={canEdit ? editing : null}
        onClose={() => setEditing(null)}
        titles={{ create: t('assignment.rules.new'), edit: t('assignment.rules.edit') }}
      >
        {(rule) => <RuleForm rule={rule} onClose={() => setEditing(null)} />}
      </EditModal>
      <ConfirmDialog
        title={t('assignment.rules.deleteTitle')}
        message={t('assignment.rules.deleteText', { name: removing?.name ?? '' })}
        confirmLabel={t('assignment.rules.delete')}
        danger
        {...removeDialog}
      />
    </Stack>
  );
}
