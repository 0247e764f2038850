import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest } from '@web/ui/api';
import { toSearchParams } from '../customers/queries';
import type {
  CustomerRequest,
  PresenceEntryData,
  RenderedTemplateData,
  RequestEventData,
  RequestListItem,
  RequestPageData,
  WorkListCountsData,
  WorkListFilters,
} from './types';

export const REQUESTS_KEY = ['requests'] as const;
export const REQUEST_COUNTS_KEY = ['requests', 'counts'] as const;
export const requestKey = (id: string) => ['requests', 'detail', id] as const;

/** The navigation badge asks again every minute, besides the live events. */
const COUNTS_REFRESH_MS = 60_000;

export function useWorkList(filters: WorkListFilters, pageSize = 50) {
  return useInfiniteQuery({
    queryKey: [...REQUESTS_KEY, 'list', filters],
    queryFn: ({ pageParam, signal }) =>
      api.get<RequestPageData>(
        `/requests?${toSearchParams({ ...filters, limit: pageSize, cursor: pageParam })}`,
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** `enabled: false` holds the request back (the navigation's counts wait for the page's data). */
export function useWorkListCounts(enabled = true) {
  return useQuery({
    queryKey: REQUEST_COUNTS_KEY,
    enabled,
    queryFn: ({ signal }) => api.get<WorkListCountsData>('/requests/counts', signal),
    refetchInterval: COUNTS_REFRESH_MS,
    staleTime: 10_000,
  });
}

export function useRequest(id: string) {
  return useQuery({
    queryKey: requestKey(id),
    queryFn: ({ signal }) => api.get<CustomerRequest>(`/requests/${id}`, signal),
  });
}

export function useRequestEvents(id: string) {
  return useQuery({
    queryKey: [...requestKey(id), 'events'],
    queryFn: ({ signal }) => api.get<RequestEventData[]>(`/requests/${id}/events`, signal),
  });
}

export function useRequestTemplates(id: string) {
  return useQuery({
    queryKey: [...requestKey(id), 'templates'],
    queryFn: ({ signal }) => api.get<RenderedTemplateData[]>(`/requests/${id}/templates`, signal),
    staleTime: 5 * 60_000,
  });
}

export function useContactRequests(contactId: string | null | undefined, status: 'open' | 'all' = 'open') {
  return useQuery({
    queryKey: [...REQUESTS_KEY, 'contact', contactId, status],
    queryFn: ({ signal }) => api.get<RequestListItem[]>(`/contacts/${contactId}/requests?status=${status}`, signal),
    enabled: Boolean(contactId),
  });
}

export function usePresence(locationId: string | null | undefined) {
  return useQuery({
    queryKey: ['presence', locationId ?? 'all'],
    queryFn: ({ signal }) => api.get<PresenceEntryData[]>(`/users/presence?${toSearchParams({ locationId })}`, signal),
    staleTime: 60_000,
  });
}

/** After any change the request, the work lists, the badge and the customer's timeline show it. */
function useRequestChanged() {
  const queryClient = useQueryClient();
  return (request?: CustomerRequest) => {
    if (request) queryClient.setQueryData(requestKey(request.id), request);
    void queryClient.invalidateQueries({ queryKey: REQUESTS_KEY });
    void queryClient.invalidateQueries({ queryKey: ['timeline'] });
  };
}

export function useCreateRequest() {
  const changed = useRequestChanged();
  return useMutation({
    mutationFn: (body: unknown) => api.post<CustomerRequest>('/requests', body),
    onSuccess: (request) => changed(request),
  });
}

/**
 * A scanned letter with the request's fields. The key belongs to the filled-in
 * form: a double click or a retry after a lost answer sends it again, and the
 * server answers with the request the first upload made.
 */
export function useCreateLetterRequest() {
  const changed = useRequestChanged();
  return useMutation({
    mutationFn: ({ body, file, key }: { body: unknown; file: File; key: string }) => {
      const form = new FormData();
      form.append('request', JSON.stringify(body));
      form.append('file', file, file.name);
      return apiRequest<CustomerRequest>('/requests/letters', {
        method: 'POST',
        body: form,
        headers: { 'Idempotency-Key': key },
      });
    },
    onSuccess: (request) => changed(request),
  });
}

export function useChangeStatus(id: string) {
  const changed = useRequestChanged();
  return useMutation({
    mutationFn: (body: unknown) => api.post<CustomerRequest>(`/requests/${id}/status`, body),
    onSuccess: (request) => changed(request),
  });
}

export function useRecordAttempt(id: string) {
  const changed = useRequestChanged();
  return useMutation({
    mutationFn: (body: {
      channel: string;
      outcome: string;
      note?: string | null;
      /** Sends the mail from the CRM (consent rules apply) instead of only noting it. */
      send?: { subject: string; text: string; askedInRequest?: boolean };
    }) => api.post<CustomerRequest>(`/requests/${id}/attempts`, body),
    onSuccess: (request) => changed(request),
  });
}

/** "Per E-Mail antworten": sent from the current user, recorded as an e-mail attempt. */
export function useEmailReply(id: string) {
  const changed = useRequestChanged();
  return useMutation({
    mutationFn: (body: {
      to: string;
      subject: string;
      text: string;
      attachmentIds: string[];
      templateKey?: string | null;
    }) => api.post<CustomerRequest>(`/requests/${id}/email-reply`, body),
    onSuccess: (request) => changed(request),
  });
}

export function useReassign(id: string) {
  const changed = useRequestChanged();
  return useMutation({
    mutationFn: (body: { assigneeId: string; reason: string }) =>
      api.post<CustomerRequest>(`/requests/${id}/reassign`, body),
    onSuccess: (request) => changed(request),
  });
}

/** Phones, e-mail addresses or the address a lead's customer sent, taken over onto the contact. */
export function useTakeOverSubmitted(id: string) {
  const changed = useRequestChanged();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { phones: string[]; emails: string[]; address: boolean }) =>
      api.post<CustomerRequest>(`/requests/${id}/submitted/take-over`, body),
    onSuccess: (request) => {
      changed(request);
      void queryClient.invalidateQueries({ queryKey: ['contacts', 'detail', request.contact.id] });
    },
  });
}

export function useBulkReassign() {
  const changed = useRequestChanged();
  return useMutation({
    mutationFn: (body: { ids: string[]; assigneeId: string; reason: string }) =>
      api.post<{ reassigned: number }>('/requests/bulk-reassign', body),
    onSuccess: () => changed(),
  });
}
