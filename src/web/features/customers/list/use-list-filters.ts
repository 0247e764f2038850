import { useSearchParams } from 'react-router-dom';
import { FILTER_KEYS, type FilterKey, listFilters } from './filters';

export type { FilterKey };

/**
 * The list's filters and sort live in the address, so the back button, a
 * reload and a shared link all show the same list.
 */
export function useListFilters() {
  const [params, setParams] = useSearchParams();
  const filters = listFilters(params);
  const { sort, dir } = filters;
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
  function toggleSort(column: typeof sort) {
    if (column === sort) update({ dir: dir === 'asc' ? 'desc' : 'asc' });
    else update({ sort: column, dir: column === 'updatedAt' ? 'desc' : 'asc' });
  }

  function reset() {
    update({ q: null, locationId: null, kind: null, tag: null, blocked: null, phase: null });
  }

  return { filters, active, update, toggleSort, reset };
}
