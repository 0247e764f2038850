import { Avatar, Box, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  IconCalendarShare,
  IconChecklist,
  IconChevronDown,
  IconKey,
  IconLanguage,
  IconLogout,
  IconUsersGroup,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { CalendarSubscriptionModal } from '@web/features/activities/subscription/CalendarSubscriptionModal';
import { ChangePasswordModal } from '@web/features/auth/ChangePasswordModal';
import { useAuth, useCurrentUser } from '../auth';
import { LanguageSwitch } from '@web/ui/components/LanguageSwitch';
import { useOpenedOnce } from '@web/ui/use-opened-once';

function initials(name: string) {
  const parts = name.trim().split(/\s+/);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '')).toUpperCase();
}

export function UserMenu() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { logout } = useAuth();
  const navigate = useNavigate();
  const [passwordOpened, passwordModal] = useDisclosure(false);
  const [calendarOpened, calendarModal] = useDisclosure(false);
  const passwordLoaded = useOpenedOnce(passwordOpened);
  const calendarLoaded = useOpenedOnce(calendarOpened);

  async function handleLogout() {
    await logout().catch(() => undefined);
    notifications.show({ message: t('userMenu.loggedOut') });
    void navigate('/login', { replace: true });
  }

  return (
    <>
      <Menu position="bottom-end" width={260} shadow="md" withinPortal>
        <Menu.Target>
          <UnstyledButton
            aria-label={t('userMenu.open')}
            px={6}
            py={4}
            style={{ borderRadius: 'var(--mantine-radius-md)' }}
          >
            <Group gap="xs" wrap="nowrap">
              <Avatar color="autohaus" radius="xl" size={34}>
                {initials(user.displayName)}
              </Avatar>
              <Box visibleFrom="sm" style={{ lineHeight: 1.15 }}>
                <Text size="sm" fw={600}>
                  {user.displayName}
                </Text>
                <Text size="xs" c="dimmed">
                  {t(`roles.${user.role}`)}
                </Text>
              </Box>
              <IconChevronDown size={16} stroke={1.6} />
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Box px="sm" py="xs">
            <Text size="sm" fw={600}>
              {user.displayName}
            </Text>
            <Text size="xs" c="dimmed" truncate>
              {user.email}
            </Text>
            <Text size="xs" c="dimmed">
              {t(`roles.${user.role}`)}
            </Text>
          </Box>
          <Menu.Divider />
          <Menu.Label>
            <Group gap={6}>
              <IconLanguage size={14} />
              {t('userMenu.language')}
            </Group>
          </Menu.Label>
          <Box px="sm" pb="xs">
            <LanguageSwitch fullWidth />
          </Box>
          <Menu.Divider />
          {/* Duty lives here rather than in the main navigation: reachable at every location, with or without check-in. */}
          <Menu.Label>{t('userMenu.duty')}</Menu.Label>
          <Menu.Item component={Link} to="/duty" leftSection={<IconUsersGroup size={16} />}>
            {t('duty.whoIsOnDuty')}
          </Menu.Item>
          <Menu.Item component={Link} to="/checks" leftSection={<IconChecklist size={16} />}>
            {t('dailyChecks.title')}
          </Menu.Item>
          <Menu.Divider />
          <Menu.Item leftSection={<IconKey size={16} />} onClick={passwordModal.open}>
            {t('userMenu.changePassword')}
          </Menu.Item>
          <Menu.Item leftSection={<IconCalendarShare size={16} />} onClick={calendarModal.open}>
            {t('userMenu.calendarSubscription')}
          </Menu.Item>
          <Menu.Item leftSection={<IconLogout size={16} />} color="red" onClick={() => void handleLogout()}>
            {t('userMenu.logout')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {/* Mounted when first opened: every page shows this menu, few visits open its dialogs. */}
      {passwordLoaded && <ChangePasswordModal opened={passwordOpened} onClose={passwordModal.close} />}
      {calendarLoaded && <CalendarSubscriptionModal opened={calendarOpened} onClose={calendarModal.close} />}
    </>
  );
}
