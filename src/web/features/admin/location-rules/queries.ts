import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BlockPolicy } from '@shared/messages/schemas';
import type { DutySettings } from '@shared/org/duty';
import { api, apiRequest } from '@web/ui/api';

const key = (what: string, locationId: string | null) => ['location-rules', what, locationId] as const;

export function useDutySettings(locationId: string | null) {
  return useQuery({
    queryKey: key('duty', locationId),
    queryFn: ({ signal }) => api.get<DutySettings>(`/locations/${locationId}/duty-settings`, signal),
    enabled: Boolean(locationId),
  });
}

export function useSaveDutySettings(locationId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Omit<DutySettings, 'locationId'>) =>
      apiRequest<DutySettings>(`/locations/${locationId}/duty-settings`, { method: 'PUT', body }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: key('duty', locationId) });
      // The header's check-in button and the on-duty lists follow the setting.
      void client.invalidateQueries({ queryKey: ['duty'] });
    },
  });
}

export function useBlockPolicy(locationId: string | null) {
  return useQuery({
    queryKey: key('block', locationId),
    queryFn: ({ signal }) => api.get<BlockPolicy>(`/messages/locations/${locationId}/block-policy`, signal),
    enabled: Boolean(locationId),
  });
}

export function useSaveBlockPolicy(locationId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BlockPolicy) =>
      apiRequest<BlockPolicy>(`/messages/locations/${locationId}/block-policy`, { method: 'PUT', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: key('block', locationId) }),
  });
}
