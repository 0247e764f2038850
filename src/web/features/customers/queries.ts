import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@web/ui/api';
import type {
  ConsentHistory,
  Contact,
  ContactPageData,
  ContactVehicleItem,
  DirectoryEntry,
  DuplicateCandidate,
  TimelinePageData,
} from './types';
import {
  CONTACTS_KEY,
  contactKey,
  contactListQuery,
  contactQuery,
  LIST_PAGE_SIZE,
  toSearchParams,
  type ContactFilters,
} from './query-options';

export { CONTACTS_KEY, contactKey, toSearchParams, type ContactFilters } from './query-options';
export const timelineKey = (path: string) => ['timeline', path] as const;

export function useContactList(filters: ContactFilters, pageSize = LIST_PAGE_SIZE) {
  return useInfiniteQuery({ ...contactListQuery(filters, pageSize), placeholderData: keepPreviousData });
}

/** `enabled: false` while there is no contact yet (a new customer being typed in). */
export function useContact(id: string, enabled = true) {
  return useQuery({ ...contactQuery(id), enabled: enabled && Boolean(id) });
}

/** After a change the record, the list and the timeline show it at once. */
function useContactChanged() {
  const queryClient = useQueryClient();
  return (contact?: Contact) => {
    if (contact) queryClient.setQueryData(contactKey(contact.id), contact);
    void queryClient.invalidateQueries({ queryKey: CONTACTS_KEY });
    void queryClient.invalidateQueries({ queryKey: ['timeline'] });
  };
}

export function useCreateContact() {
  const changed = useContactChanged();
  return useMutation({
    mutationFn: (body: unknown) => api.post<Contact>('/contacts', body),
    onSuccess: (contact) => changed(contact),
  });
}

export function useUpdateContact(id: string) {
  const changed = useContactChanged();
  return useMutation({
    mutationFn: (body: unknown) => api.patch<Contact>(`/contacts/${id}`, body),
    onSuccess: (contact) => changed(contact),
  });
}

export function useDuplicateCheck() {
  return useMutation({
    mutationFn: (body: unknown) => api.post<DuplicateCandidate[]>('/contacts/duplicates', body),
  });
}

export function useConsentHistory(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...contactKey(id), 'consents'],
    queryFn: ({ signal }) => api.get<ConsentHistory[]>(`/contacts/${id}/consents`, signal),
    enabled,
  });
}

export function useRecordConsent(id: string) {
  const queryClient = useQueryClient();
  const changed = useContactChanged();
  return useMutation({
    mutationFn: (body: unknown) => api.post<unknown>(`/contacts/${id}/consents`, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: contactKey(id) });
      changed();
    },
  });
}

export function useBlockActions(id: string) {
  const queryClient = useQueryClient();
  const changed = useContactChanged();
  const onSuccess = () => {
    void queryClient.invalidateQueries({ queryKey: contactKey(id) });
    changed();
  };
  const block = useMutation({
    mutationFn: (body: { reason: string; until?: string | null }) => api.post<unknown>(`/contacts/${id}/block`, body),
    onSuccess,
  });
  const unblock = useMutation({
    mutationFn: (body: { reason: string | null }) => api.post<unknown>(`/contacts/${id}/unblock`, body),
    onSuccess,
  });
  return { block, unblock };
}

/** Merges a duplicate into the record kept; everything about the customer shows it afterwards. */
export function useMergeContact(targetId: string) {
  const queryClient = useQueryClient();
  const changed = useContactChanged();
  return useMutation({
    mutationFn: (sourceId: string) => api.post<Contact>('/contacts/merge', { sourceId, targetId }),
    onSuccess: (kept, sourceId) => {
      void queryClient.invalidateQueries({ queryKey: contactKey(sourceId) });
      void queryClient.invalidateQueries({ queryKey: ['requests'] });
      changed(kept);
    },
  });
}

/** Customers whose name starts with what was typed, for picking one (e.g. the duplicate to merge). */
export function useContactPicker(q: string) {
  return useQuery({
    queryKey: [...CONTACTS_KEY, 'picker', q],
    queryFn: ({ signal }) => api.get<ContactPageData>(`/contacts?${toSearchParams({ q, limit: 8 })}`, signal),
    enabled: q.trim().length >= 2,
    placeholderData: keepPreviousData,
  });
}

export function useContactVehicles(id: string) {
  return useQuery({
    queryKey: [...contactKey(id), 'vehicles'],
    queryFn: ({ signal }) => api.get<ContactVehicleItem[]>(`/contacts/${id}/vehicles`, signal),
  });
}

/** Timeline of a contact or a vehicle; `path` is e.g. "/contacts/<id>/timeline". */
export function useTimeline(path: string, kinds: readonly string[]) {
  return useInfiniteQuery({
    queryKey: [...timelineKey(path), kinds],
    queryFn: ({ pageParam, signal }) =>
      api.get<TimelinePageData>(
        `${path}?${toSearchParams({ kinds: kinds.join(','), limit: 30, cursor: pageParam })}`,
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useAddNote(contactId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { text: string; occurredAt?: string; vehicleId?: string }) =>
      api.post<unknown>(`/contacts/${contactId}/notes`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['timeline'] }),
  });
}

/** Colleagues for the consultant and advisor pickers. */
export function useDirectory() {
  return useQuery({
    queryKey: ['users', 'directory'],
    queryFn: ({ signal }) => api.get<DirectoryEntry[]>('/users/directory', signal),
    staleTime: 5 * 60_000,
  });
}
