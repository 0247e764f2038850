import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CaldavSettings,
  CaldavSettingsInput,
  CaldavTestResult,
  CalendarFeed,
  InvitationReason,
  InvitationSent,
  InvitationState,
} from '@shared/activities/calendar-sync';
import { api } from '@web/ui/api';

const FEED = ['calendar', 'feed'] as const;
const CALDAV = ['calendar', 'caldav'] as const;

export const useCalendarFeed = (enabled = true) =>
  useQuery({ queryKey: FEED, queryFn: ({ signal }) => api.get<CalendarFeed>('/calendar/feed', signal), enabled });

/** Creates the feed or gives it a new URL; the answer carries the URL, shown once. */
export function useRotateFeed() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (includeDetails?: boolean) => api.post<CalendarFeed>('/calendar/feed', { includeDetails }),
    onSuccess: (feed) => client.setQueryData(FEED, { ...feed, url: null }),
  });
}

export function useFeedDetails() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (includeDetails: boolean) => api.patch<CalendarFeed>('/calendar/feed', { includeDetails }),
    onSuccess: (feed) => client.setQueryData(FEED, feed),
  });
}

export function useRevokeFeed() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete('/calendar/feed'),
    onSuccess: () => client.invalidateQueries({ queryKey: FEED }),
  });
}

export const useCaldav = (enabled = true) =>
  useQuery({ queryKey: CALDAV, queryFn: ({ signal }) => api.get<CaldavSettings>('/calendar/caldav', signal), enabled });

export function useSaveCaldav() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CaldavSettingsInput) => api.put<CaldavSettings>('/calendar/caldav', input),
    onSuccess: (state) => client.setQueryData(CALDAV, state),
  });
}

export function useRemoveCaldav() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete('/calendar/caldav'),
    onSuccess: () => client.invalidateQueries({ queryKey: CALDAV }),
  });
}

export const useTestCaldav = () =>
  useMutation({
    mutationFn: (input: Partial<CaldavSettingsInput>) => api.post<CaldavTestResult>('/calendar/caldav/test', input),
  });

export const useInvitation = (activityId: string, enabled = true) =>
  useQuery({
    queryKey: ['activities', activityId, 'invitation'],
    queryFn: ({ signal }) => api.get<InvitationState>(`/activities/${activityId}/invitation`, signal),
    enabled,
  });

export function useSendInvitation(activityId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (reason: InvitationReason) =>
      api.post<InvitationSent>(`/activities/${activityId}/invitation`, { reason }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['activities', activityId, 'invitation'] }),
  });
}
