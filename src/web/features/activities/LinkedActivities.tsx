import {
  ActionIcon,
  Badge,
  Button,
  Center,
  Divider,
  EmptyState,
  Group,
  Loader,
  Menu,
  Paper,
  Stack,
  Text,
  Tooltip,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconCalendarEvent,
  IconCalendarPlus,
  IconCheck,
  IconDots,
  IconPencil,
  IconX,
} from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { can } from '@shared/auth/policies';
import { useCurrentUser } from '@web/app/auth';
import { ErrorState } from '@web/ui/components/ErrorState';
import { useActivityDialogs } from './ActivityDialogs';
import { PlanActivityDialog, type PlanPreset } from './PlanActivityDialog';
import { type Activity, type LinkFilter, useLinkedActivities } from './queries';
import { TYPE_COLORS } from './type-colors';
import { formatWhen } from './words';

function ActivityRow({
  activity,
  canPlan,
  actions,
}: {
  activity: Activity;
  canPlan: boolean;
  actions: ReturnType<typeof useActivityDialogs>;
}) {
  const { t } = useTranslation();
  const open = activity.status === 'open';
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      data-testid="activity-row"
      style={{
        borderLeft: `4px solid var(--mantine-color-${activity.overdue ? 'red' : TYPE_COLORS[activity.type]}-6)`,
        opacity: open ? 1 : 0.7,
      }}
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2} style={{ minWidth: 0, cursor: 'pointer' }} onClick={() => actions.view(activity.id)}>
          <Group gap={6}>
            <Badge size="sm" variant="light" color={TYPE_COLORS[activity.type]}>
              {t(`texts.activityType.${activity.type}`)}
            </Badge>
            {activity.overdue && (
              <Badge size="sm" color="red" leftSection={<IconAlertTriangle size={11} />}>
                {t('activity.overdue')}
              </Badge>
            )}
            {activity.status === 'done' && activity.result && (
              <Badge size="sm" color="teal" variant="outline">
                {t(`texts.activityResult.${activity.result}`)}
              </Badge>
            )}
            {activity.status === 'cancelled' && (
              <Badge size="sm" color="gray" variant="outline">
                {t('activity.status.cancelled')}
              </Badge>
            )}
            {activity.priority === 'high' && open && (
              <Badge size="sm" color="orange" variant="dot">
                {t('activity.priorities.high')}
              </Badge>
            )}
          </Group>
          <Text fw={500} td={activity.status === 'cancelled' ? 'line-through' : undefined} truncate>
            {activity.subject}
          </Text>
          <Text size="xs" c={activity.overdue ? 'red' : 'dimmed'}>
            {formatWhen(activity, t)} · {activity.owner.displayName}
            {activity.place ? ` · ${activity.place}` : ''}
          </Text>
          {activity.status === 'done' && activity.resultNote && (
            <Text size="xs" c="dimmed" lineClamp={2} style={{ whiteSpace: 'pre-wrap' }}>
              {activity.resultNote}
            </Text>
          )}
        </Stack>
        {canPlan && open && (
          <Group gap={4} wrap="nowrap">
            <Tooltip label={t('activity.complete')}>
              <ActionIcon
                variant="light"
                color="teal"
                aria-label={`${t('activity.complete')}: ${activity.subject}`}
                onClick={() => actions.complete(activity)}
              >
                <IconCheck size={16} />
              </ActionIcon>
            </Tooltip>
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={t('common.moreActions', { name: activity.subject })}
                >
                  <IconDots size={16} />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => actions.edit(activity)}>
                  {t('activity.move')}
                </Menu.Item>
                <Menu.Item leftSection={<IconX size={14} />} color="red" onClick={() => actions.cancel(activity)}>
                  {t('activity.cancel')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        )}
      </Group>
    </Paper>
  );
}

/**
 * The activities of a customer, vehicle or request: open ones first with the overdue marked, then
 * the done and cancelled ones; plan, complete, move and cancel from here. `?activity=<id>` opens one.
 */
export function LinkedActivities({
  filter,
  preset,
  tab,
}: {
  filter: LinkFilter;
  preset: PlanPreset;
  /** The page's tab this list is on: kept in the address when a linked activity closes, so the list stays. */
  tab?: string;
}) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const canPlan = can(me.role, 'activities.plan');
  const query = useLinkedActivities(filter);
  const actions = useActivityDialogs();
  const [planning, setPlanning] = useState(false);
  const [params, setParams] = useSearchParams();
  const linked = params.get('activity');

  useEffect(() => {
    if (!linked) return;
    actions.view(linked, () =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          next.delete('activity');
          if (tab) next.set('tab', tab);
          return next;
        },
        { replace: true },
      ),
    );
    // Only when the address names another activity.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [linked]);

  const items = query.data?.items ?? [];
  const open = items.filter((a) => a.status === 'open');
  const closed = items.filter((a) => a.status !== 'open');

  return (
    <Stack gap="sm">
      {canPlan && (
        <Group justify="flex-end">
          <Button leftSection={<IconCalendarPlus size={16} />} onClick={() => setPlanning(true)}>
            {t('activity.plan')}
          </Button>
        </Group>
      )}
      {query.isPending && (
        <Center py="xl">
          <Loader />
        </Center>
      )}
      {query.isError && <ErrorState error={query.error} onRetry={() => void query.refetch()} />}
      {query.isSuccess && items.length === 0 && (
        <EmptyState
          variant="light"
          color="gray"
          icon={<IconCalendarEvent />}
          title={t('activity.noneYet')}
          description={t('activity.noneYetText')}
          py="xl"
        />
      )}
      {open.map((activity) => (
        <ActivityRow key={activity.id} activity={activity} canPlan={canPlan} actions={actions} />
      ))}
      {closed.length > 0 && (
        <>
          <Divider label={t('activity.history')} labelPosition="left" mt="xs" />
          {closed.map((activity) => (
            <ActivityRow key={activity.id} activity={activity} canPlan={canPlan} actions={actions} />
          ))}
        </>
      )}
      <PlanActivityDialog opened={planning} onClose={() => setPlanning(false)} preset={preset} />
      {actions.dialogs}
    </Stack>
  );
}
