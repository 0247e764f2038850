import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Activity } from '@shared/activities/schemas';
import { api } from '@web/ui/api';

/** Everything about activities starts with this key, so one invalidation refreshes calendars, lists and counts. */
export const ACTIVITIES_KEY = ['activities'] as const;
/** My open activities due by the end of today (GET /api/activities/due). */
export const DUE_KEY = ['activities', 'due'] as const;
/** Often enough that an activity becoming overdue shows in the menu, rarely enough not to matter to the server. */
const DUE_REFRESH_MS = 3 * 60_000;

export interface DueActivities {
  overdue: number;
  today: number;
  items: Activity[];
}

/** `enabled: false` holds the request back (the navigation's count waits for the page's data). */
export function useDueActivities(enabled = true) {
  return useQuery({
    queryKey: DUE_KEY,
    enabled,
    queryFn: ({ signal }) => api.get<DueActivities>('/activities/due', signal),
    refetchInterval: DUE_REFRESH_MS,
  });
}

export const activityKey = (id: string) => ['activities', 'one', id] as const;

export function useActivity(id: string | undefined) {
  return useQuery({
    queryKey: activityKey(id ?? ''),
    queryFn: ({ signal }) => api.get<Activity>(`/activities/${id}`, signal),
    enabled: Boolean(id),
    retry: false,
  });
}

/** Done without further words (result "done"): the quick way from a reminder or the home page. */
export function useCompleteActivity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api.post<{ activity: Activity; followUp: Activity | null }>(`/activities/${id}/complete`, { result: 'done' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ACTIVITIES_KEY }),
  });
}

export function useSnoozeActivity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, minutes }: { id: string; minutes: number }) =>
      api.post<Activity>(`/activities/${id}/snooze`, { minutes }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ACTIVITIES_KEY }),
  });
}
