import { ActionIcon, Button, Group, Menu, Paper, Stack, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { notifications as toasts } from '@mantine/notifications';
import { IconAlarm, IconBellRinging, IconCheck, IconChevronDown, IconExternalLink, IconX } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useMarkRead, type Notification } from '@web/features/notifications/queries';
import { notificationWords } from '@web/features/notifications/words';
import { ApiError } from '@web/ui/api';
import { describeError } from '@web/ui/describe-error';
import { TIME_ZONE } from '@web/ui/format';
import { currentLocale } from '@web/i18n';
import { CompleteActivityDialog } from '../CompleteActivityDialog';
import { useActivity, useSnoozeActivity } from './queries';

/** What "Später erinnern" offers, in minutes. */
export const SNOOZE_MINUTES = [5, 15, 60] as const;

const timeFormat = () =>
  new Intl.DateTimeFormat(currentLocale() === 'de' ? 'de-DE' : 'en-GB', {
    timeZone: TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
  });

/** The server refuses with 409 when the activity was done or cancelled meanwhile. */
function refusal(error: unknown): 'done' | 'cancelled' | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  return /cancel/i.test(error.message) ? 'cancelled' : 'done';
}

interface ReminderCardProps {
  notification: Notification;
  onClose(): void;
}

/**
 * One reminder: what is due, and the four ways to deal with it. Every way marks the
 * notification read, so no e-mail follows; done and snooze also tell the server.
 */
export function ReminderCard({ notification, onClose }: ReminderCardProps) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const titleId = useId();
  const { title, body } = notificationWords(notification);
  const activityId = typeof notification.data.activityId === 'string' ? notification.data.activityId : undefined;
  const hasCustomer = typeof notification.data.contactId === 'string';
  const activity = useActivity(activityId);
  const markRead = useMarkRead();
  const snooze = useSnoozeActivity();
  const [problem, setProblem] = useState<string | null>(null);
  const [completing, setCompleting] = useState(false);
  const [refused, setRefused] = useState<'done' | 'cancelled' | null>(null);
  // When the card appeared, on its element: browser tests and the benchmark compare it with the due time.
  const [shownAt] = useState(() => Date.now());

  // Done or cancelled elsewhere since the reminder fired: only closing is left.
  const status = activity.data?.status;
  const ended = refused ?? (status === 'done' || status === 'cancelled' ? status : null);
  const finished = ended !== null;
  const endedText =
    ended === 'done' ? t('reminders.alreadyDone') : ended === 'cancelled' ? t('reminders.alreadyCancelled') : null;
  const busy = snooze.isPending;

  const close = () => {
    markRead.mutate({ ids: [notification.id] });
    onClose();
  };

  const fail = (error: unknown) => {
    const why = refusal(error);
    if (why) {
      setRefused(why);
      return;
    }
    setProblem(t('reminders.failed', { message: describeError(error) }));
  };

  // Done goes through the completion dialog, which asks for the result and offers the follow-up.
  const done = () => {
    if (!activity.data) return;
    setProblem(null);
    setCompleting(true);
  };

  const later = (minutes: number) => {
    if (!activityId) return;
    setProblem(null);
    snooze.mutate(
      { id: activityId, minutes },
      {
        onSuccess: (snoozed) => {
          const at = snoozed.remindAt ? timeFormat().format(new Date(snoozed.remindAt)) : '';
          toasts.show({ color: 'blue', message: t('reminders.snoozed', { time: at }) });
          close();
        },
        onError: fail,
      },
    );
  };

  const open = () => {
    close();
    if (notification.link) void navigate(notification.link);
  };

  const message = endedText ?? problem;

  return (
    <Paper
      component="article"
      aria-labelledby={titleId}
      shadow="lg"
      radius="md"
      withBorder
      p="sm"
      w="100%"
      data-reminder-id={notification.id}
      data-activity-id={activityId}
      data-shown-at={shownAt}
      lang={i18n.language}
      style={{ borderLeft: '4px solid var(--mantine-color-orange-6)' }}
    >
      <Stack gap="xs">
        <Group gap="sm" wrap="nowrap" align="flex-start" justify="space-between">
          <Group gap="sm" wrap="nowrap" align="flex-start" style={{ minWidth: 0 }}>
            <ThemeIcon color="orange" variant="light" radius="xl" size={34}>
              <IconBellRinging size={18} />
            </ThemeIcon>
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Text size="xs" c="dimmed">
                {t('reminders.label')}
              </Text>
              <Text fw={700} id={titleId} lineClamp={2}>
                {title}
              </Text>
              {body && (
                <Text size="sm" c="dimmed" lineClamp={2}>
                  {body}
                </Text>
              )}
            </Stack>
          </Group>
          <Tooltip label={t('reminders.dismiss')}>
            <ActionIcon variant="subtle" color="gray" aria-label={t('reminders.dismiss')} onClick={close}>
              <IconX size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
        {message && (
          <Text size="sm" c={finished ? 'dimmed' : 'red'} role="status">
            {message}
          </Text>
        )}
        {!finished && activityId && (
          <Group gap="xs" wrap="wrap">
            <Button
              size="xs"
              color="green"
              leftSection={<IconCheck size={14} />}
              onClick={done}
              disabled={busy || !activity.data}
            >
              {t('reminders.done')}
            </Button>
            <Menu position="bottom-start" withinPortal>
              <Menu.Target>
                <Button
                  size="xs"
                  variant="light"
                  leftSection={<IconAlarm size={14} />}
                  rightSection={<IconChevronDown size={14} />}
                  loading={snooze.isPending}
                  disabled={busy && !snooze.isPending}
                >
                  {t('reminders.snooze')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {SNOOZE_MINUTES.map((minutes) => (
                  <Menu.Item key={minutes} onClick={() => later(minutes)}>
                    {minutes === 60 ? t('reminders.hour') : t('reminders.minutes', { count: minutes })}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
            {notification.link && (
              <Button
                size="xs"
                variant="subtle"
                leftSection={<IconExternalLink size={14} />}
                onClick={open}
                disabled={busy}
              >
                {hasCustomer ? t('reminders.openCustomer') : t('reminders.openCalendar')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
      <CompleteActivityDialog
        activity={completing ? (activity.data ?? null) : null}
        onClose={() => setCompleting(false)}
        onCompleted={close}
      />
    </Paper>
  );
}
