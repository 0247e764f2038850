import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CustomerMessage, MessageInput } from '@shared/messages/schemas';
import { api } from '@web/ui/api';

export type { CustomerMessage };
export const MESSAGES_KEY = ['messages'] as const;

interface Page {
  items: CustomerMessage[];
  nextCursor: string | null;
}

/** Colleagues who may be named as having entered a message at the location. */
export function useEnteringPeople(locationId: string) {
  return useQuery({
    queryKey: [...MESSAGES_KEY, 'people', locationId],
    queryFn: ({ signal }) =>
      api.get<{ items: Array<{ id: string; displayName: string }> }>(
        `/messages/locations/${locationId}/people`,
        signal,
      ),
    staleTime: 60_000,
  });
}

export function useInbox(showAcknowledged: boolean) {
  return useQuery({
    queryKey: [...MESSAGES_KEY, 'inbox', showAcknowledged],
    queryFn: ({ signal }) => api.get<Page>(`/messages/inbox?acknowledged=${showAcknowledged}`, signal),
  });
}

export function useCreateMessage() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: MessageInput) => api.post<CustomerMessage>('/messages', input),
    onSuccess: () => client.invalidateQueries({ queryKey: MESSAGES_KEY }),
  });
}

/**
 * "An das Board": the message's thread on the board, opened once; the board's lists and the
 * message's "Im Board ansehen" follow.
 */
export function useToBoard() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<{ threadId: string; created: boolean }>(`/messages/${id}/board`),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: MESSAGES_KEY });
      void client.invalidateQueries({ queryKey: ['board'] });
    },
  });
}

/** acknowledge, archive or confirm-unblock. */
export function useMessageAction(action: 'acknowledge' | 'archive' | 'confirm-unblock') {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<CustomerMessage>(`/messages/${id}/${action}`),
    onSuccess: () => client.invalidateQueries({ queryKey: MESSAGES_KEY }),
  });
}

export interface MessageListFilter {
  locationId: string | null;
  type: string | null;
  responsibleId: string | null;
  contactId: string | null;
  from: string | null;
  to: string | null;
  archived: 'false' | 'true' | 'all';
}

/** Managers: a location's messages (GET /api/messages), page by page. */
export function useMessageList(filter: MessageListFilter) {
  return useInfiniteQuery({
    queryKey: [...MESSAGES_KEY, 'list', filter],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(filter)) if (value) params.set(key, value);
      if (pageParam) params.set('cursor', pageParam);
      return api.get<Page>(`/messages?${params.toString()}`, signal);
    },
    getNextPageParam: (last) => last.nextCursor,
  });
}
