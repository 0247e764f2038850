import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { api } from '@web/ui/api';
import type { Contact, ContactPageData } from './types';

/*
 * The list's and the record's queries, apart from the hooks: the router asks for them while the
 * page's code still loads (routes.tsx), so this file stays small and imports no page code.
 */

export const CONTACTS_KEY = ['contacts'] as const;
export const contactKey = (id: string) => ['contacts', 'detail', id] as const;
export const LIST_PAGE_SIZE = 50;

export interface ContactFilters {
  q?: string;
  locationId?: string;
  kind?: string;
  tag?: string;
  blocked?: string;
  /** A vehicle the customer holds is in this lifecycle phase. */
  phase?: string;
  sort: 'name' | 'customerNumber' | 'updatedAt';
  dir: 'asc' | 'desc';
}

/** Query string without empty values. */
export function toSearchParams(values: Record<string, string | number | undefined | null>) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  return params.toString();
}

export function contactListQuery(filters: ContactFilters, pageSize = LIST_PAGE_SIZE) {
  return infiniteQueryOptions({
    queryKey: [...CONTACTS_KEY, 'list', filters],
    queryFn: ({ pageParam, signal }) =>
      api.get<ContactPageData>(
        `/contacts?${toSearchParams({ ...filters, limit: pageSize, cursor: pageParam })}`,
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function contactQuery(id: string) {
  return queryOptions({
    queryKey: contactKey(id),
    queryFn: ({ signal }) => api.get<Contact>(`/contacts/${id}`, signal),
  });
}
