import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Activity, ActivityCompletion, ActivityInput, ActivityUpdate } from '@shared/activities/schemas';
import type { ActivityResult } from '@shared/activities/enums';
import type { Location } from '@shared/org/schemas';
import type { AbsenceData } from '@web/features/requests/types';
import { api } from '@web/ui/api';
import { currentLocale } from '@web/i18n';
import { toSearchParams } from '@web/features/customers/queries';

export type { Activity };

export interface ActivityChange {
  at: string;
  kind: string;
  by: string | null;
  data: unknown;
}
export type ActivityDetail = Activity & { changes: ActivityChange[] };

export interface FollowUpProposal {
  type: Activity['type'];
  subject: string;
  dueOn: string;
  afterDays: number;
}

export interface Holiday {
  date: string;
  name: string;
}

/** Everything activities; a change anywhere refreshes the calendar, the lists and the due counts. */
export const ACTIVITIES_KEY = ['activities'] as const;

export interface RangeFilter {
  from: string;
  to: string;
  ownerId?: string;
  locationId?: string;
}

export function useCalendarRange(filter: RangeFilter) {
  return useQuery({
    queryKey: [...ACTIVITIES_KEY, 'calendar', filter],
    queryFn: ({ signal }) =>
      api.get<{ items: Activity[] }>(`/activities/calendar?${toSearchParams({ ...filter })}`, signal),
    placeholderData: keepPreviousData,
  });
}

export interface LinkFilter {
  contactId?: string;
  vehicleId?: string;
  requestId?: string;
}

/** A customer's, vehicle's or request's activities, open ones first. */
export function useLinkedActivities(filter: LinkFilter) {
  return useQuery({
    queryKey: [...ACTIVITIES_KEY, 'linked', filter],
    queryFn: ({ signal }) => api.get<{ items: Activity[] }>(`/activities?${toSearchParams({ ...filter })}`, signal),
    enabled: Boolean(filter.contactId || filter.vehicleId || filter.requestId),
  });
}

export function useActivity(id: string | null) {
  return useQuery({
    queryKey: [...ACTIVITIES_KEY, 'detail', id],
    queryFn: ({ signal }) => api.get<ActivityDetail>(`/activities/${id}`, signal),
    enabled: Boolean(id),
  });
}

/** What the managers' rules propose after completing with this result (null: nothing). */
export function useFollowUpProposal(id: string, result: ActivityResult | null) {
  return useQuery({
    queryKey: [...ACTIVITIES_KEY, 'follow-up', id, result],
    queryFn: ({ signal }) =>
      api.get<FollowUpProposal | null>(`/activities/${id}/follow-up?result=${result ?? ''}`, signal),
    enabled: Boolean(result),
    staleTime: 60_000,
  });
}

/** Public holidays of a location's federal state, for shading the calendar. */
export function useHolidays(locationId: string | undefined, year: number) {
  return useQuery({
    queryKey: ['locations', locationId, 'holidays', year, currentLocale()],
    queryFn: ({ signal }) =>
      api.get<Holiday[]>(`/locations/${locationId}/holidays?year=${year}&lang=${currentLocale()}`, signal),
    enabled: Boolean(locationId),
    staleTime: 24 * 60 * 60_000,
  });
}

/** Absences overlapping the shown days (everyone's, or one person's). */
export function useAbsencesBetween(from: string, to: string, userId?: string) {
  return useQuery({
    queryKey: ['absences', 'range', from, to, userId],
    queryFn: ({ signal }) => api.get<AbsenceData[]>(`/absences?${toSearchParams({ from, to, userId })}`, signal),
    staleTime: 60_000,
  });
}

export type { Location };

/** After any change: the calendar, the lists, the due counts and the customer's timeline. */
function useActivitiesChanged() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ACTIVITIES_KEY });
    void queryClient.invalidateQueries({ queryKey: ['timeline'] });
  };
}

export function usePlanActivity() {
  const changed = useActivitiesChanged();
  return useMutation({
    mutationFn: (body: ActivityInput) => api.post<Activity>('/activities', body),
    onSuccess: changed,
  });
}

export function useUpdateActivity() {
  const changed = useActivitiesChanged();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ActivityUpdate }) => api.patch<Activity>(`/activities/${id}`, body),
    onSuccess: changed,
  });
}

export function useCompleteActivity() {
  const changed = useActivitiesChanged();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ActivityCompletion }) =>
      api.post<{ activity: Activity; followUp: Activity | null }>(`/activities/${id}/complete`, body),
    onSuccess: changed,
  });
}

export function useCancelActivity() {
  const changed = useActivitiesChanged();
  return useMutation({
    mutationFn: ({ id, reason, version }: { id: string; reason: string | null; version?: number }) =>
      api.post<Activity>(`/activities/${id}/cancel`, { reason, version }),
    onSuccess: changed,
  });
}
