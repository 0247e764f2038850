import { ActionIcon, Anchor, Badge, Group, Paper, Skeleton, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconCalendarCheck, IconCheck, IconExternalLink } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Activity } from '@shared/activities/schemas';
import { formatWhen } from '@shared/texts/timeline';
import { CompleteActivityDialog } from '@web/features/activities/CompleteActivityDialog';
import { useDueActivities } from '@web/features/activities/reminders/queries';
import { currentLocale } from '@web/i18n';
import { ErrorState } from '@web/ui/components/ErrorState';
import { TIME_ZONE } from '@web/ui/format';

/** Rows shown per group; the rest are a click away in the calendar. */
const SHOWN = 8;

/** Where an activity opens: its customer when it has one, else the calendar at it. */
export function activityLink(activity: Pick<Activity, 'id' | 'contact'>) {
  return activity.contact
    ? `/customers/${activity.contact.id}?activity=${activity.id}`
    : `/calendar?activity=${activity.id}`;
}

/** "Heute & überfällig": my open activities due by tonight, overdue first, each done or opened from here. */
export function ActivitiesToday() {
  const { t } = useTranslation();
  const due = useDueActivities();

  return (
    <section aria-labelledby="home-activities">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="lg" id="home-activities">
          {t('activitiesHome.title')}
        </Title>
        <Anchor component={Link} to="/calendar" size="sm">
          {t('activitiesHome.showCalendar')}
        </Anchor>
      </Group>
      {due.isPending ? (
        <Skeleton height={120} radius="md" />
      ) : due.isError ? (
        <ErrorState error={due.error} onRetry={() => void due.refetch()} />
      ) : due.data.items.length === 0 ? (
        <Paper withBorder radius="md" p="md">
          <Group gap="sm" wrap="nowrap">
            <IconCalendarCheck size={28} color="var(--mantine-color-green-6)" aria-hidden />
            <div>
              <Text fw={600}>{t('activitiesHome.empty')}</Text>
              <Text size="sm" c="dimmed">
                {t('activitiesHome.emptyHint')}
              </Text>
            </div>
          </Group>
        </Paper>
      ) : (
        <Paper withBorder radius="md" p="md">
          <Stack gap="md">
            <Bucket title={t('activitiesHome.overdue')} items={due.data.items.filter((a) => a.overdue)} overdue />
            <Bucket title={t('activitiesHome.today')} items={due.data.items.filter((a) => !a.overdue)} />
          </Stack>
        </Paper>
      )}
    </section>
  );
}

function Bucket({ title, items, overdue = false }: { title: string; items: Activity[]; overdue?: boolean }) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  const rest = items.length - SHOWN;
  return (
    <div>
      <Text size="xs" fw={700} tt="uppercase" c={overdue ? 'red' : 'dimmed'} mb={6}>
        {title} ({items.length})
      </Text>
      <Stack gap={6} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {items.slice(0, SHOWN).map((activity) => (
          <ActivityRow key={activity.id} activity={activity} overdue={overdue} />
        ))}
      </Stack>
      {rest > 0 && (
        <Anchor component={Link} to="/calendar" size="sm" mt={6} display="inline-block">
          {t('activitiesHome.more', { count: rest })}
        </Anchor>
      )}
    </div>
  );
}

function formatDue(activity: Activity, overdue: boolean, words: { allDay: string; since(when: string): string }) {
  const locale = currentLocale();
  if (overdue)
    return words.since(formatWhen(activity.allDay && activity.dueOn ? activity.dueOn : activity.startsAt, locale));
  if (activity.allDay) return words.allDay;
  return new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', {
    timeZone: TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(activity.startsAt));
}

function ActivityRow({ activity, overdue }: { activity: Activity; overdue: boolean }) {
  const { t } = useTranslation();
  // Done goes through the completion dialog, which asks for the result and offers the follow-up.
  const [completing, setCompleting] = useState(false);

  return (
    <Group component="li" justify="space-between" wrap="nowrap" gap="xs">
      {/* On a phone the subject moves under the time instead of being cut to a letter. */}
      <Group gap="xs" wrap="wrap" style={{ minWidth: 0, flex: 1 }}>
        <Text
          size="sm"
          c={overdue ? 'red' : undefined}
          fw={500}
          miw={80}
          style={{ flexShrink: 0, whiteSpace: 'nowrap' }}
        >
          {formatDue(activity, overdue, {
            allDay: t('activitiesHome.allDay'),
            since: (value) => t('activitiesHome.overdueSince', { when: value }),
          })}
        </Text>
        <Badge size="sm" variant="light" color="gray" tt="none" style={{ flexShrink: 0 }}>
          {t(`texts.activityType.${activity.type}`)}
        </Badge>
        <Text size="sm" truncate style={{ flex: '1 1 180px', minWidth: 0 }}>
          <Anchor component={Link} to={activityLink(activity)} size="sm" fw={600} c="inherit">
            {activity.subject}
          </Anchor>
          {activity.contact && (
            <Text span size="sm" c="dimmed">
              {' '}
              · {activity.contact.label}
            </Text>
          )}
        </Text>
      </Group>
      <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
        <Tooltip label={t('activitiesHome.done')}>
          <ActionIcon
            variant="light"
            color="green"
            aria-label={t('activitiesHome.doneAria', { subject: activity.subject })}
            onClick={() => setCompleting(true)}
          >
            <IconCheck size={16} />
          </ActionIcon>
        </Tooltip>
        <Tooltip label={t('activitiesHome.open')}>
          <ActionIcon
            component={Link}
            to={activityLink(activity)}
            variant="subtle"
            color="gray"
            aria-label={t('activitiesHome.openAria', { subject: activity.subject })}
          >
            <IconExternalLink size={16} />
          </ActionIcon>
        </Tooltip>
      </Group>
      <CompleteActivityDialog activity={completing ? activity : null} onClose={() => setCompleting(false)} />
    </Group>
  );
}
