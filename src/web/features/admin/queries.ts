import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiKey } from '@shared/auth/schemas';
import type { Location, User } from '@shared/org/schemas';
import { api } from '@web/ui/api';
import { LOCATIONS_KEY } from '@web/app/org-queries';

export const USERS_KEY = ['users'] as const;
export const API_KEYS_KEY = ['api-keys'] as const;

export type ApiKeyCreated = ApiKey & { secret: string };

export function useUsers() {
  return useQuery({ queryKey: USERS_KEY, queryFn: ({ signal }) => api.get<User[]>('/users', signal) });
}

export function useSaveUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: unknown }) =>
      id
        ? api.patch<User>(`/users/${id}`, body).then((user) => ({ user, initialPassword: undefined }))
        : api.post<{ user: User; initialPassword?: string }>('/users', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: USERS_KEY }),
  });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: (id: string) => api.post<{ password: string }>(`/users/${id}/password`, {}),
  });
}

export function useSaveLocation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: unknown }) =>
      id ? api.patch<Location>(`/locations/${id}`, body) : api.post<Location>('/locations', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: LOCATIONS_KEY }),
  });
}

export function useApiKeys() {
  return useQuery({ queryKey: API_KEYS_KEY, queryFn: ({ signal }) => api.get<ApiKey[]>('/admin/api-keys', signal) });
}

export function useCreateApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; scopes: string[] }) => api.post<ApiKeyCreated>('/admin/api-keys', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: API_KEYS_KEY }),
  });
}

export function useRevokeApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/admin/api-keys/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: API_KEYS_KEY }),
  });
}
