import { Badge, Button, Group, Table, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconUsers } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '@shared/org/schemas';
import { useCurrentUser } from '@web/app/auth';
import { PageHeader } from '@web/ui/components/PageHeader';
import { SecretReveal } from '@web/ui/components/SecretReveal';
import { reportError } from '@web/ui/form-errors';
import { useLocations } from '@web/app/org-queries';
import { AdminTable } from '@web/ui/admin/AdminTable';
import { ListState } from '@web/ui/admin/ListState';
import { useResetPassword, useSaveUser, useUsers } from '../queries';
import { UserActions } from './UserActions';
import { UserFormModal } from './UserFormModal';

export default function UsersPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const users = useUsers();
  const locations = useLocations();
  const saveUser = useSaveUser();
  const resetPassword = useResetPassword();
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [oneTime, setOneTime] = useState<{ name: string; password: string } | null>(null);

  const locationById = useMemo(
    () => new Map((locations.data ?? []).map((location) => [location.id, location])),
    [locations.data],
  );

  const sorted = useMemo(
    () => [...(users.data ?? [])].sort((a, b) => a.lastName.localeCompare(b.lastName, 'de')),
    [users.data],
  );

  async function handleReset(user: User) {
    try {
      const { password } = await resetPassword.mutateAsync(user.id);
      setOneTime({ name: user.displayName, password });
    } catch (error) {
      reportError(error);
    }
  }

  async function handleToggleActive(user: User) {
    try {
      await saveUser.mutateAsync({ id: user.id, body: { active: !user.active } });
      const key = user.active ? 'admin.users.deactivated' : 'admin.users.activated';
      notifications.show({ color: 'teal', message: t(key, { name: user.displayName }) });
    } catch (error) {
      reportError(error);
    }
  }

  const openCreate = () => setEditing('new');

  return (
    <>
      <PageHeader
        title={t('admin.tabs.users')}
        description={t('admin.users.subtitle')}
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={openCreate}>
            {t('admin.users.new')}
          </Button>
        }
      />
      <ListState
        query={users}
        empty={{
          icon: <IconUsers />,
          title: t('admin.users.emptyTitle'),
          text: t('admin.users.emptyText'),
          actionLabel: t('admin.users.new'),
          onAction: openCreate,
        }}
      >
        <AdminTable
          minWidth={980}
          noWrap
          columns={[
            t('admin.users.name'),
            t('admin.users.email'),
            t('admin.users.role'),
            t('admin.users.homeLocation'),
            t('admin.users.furtherLocations'),
            t('admin.users.extension'),
            t('admin.users.status'),
          ]}
        >
          {sorted.map((user) => (
            <Table.Tr key={user.id} c={user.active ? undefined : 'dimmed'}>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Text size="sm" fw={600}>
                    {user.displayName}
                  </Text>
                  {user.id === me.id && (
                    <Text size="sm" c="dimmed">
                      ({t('admin.users.you')})
                    </Text>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>{user.email}</Table.Td>
              <Table.Td>{t(`roles.${user.role}`)}</Table.Td>
              <Table.Td>{locationById.get(user.homeLocationId)?.name ?? '…'}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {user.locationIds.length === 0
                    ? t('common.none')
                    : user.locationIds.map((id) => (
                        // Codes keep the column narrow; the full name is one hover away.
                        <Tooltip key={id} label={locationById.get(id)?.name ?? id}>
                          <Badge variant="default" size="sm" fw={600}>
                            {locationById.get(id)?.code ?? '…'}
                          </Badge>
                        </Tooltip>
                      ))}
                </Group>
              </Table.Td>
              <Table.Td>{user.phoneExtension ?? t('common.none')}</Table.Td>
              <Table.Td>
                <Badge color={user.active ? 'teal' : 'gray'} variant="light">
                  {user.active ? t('common.active') : t('common.inactive')}
                </Badge>
              </Table.Td>
              <Table.Td>
                <UserActions
                  user={user}
                  isSelf={user.id === me.id}
                  onEdit={() => setEditing(user)}
                  onResetPassword={() => handleReset(user)}
                  onToggleActive={() => handleToggleActive(user)}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </AdminTable>
      </ListState>

      <UserFormModal
        opened={editing !== null}
        user={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
        onCreated={(user, password) => password && setOneTime({ name: user.displayName, password })}
      />
      <SecretReveal
        secret={oneTime?.password ?? null}
        title={t('admin.users.oneTimePasswordTitle', { name: oneTime?.name ?? '' })}
        message={t('admin.users.oneTimePasswordText', { name: oneTime?.name ?? '' })}
        onClose={() => setOneTime(null)}
      />
    </>
  );
}
