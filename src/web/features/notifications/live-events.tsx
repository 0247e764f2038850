import { Anchor, Text } from '@mantine/core';
import { notifications as toasts } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useNavigate } from 'react-router-dom';
import { SESSION_KEY } from '@web/app/auth';
import { useShellWork } from '@web/app/shell-work';
import i18next from '@web/i18n';
import { REQUESTS_KEY } from '../requests/queries';
import { CALLS_KEY } from '../telephony/queries';
import { FORWARDED_EVENTS, KINDS_WITH_OWN_CARD, publishLive, setLiveStatus } from './live-bus';
import { NOTIFICATION_LIST_KEY, UNREAD_KEY, type Notification } from './queries';
import { notificationWords } from './words';

/**
 * After the stream fails, it is opened again after 1 s, then 2, 4 … up to 30 s, with a little
 * jitter so that a server's clients do not all come back at the same instant.
 */
const RECONNECT_FIRST_MS = 1000;
const RECONNECT_MAX_MS = 30_000;
/** Event ids remembered, so an event sent again in a catch-up is not shown twice. */
const REMEMBERED_IDS = 500;

export function reconnectDelay(failures: number): number {
  return Math.min(RECONNECT_MAX_MS, RECONNECT_FIRST_MS * 2 ** failures) * (0.8 + Math.random() * 0.4);
}

function parse<T>(event: MessageEvent): T | null {
  try {
    return JSON.parse(String(event.data)) as T;
  } catch {
    return null;
  }
}

/**
 * Listens to GET /api/events for as long as the user is logged in: a new
 * notification shows a toast, updates the bell and refreshes the work lists
 * at once, without a reload. A failed stream is closed and opened again here
 * with back-off (the browser's own retry gives up after a 5xx), naming the
 * last event id it saw so the server sends what came after; once it is back,
 * the lists are fetched again. Meanwhile the header says updates are interrupted.
 */
export function useLiveEvents() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  // On a cold load the stream opens once the page has its first data (app/shell-work.ts).
  const allowed = useShellWork('stream');

  useEffect(() => {
    if (!allowed || typeof EventSource === 'undefined') return;
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    let failures = 0;
    let lastEventId: string | null = null;
    const seen = new Set<string>();

    /** False for an event this page has had already (a catch-up may send it again). */
    const isNew = (event: MessageEvent) => {
      const id = event.lastEventId;
      if (!id) return true;
      if (seen.has(id)) return false;
      seen.add(id);
      if (seen.size > REMEMBERED_IDS) seen.delete(seen.values().next().value!);
      lastEventId = id;
      return true;
    };

    // The unread count comes with the events themselves; lists and work lists are asked again.
    const refreshAll = () => {
      void queryClient.invalidateQueries({ queryKey: NOTIFICATION_LIST_KEY });
      void queryClient.invalidateQueries({ queryKey: REQUESTS_KEY });
    };
    // After a gap the calls too: an open pop may show a call that went on meanwhile.
    const refreshAfterGap = () => {
      refreshAll();
      void queryClient.invalidateQueries({ queryKey: CALLS_KEY });
      publishLive('ready', null);
    };

    const onReady = (event: MessageEvent) => {
      const data = parse<{ unreadCount: number }>(event);
      if (data) queryClient.setQueryData(UNREAD_KEY, { unreadCount: data.unreadCount });
      failures = 0;
      setLiveStatus('live');
      // Whatever happened while the stream was down is fetched once it is back.
      refreshAfterGap();
    };
    // The server lost events on its side and replayed what it could: fetch the lists again too.
    const onResync = refreshAfterGap;

    const onNotification = (event: MessageEvent) => {
      if (!isNew(event)) return;
      const notification = parse<Notification>(event);
      if (!notification) return;
      // Counted up here rather than asked again: the stream is the faster source. A count still
      // on its way from the server may not include this one, so it is dropped first.
      void queryClient.cancelQueries({ queryKey: UNREAD_KEY }).then(() =>
        queryClient.setQueryData<{ unreadCount: number }>(UNREAD_KEY, (old) => ({
          unreadCount: (old?.unreadCount ?? 0) + 1,
        })),
      );
      refreshAll();
      publishLive('notification', notification);
      if (KINDS_WITH_OWN_CARD.has(notification.kind)) return;
      const open = () => {
        if (notification.link) void navigate(notification.link);
        toasts.hide(notification.id);
      };
      const { title, body } = notificationWords(notification);
      toasts.show({
        id: notification.id,
        title,
        color: notification.kind.includes('escalated') ? 'red' : 'blue',
        autoClose: 10_000,
        style: notification.link ? { cursor: 'pointer' } : undefined,
        // A click anywhere on the toast opens the request; buttons (close, open) handle themselves.
        onClick: (event) => {
          if (!(event.target as Element).closest('button')) open();
        },
        message: (
          <>
            {body && (
              <Text size="sm" lineClamp={3}>
                {body}
              </Text>
            )}
            {notification.link && (
              <Anchor component="button" type="button" size="sm" fw={600} onClick={open}>
                {i18next.t('notifications.open')}
              </Anchor>
            )}
          </>
        ),
      });
    };

    const onRead = (event: MessageEvent) => {
      if (!isNew(event)) return;
      const data = parse<{ unreadCount: number }>(event);
      if (data) queryClient.setQueryData(UNREAD_KEY, { unreadCount: data.unreadCount });
      void queryClient.invalidateQueries({ queryKey: NOTIFICATION_LIST_KEY });
      if (data) publishLive('notifications.read', data);
    };

    const connect = () => {
      retry = undefined;
      const url = lastEventId ? `/api/events?lastEventId=${encodeURIComponent(lastEventId)}` : '/api/events';
      const current = new EventSource(url, { withCredentials: true });
      source = current;
      current.addEventListener('ready', onReady);
      current.addEventListener('resync', onResync);
      current.addEventListener('notification', onNotification);
      current.addEventListener('notifications.read', onRead);
      for (const type of FORWARDED_EVENTS) {
        current.addEventListener(type, (event: MessageEvent) => {
          if (!isNew(event)) return;
          const data = parse<unknown>(event);
          if (data) publishLive(type, data);
        });
      }
      current.onerror = () => {
        if (stopped || source !== current || retry) return;
        current.close();
        // Handled in a task of its own: a page being left (reload, another site) has its stream aborted
        // before "pagehide", and a departing page runs no further tasks, so it shows no banner and asks
        // for no session while it unloads.
        retry = setTimeout(() => {
          if (stopped) return;
          setLiveStatus('interrupted');
          // The server also ends the stream when the session ends (logout elsewhere, deactivation,
          // expiry): asking for the session again shows the login page in that case.
          void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
          retry = setTimeout(connect, reconnectDelay(failures));
          failures += 1;
        }, 0);
      };
    };
    connect();

    // A page restored from the back-forward cache opens its stream again.
    const onPageHide = () => {
      stopped = true;
      clearTimeout(retry);
      source?.close();
    };
    const onPageShow = (event: PageTransitionEvent) => {
      if (!event.persisted || !stopped) return;
      stopped = false;
      failures = 0;
      connect();
    };
    window.addEventListener('pagehide', onPageHide);
    window.addEventListener('pageshow', onPageShow);

    return () => {
      stopped = true;
      clearTimeout(retry);
      source?.close();
      window.removeEventListener('pagehide', onPageHide);
      window.removeEventListener('pageshow', onPageShow);
      setLiveStatus('connecting');
    };
  }, [queryClient, navigate, allowed]);
}
