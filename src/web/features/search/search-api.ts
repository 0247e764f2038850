import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { SearchResponse } from '@shared/search/schemas';
import { api } from '@web/ui/api';

export type SearchResponseData = z.infer<typeof SearchResponse>;

/** Waits this long after the last keystroke before asking the server. */
export const SEARCH_DEBOUNCE_MS = 150;

export function fetchSearch(query: string, limit: number, signal?: AbortSignal) {
  const params = new URLSearchParams({ q: query, limit: String(limit) });
  return api.get<SearchResponseData>(`/search?${params.toString()}`, signal);
}

/** Results for what the user typed, asked for once typing pauses; earlier results stay until new ones arrive. */
export function useSearch(query: string, { limit = 20, debounce = SEARCH_DEBOUNCE_MS } = {}) {
  const [debounced] = useDebouncedValue(query.trim(), debounce);
  const result = useQuery({
    queryKey: ['search', debounced, limit],
    queryFn: ({ signal }) => fetchSearch(debounced, limit, signal),
    enabled: debounced.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
  const typing = query.trim() !== debounced;
  return {
    ...result,
    /** What the shown results answer; may lag behind the input while the user types. */
    answeredQuery: result.data?.query ?? debounced,
    /** Typing or fetching: worth a spinner. */
    busy: (typing && query.trim().length > 0) || result.isFetching,
    active: debounced.length > 0,
  };
}
