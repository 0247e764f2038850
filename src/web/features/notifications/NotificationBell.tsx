import {
  ActionIcon,
  Button,
  Center,
  Group,
  Indicator,
  Popover,
  ScrollArea,
  Skeleton,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { IconBell, IconBellOff, IconChecks } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { formatDateTime } from '@web/ui/format';
import { useLiveEvents } from './live-events';
import { useMarkRead, useNotificationList, useUnreadCount, type Notification } from './queries';
import { notificationWords } from './words';

function Item({ notification, onOpen }: { notification: Notification; onOpen(notification: Notification): void }) {
  const unread = !notification.readAt;
  const { title, body } = notificationWords(notification);
  return (
    <UnstyledButton
      onClick={() => onOpen(notification)}
      p="sm"
      style={{
        borderRadius: 'var(--mantine-radius-md)',
        background: unread ? 'var(--mantine-color-blue-0)' : undefined,
      }}
      data-unread={unread || undefined}
    >
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <span
          aria-hidden
          style={{
            width: 8,
            height: 8,
            marginTop: 6,
            flex: 'none',
            borderRadius: 4,
            background: unread ? 'var(--mantine-color-blue-6)' : 'transparent',
          }}
        />
        <Stack gap={2}>
          <Text size="sm" fw={unread ? 700 : 500}>
            {title}
          </Text>
          {body && (
            <Text size="xs" c="dimmed" lineClamp={2}>
              {body}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {formatDateTime(notification.createdAt)}
          </Text>
        </Stack>
      </Group>
    </UnstyledButton>
  );
}

/** The bell in the header: unread count, the latest notifications, and the live stream behind it. */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const unread = useUnreadCount();
  const list = useNotificationList(opened);
  const markRead = useMarkRead();
  useLiveEvents();
  const count = unread.data ?? 0;

  function open(notification: Notification) {
    if (!notification.readAt) markRead.mutate({ ids: [notification.id] });
    setOpened(false);
    if (notification.link) void navigate(notification.link);
  }

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={380} shadow="md" withArrow>
      <Popover.Target>
        <Indicator label={count > 99 ? '99+' : count} size={18} color="red" disabled={count === 0} offset={4}>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            onClick={() => setOpened((value) => !value)}
            aria-label={count ? t('notifications.bellUnread', { count }) : t('notifications.bell')}
          >
            <IconBell size={22} stroke={1.7} />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p="xs">
        <Group justify="space-between" px="xs" pb="xs">
          <Text fw={700}>{t('notifications.title')}</Text>
          <Button
            size="compact-xs"
            variant="subtle"
            leftSection={<IconChecks size={14} />}
            disabled={count === 0}
            loading={markRead.isPending}
            onClick={() => markRead.mutate({ all: true })}
          >
            {t('notifications.markAllRead')}
          </Button>
        </Group>
        <ScrollArea.Autosize mah={420}>
          {list.isPending ? (
            <Stack gap="xs">
              {[0, 1, 2].map((row) => (
                <Skeleton key={row} height={56} />
              ))}
            </Stack>
          ) : list.isError ? (
            <Text size="sm" c="red" p="sm">
              {t('errors.loadFailed')}
            </Text>
          ) : list.data.items.length === 0 ? (
            <Center py="lg">
              <Stack align="center" gap={4}>
                <IconBellOff size={28} color="var(--mantine-color-gray-5)" />
                <Text size="sm" c="dimmed">
                  {t('notifications.empty')}
                </Text>
              </Stack>
            </Center>
          ) : (
            <Stack gap={2}>
              {list.data.items.map((notification) => (
                <Item key={notification.id} notification={notification} onOpen={open} />
              ))}
            </Stack>
          )}
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}
