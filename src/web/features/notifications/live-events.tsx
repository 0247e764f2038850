import { Anchor, Text } from '@mantine/core';
import { notifications as toasts } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useNavigate } from 'react-router-dom';
import i18next from '../../i18n';
import { REQUESTS_KEY } from '../requests/queries';
import { FORWARDED_EVENTS, publishLive } from './live-bus';
import { NOTIFICATION_LIST_KEY, UNREAD_KEY, type Notification } from './queries';

/** When the server refused the stream (e.g. during a restart), try again after this long. */
const RECONNECT_MS = 5000;

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
 * at once, without a reload. The browser reconnects a dropped stream by
 * itself; a refused one is reopened here.
 */
export function useLiveEvents() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;

    // The unread count comes with the events themselves; lists and work lists are asked again.
    const refreshAll = () => {
      void queryClient.invalidateQueries({ queryKey: NOTIFICATION_LIST_KEY });
      void queryClient.invalidateQueries({ queryKey: REQUESTS_KEY });
    };

    const onReady = (event: MessageEvent) => {
      const data = parse<{ unreadCount: number }>(event);
      if (data) queryClient.setQueryData(UNREAD_KEY, { unreadCount: data.unreadCount });
      // Whatever happened while the stream was down is fetched once it is back.
      refreshAll();
      publishLive('ready', null);
    };

    const onNotification = (event: MessageEvent) => {
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
      const open = () => {
        if (notification.link) void navigate(notification.link);
        toasts.hide(notification.id);
      };
      toasts.show({
        id: notification.id,
        title: notification.title,
        color: notification.kind.includes('escalated') ? 'red' : 'blue',
        autoClose: 10_000,
        style: notification.link ? { cursor: 'pointer' } : undefined,
        // A click anywhere on the toast opens the request; buttons (close, open) handle themselves.
        onClick: (event) => {
          if (!(event.target as Element).closest('button')) open();
        },
        message: (
          <>
            {notification.body && (
              <Text size="sm" lineClamp={3}>
                {notification.body}
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
      const data = parse<{ unreadCount: number }>(event);
      if (data) queryClient.setQueryData(UNREAD_KEY, { unreadCount: data.unreadCount });
      void queryClient.invalidateQueries({ queryKey: NOTIFICATION_LIST_KEY });
    };

    const connect = () => {
      source = new EventSource('/api/events', { withCredentials: true });
      source.addEventListener('ready', onReady);
      source.addEventListener('notification', onNotification);
      source.addEventListener('notifications.read', onRead);
      for (const type of FORWARDED_EVENTS) {
        source.addEventListener(type, (event: MessageEvent) => {
          const data = parse<unknown>(event);
          if (data) publishLive(type, data);
        });
      }
      source.onerror = () => {
        if (source?.readyState !== EventSource.CLOSED || stopped) return;
        retry = setTimeout(connect, RECONNECT_MS);
      };
    };
    connect();

    return () => {
      stopped = true;
      clearTimeout(retry);
      source?.close();
    };
  }, [queryClient, navigate]);
}
