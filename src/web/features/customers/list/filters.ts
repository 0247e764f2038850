import { CONTACT_SORTS } from '@shared/contacts/enums';
import type { ContactFilters } from '../query-options';

export const FILTER_KEYS = ['q', 'locationId', 'kind', 'tag', 'blocked', 'phase'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
type Sort = ContactFilters['sort'];

const isSort = (value: string | null): value is Sort => (CONTACT_SORTS as readonly string[]).includes(value ?? '');

/** The list's filters and sort as the address names them (the page and the router's prefetch read them alike). */
export function listFilters(params: URLSearchParams): ContactFilters {
  const sortParam = params.get('sort');
  const sort: Sort = isSort(sortParam) ? sortParam : 'name';
  const dir = params.get('dir') === 'desc' ? 'desc' : 'asc';
  const filters: ContactFilters = { sort, dir };
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  return filters;
}
