import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { PhonebookFormat, PhonebookNumberFormat } from '@shared/telephony/enums';
import type {
  Connection,
  ConnectionEvent,
  Extension,
  PhonebookStatus,
  TrackingNumber,
} from '@shared/telephony/schemas';
import { api } from '@web/ui/api';

export type ConnectionEventItem = z.infer<typeof ConnectionEvent>;
export type ExtensionItem = z.infer<typeof Extension>;
export type TrackingNumberItem = z.infer<typeof TrackingNumber>;
export type PhonebookStatusData = z.infer<typeof PhonebookStatus>;
export interface DirectoryUser {
  id: string;
  displayName: string;
  active: boolean;
}

const CONNECTIONS_KEY = ['telephony', 'connections'] as const;
const EXTENSIONS_KEY = ['telephony', 'extensions'] as const;
const TRACKING_KEY = ['telephony', 'tracking-numbers'] as const;
const PHONEBOOK_KEY = ['phonebook', 'status'] as const;

/** How often the connection state is asked for: a dropped CSTA link should show within seconds. */
export const STATE_POLL_MS = 5_000;

export function useConnections() {
  return useQuery({
    queryKey: CONNECTIONS_KEY,
    queryFn: ({ signal }) => api.get<Connection[]>('/telephony/connections', signal),
    refetchInterval: STATE_POLL_MS,
  });
}

function useSave<T>(key: readonly string[], path: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: unknown }) =>
      id ? api.patch<T>(`${path}/${id}`, body) : api.post<T>(path, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}

function useRemove(key: readonly string[], path: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`${path}/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}

export const useSaveConnection = () => useSave<Connection>(CONNECTIONS_KEY, '/telephony/connections');
export const useRemoveConnection = () => useRemove(['telephony'], '/telephony/connections');

export function useConnectionEvents(connectionId: string | null) {
  return useQuery({
    queryKey: ['telephony', 'events', connectionId],
    queryFn: ({ signal }) => api.get<ConnectionEventItem[]>(`/telephony/connections/${connectionId}/events`, signal),
    enabled: connectionId !== null,
    refetchInterval: STATE_POLL_MS,
  });
}

export function useExtensions(connectionId: string | null) {
  return useQuery({
    queryKey: [...EXTENSIONS_KEY, connectionId],
    queryFn: ({ signal }) =>
      api.get<ExtensionItem[]>(`/telephony/extensions${connectionId ? `?connectionId=${connectionId}` : ''}`, signal),
  });
}
export const useSaveExtension = () => useSave<ExtensionItem>(EXTENSIONS_KEY, '/telephony/extensions');
export const useRemoveExtension = () => useRemove(EXTENSIONS_KEY, '/telephony/extensions');

export function useTrackingNumbers() {
  return useQuery({
    queryKey: TRACKING_KEY,
    queryFn: ({ signal }) => api.get<TrackingNumberItem[]>('/telephony/tracking-numbers', signal),
  });
}
export const useSaveTrackingNumber = () => useSave<TrackingNumberItem>(TRACKING_KEY, '/telephony/tracking-numbers');
export const useRemoveTrackingNumber = () => useRemove(TRACKING_KEY, '/telephony/tracking-numbers');

export function useUserDirectory() {
  return useQuery({
    queryKey: ['users', 'directory'],
    queryFn: ({ signal }) => api.get<DirectoryUser[]>('/users/directory', signal),
    staleTime: 5 * 60_000,
  });
}

export function usePhonebookStatus() {
  return useQuery({
    queryKey: PHONEBOOK_KEY,
    queryFn: ({ signal }) => api.get<PhonebookStatusData>('/phonebook/status', signal),
  });
}

export function useRegeneratePhonebook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<PhonebookStatusData>('/phonebook/regenerate'),
    onSuccess: (status) => queryClient.setQueryData(PHONEBOOK_KEY, status),
  });
}

export function useSetPhonebookNumberFormat() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { format: PhonebookFormat; numberFormat: PhonebookNumberFormat }) =>
      api.put<PhonebookStatusData>(`/phonebook/${input.format}/settings`, { numberFormat: input.numberFormat }),
    onSuccess: (status) => queryClient.setQueryData(PHONEBOOK_KEY, status),
  });
}

/** Same-origin download link; the browser sends the admin's session cookie. */
export const phonebookUrl = (format: PhonebookFormat) => `/api/phonebook/${format}`;
