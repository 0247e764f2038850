import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { DutyShift, LocationChecks, MissingCheck, MyDuty, OnDutyEntry } from '@shared/org/duty';
import { api } from '@web/ui/api';
import { subscribeLive } from '../notifications/live-bus';

export const DUTY_KEY = ['duty'] as const;
export const CHECKS_KEY = ['checks'] as const;

/** `enabled: false` holds the request back (the header's button waits for the page's data). */
export function useMyDuty(enabled = true) {
  return useQuery({
    queryKey: [...DUTY_KEY, 'me'],
    queryFn: ({ signal }) => api.get<MyDuty>('/duty/me', signal),
    enabled,
  });
}

export function useOnDuty(locationId: string | null) {
  return useQuery({
    queryKey: [...DUTY_KEY, 'now', locationId],
    queryFn: ({ signal }) => api.get<OnDutyEntry[]>(`/duty/now?locationId=${locationId}`, signal),
    enabled: Boolean(locationId),
    refetchInterval: 60_000,
  });
}

export function useDutyHistory(filter: { locationId?: string | null; userId?: string | null }) {
  const params = new URLSearchParams();
  if (filter.locationId) params.set('locationId', filter.locationId);
  if (filter.userId) params.set('userId', filter.userId);
  return useQuery({
    queryKey: [...DUTY_KEY, 'history', filter.locationId ?? null, filter.userId ?? null],
    queryFn: ({ signal }) => api.get<DutyShift[]>(`/duty/history?${params.toString()}`, signal),
  });
}

/** Someone checked in or out at one of the user's locations: lists and the header are fetched again. */
export function useDutyLive() {
  const queryClient = useQueryClient();
  useEffect(
    () => subscribeLive('duty', () => void queryClient.invalidateQueries({ queryKey: DUTY_KEY })),
    [queryClient],
  );
}

function useDutyChanged() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: DUTY_KEY });
    // The walk-in list marks who is on duty.
    void queryClient.invalidateQueries({ queryKey: ['presence'] });
  };
}

export function useCheckIn() {
  const changed = useDutyChanged();
  return useMutation({
    mutationFn: (locationId: string) => api.post<DutyShift>('/duty/check-in', { locationId }),
    onSuccess: changed,
  });
}

export function useCheckOut() {
  const changed = useDutyChanged();
  return useMutation({ mutationFn: () => api.post<DutyShift>('/duty/check-out', {}), onSuccess: changed });
}

export function useLocationChecks(locationId: string | null) {
  return useQuery({
    queryKey: [...CHECKS_KEY, locationId],
    queryFn: ({ signal }) => api.get<LocationChecks>(`/locations/${locationId}/checks`, signal),
    enabled: Boolean(locationId),
  });
}

export function useMissingChecks() {
  return useQuery({
    queryKey: [...CHECKS_KEY, 'missing'],
    queryFn: ({ signal }) => api.get<MissingCheck[]>('/checks/missing', signal),
  });
}

export function useRecordCheck(checkId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { day: string; findings: string; ok: boolean }) => api.post(`/checks/${checkId}/entries`, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: CHECKS_KEY }),
  });
}

export function useCreateCheck(locationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; weekdays: number[]; role: string | null }) =>
      api.post(`/locations/${locationId}/checks`, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: CHECKS_KEY }),
  });
}
