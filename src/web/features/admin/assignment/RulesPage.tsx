import { ActionIcon, Badge, Button, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPencil, IconPlus, IconRoute, IconTrash } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '@web/app/auth';
import { ConfirmDialog } from '@web/ui/components/ConfirmDialog';
import { PageHeader } from '@web/ui/components/PageHeader';
import { reportError } from '@web/ui/form-errors';
import { useLocations } from '@web/app/org-queries';
import type { AssignmentRuleData } from '@web/features/requests/types';
import { ListState } from '@web/ui/admin/ListState';
import { ProbeCard } from './ProbeCard';
import { useDeleteRule, useReorderRules, useRules } from './queries';
import { RuleFormModal } from './RuleFormModal';
import { can } from '@shared/auth/policies';

type Editing = { rule: AssignmentRuleData | null } | null;

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
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<AssignmentRuleData | null>(null);
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
              <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ rule: null })}>
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
            ...(canEdit ? { actionLabel: t('assignment.rules.new'), onAction: () => setEditing({ rule: null }) } : {}),
          }}
        >
          <Table.ScrollContainer minWidth={900}>
            <Table verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={canEdit ? 90 : 40}>{t('assignment.rules.order')}</Table.Th>
                  <Table.Th>{t('assignment.rules.name')}</Table.Th>
                  <Table.Th>{t('assignment.rules.match')}</Table.Th>
                  <Table.Th>{t('assignment.rules.strategy')}</Table.Th>
                  <Table.Th>{t('assignment.rules.who')}</Table.Th>
                  {canEdit && <Table.Th w={90} />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
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
                    {canEdit && (
                      <Table.Td>
                        <Group gap={4} wrap="nowrap">
                          <Tooltip label={t('common.edit')}>
                            <ActionIcon
                              variant="subtle"
                              onClick={() => setEditing({ rule })}
                              aria-label={t('assignment.rules.editNamed', { name: rule.name })}
                            >
                              <IconPencil size={16} />
                            </ActionIcon>
                          </Tooltip>
                          <Tooltip label={t('assignment.rules.delete')}>
                            <ActionIcon
                              variant="subtle"
                              color="red"
                              onClick={() => setDeleting(rule)}
                              aria-label={t('assignment.rules.deleteNamed', { name: rule.name })}
                            >
                              <IconTrash size={16} />
                            </ActionIcon>
                          </Tooltip>
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Text size="xs" c="dimmed" p="sm">
            {t('assignment.rules.fallback')}
          </Text>
        </ListState>
      </div>
      {canEdit && <ProbeCard />}
      {canEdit && (
        <RuleFormModal opened={editing !== null} rule={editing?.rule ?? null} onClose={() => setEditing(null)} />
      )}
      <ConfirmDialog
        opened={deleting !== null}
        title={t('assignment.rules.deleteTitle')}
        message={t('assignment.rules.deleteText', { name: deleting?.name ?? '' })}
        confirmLabel={t('assignment.rules.delete')}
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
