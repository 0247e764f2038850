import { useSearchParams } from 'react-router-dom';
import { CONTACT_SORTS } from '@shared/contacts/schemas';
import type { ContactFilters } from '../queries';

const FILTER_KEYS = ['q', 'locationId', 'kind', 'tag', 'blocked', 'phase'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
type Sort = ContactFilters['sort'];

const isSort = (value: string | null): value is Sort => (CONTACT_SORTS as readonly string[]).includes(value ?? '');

/**
 * The list's filters and sort live in the address, so the back button, a
 * reload and a shared link all show the same list.
 */
export function useListFilters() {
  const [params, setParams] = useSearchParams();
  const sortParam = params.get('sort');
  const sort: Sort = isSort(sortParam) ? sortParam : 'name';
  const dir = params.get('dir') === 'desc' ? 'desc' : 'asc';
  const filters: ContactFilters = { sort, dir };
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  const active = FILTER_KEYS.some((key) => params.get(key));

  function update(changes: Partial<Record<FilterKey | 'sort' | 'dir', string | null>>) {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );
  }

  /** Clicking the sorted column again flips the direction; the last change starts with the newest. */
  function toggleSort(column: Sort) {
    if (column === sort) update({ dir: dir === 'asc' ? 'desc' : 'asc' });
    else update({ sort: column, dir: column === 'updatedAt' ? 'desc' : 'asc' });
  }

  function reset() {
    update({ q: null, locationId: null, kind: null, tag: null, blocked: null, phase: null });
  }

  return { filters, active, update, toggleSort, reset };
}
