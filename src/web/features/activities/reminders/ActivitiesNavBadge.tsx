import { Badge, Tooltip } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useShellWork } from '@web/app/shell-work';
import { subscribeLive } from '@web/features/notifications/live-bus';
import { DUE_KEY, useDueActivities } from './queries';

/**
 * My overdue activities beside "Kalender" in the navigation. Asked again every few
 * minutes, when a reminder fires (use-reminder-cards) and when the live stream is back.
 */
export function ActivitiesNavBadge() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const due = useDueActivities(useShellWork('shell'));

  useEffect(
    () => subscribeLive('ready', () => void queryClient.invalidateQueries({ queryKey: DUE_KEY })),
    [queryClient],
  );

  const overdue = due.data?.overdue ?? 0;
  if (overdue === 0) return null;
  const label = t('activitiesNav.overdue', { count: overdue });
  return (
    <Tooltip label={label} position="right">
      <Badge
        size="sm"
        circle={overdue < 10}
        color="red"
        variant="filled"
        aria-label={label}
        data-testid="calendar-overdue"
      >
        {overdue}
      </Badge>
    </Tooltip>
  );
}
