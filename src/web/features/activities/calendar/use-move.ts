import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@web/ui/api';
import { reportError } from '@web/ui/form-errors';
import { ACTIVITIES_KEY, type Activity, useUpdateActivity } from '../queries';
import { formatWhen } from '../words';
import { moveBody, type DropTarget } from './model';

/**
 * Drag and drop of activities between slots, days and people: remembers what is dragged and sends
 * the move with the version it was shown at, so a newer change elsewhere is not overwritten (409).
 */
export function useMove() {
  const { t } = useTranslation();
  const update = useUpdateActivity();
  const queryClient = useQueryClient();
  const dragged = useRef<{ activity: Activity; grabOffset: number } | null>(null);

  return {
    start(activity: Activity, grabOffset = 0) {
      dragged.current = { activity, grabOffset };
    },
    get current() {
      return dragged.current;
    },
    end() {
      dragged.current = null;
    },
    async drop(target: DropTarget) {
      const activity = dragged.current?.activity;
      dragged.current = null;
      if (!activity || activity.status !== 'open') return;
      const body = moveBody(activity, target);
      if (!body) return;
      try {
        const moved = await update.mutateAsync({ id: activity.id, body });
        notifications.show({ color: 'teal', message: t('activity.moved', { when: formatWhen(moved, t) }) });
      } catch (error) {
        void queryClient.invalidateQueries({ queryKey: ACTIVITIES_KEY });
        if (error instanceof ApiError && error.status === 409)
          notifications.show({ color: 'orange', message: t('activity.conflict') });
        else reportError(error);
      }
    },
  };
}

export type Mover = ReturnType<typeof useMove>;
