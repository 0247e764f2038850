import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TypeSetting, TypeSettingInput } from '@shared/requests/settings';
import { api, apiRequest } from '@web/ui/api';

export const TYPE_SETTINGS_KEY = ['requests', 'type-settings'] as const;

export function useTypeSettings() {
  return useQuery({
    queryKey: TYPE_SETTINGS_KEY,
    queryFn: ({ signal }) => api.get<TypeSetting[]>('/requests/type-settings', signal),
  });
}

export function useSaveTypeSetting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ type, body }: { type: string; body: TypeSettingInput }) =>
      apiRequest<TypeSetting[]>(`/requests/type-settings/${type}`, { method: 'PUT', body }),
    onSuccess: (data) => queryClient.setQueryData(TYPE_SETTINGS_KEY, data),
  });
}

/** Back to one working day. */
export function useResetTypeSetting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (type: string) => api.delete<TypeSetting[]>(`/requests/type-settings/${type}`),
    onSuccess: (data) => queryClient.setQueryData(TYPE_SETTINGS_KEY, data),
  });
}
