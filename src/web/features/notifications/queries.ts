import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Notification, NotificationPage } from '@shared/notifications/schemas';
import { useShellWork } from '@web/app/shell-work';
import { api } from '@web/ui/api';

export type { Notification };
export const NOTIFICATIONS_KEY = ['notifications'] as const;
export const UNREAD_KEY = ['notifications', 'unread'] as const;
export const NOTIFICATION_LIST_KEY = ['notifications', 'list'] as const;

export function useUnreadCount() {
  return useQuery({
    queryKey: UNREAD_KEY,
    queryFn: ({ signal }) => api.get<{ unreadCount: number }>('/notifications/unread-count', signal),
    select: (data) => data.unreadCount,
    // The live stream keeps it current; this is the fallback when the stream is down.
    refetchInterval: 120_000,
    // The stream's `ready` brings the count: asked only if that has not come.
    enabled: useShellWork('shell'),
  });
}

export function useNotificationList(enabled: boolean) {
  return useQuery({
    queryKey: NOTIFICATION_LIST_KEY,
    queryFn: ({ signal }) => api.get<NotificationPage>('/notifications?limit=20', signal),
    enabled,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { ids: string[] } | { all: true }) =>
      api.post<{ updated: number; unreadCount: number }>('/notifications/read', body),
    onSuccess: (result) => {
      queryClient.setQueryData(UNREAD_KEY, { unreadCount: result.unreadCount });
      void queryClient.invalidateQueries({ queryKey: NOTIFICATION_LIST_KEY });
    },
  });
}
