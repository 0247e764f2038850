import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Mailbox } from '@shared/mailboxes/schemas';
import { api } from '@web/ui/api';

const KEY = ['mailboxes'] as const;

/** The state is asked for every few seconds: a mailbox that lost its server should show it soon. */
export function useMailboxes() {
  return useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) => api.get<Mailbox[]>('/mailboxes', signal),
    refetchInterval: 5_000,
  });
}

export function useSaveMailbox() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: unknown }) =>
      id ? api.patch<Mailbox>(`/mailboxes/${id}`, body) : api.post<Mailbox>('/mailboxes', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export type ConnectionTestResult = { ok: true; messages: number } | { ok: false; error: string };

export const useTestMailbox = () =>
  useMutation({ mutationFn: (body: unknown) => api.post<ConnectionTestResult>('/mailboxes/test', body) });

export function useFetchMailbox() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<{ seen: number; stored: number }>(`/mailboxes/${id}/fetch`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}
