import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import type { NotificationPage } from '@shared/notifications/schemas';
import { subscribeLive } from '@web/features/notifications/live-bus';
import type { Notification } from '@web/features/notifications/queries';
import { useShellWork } from '@web/app/shell-work';
import { api } from '@web/ui/api';
import { ACTIVITIES_KEY } from './queries';

export const REMINDER_KIND = 'activity.reminder';
/** Reminders that fired while no page was open: the newest few come back as cards. */
export const RESTORED_ON_LOAD = 5;
/** Unread notifications looked through for them (other kinds are among them). */
const UNREAD_LOOKED_AT = 50;

export interface ReminderCards {
  /** Newest first. */
  cards: Notification[];
  remove(notificationId: string): void;
}

function isReminder(data: unknown): data is Notification {
  return Boolean(
    data && typeof data === 'object' && (data as Notification).kind === REMINDER_KIND && (data as Notification).id,
  );
}

/**
 * The reminder cards on screen: one per `activity.reminder` notification arriving on
 * the live stream, and after a (re)load the unread ones that fired meanwhile. A card
 * goes when the user acts on it here, or when its notification is read in another tab.
 */
export function useReminderCards(): ReminderCards {
  const queryClient = useQueryClient();
  const [cards, setCards] = useState<Notification[]>([]);
  // On a cold load the page's own data goes first (app/shell-work.ts).
  const allowed = useShellWork('shell');

  const add = useCallback((incoming: Notification[]) => {
    setCards((current) => {
      const known = new Set(current.map((card) => card.id));
      const fresh = incoming.filter((card) => !known.has(card.id) && !card.readAt);
      if (fresh.length === 0) return current;
      return [...fresh, ...current].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    });
  }, []);

  const remove = useCallback((notificationId: string) => {
    setCards((current) => current.filter((card) => card.id !== notificationId));
  }, []);

  useEffect(() => {
    if (!allowed) return;
    const controller = new AbortController();
    const restore = () => {
      api
        .get<NotificationPage>(`/notifications?unreadOnly=true&limit=${UNREAD_LOOKED_AT}`, controller.signal)
        .then((page) => add(page.items.filter(isReminder).slice(0, RESTORED_ON_LOAD)))
        .catch(() => undefined);
    };
    restore();
    const offNotification = subscribeLive('notification', (data) => {
      if (!isReminder(data)) return;
      add([data]);
      // The activity's reminder has fired: counts and lists show it as due now.
      void queryClient.invalidateQueries({ queryKey: ACTIVITIES_KEY });
    });
    const offRead = subscribeLive('notifications.read', (data) => {
      const ids = (data as { ids?: unknown }).ids;
      if (ids === 'all') setCards([]);
      else if (Array.isArray(ids)) setCards((current) => current.filter((card) => !ids.includes(card.id)));
    });
    const offReady = subscribeLive('ready', restore);
    return () => {
      controller.abort();
      offNotification();
      offRead();
      offReady();
    };
  }, [add, queryClient, allowed]);

  return { cards, remove };
}
