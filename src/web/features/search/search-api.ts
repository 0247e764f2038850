import { useDebouncedValue } from '@mantine/hooks';
import { useMemo } from 'react';
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

/** Scanned letters are looked into for queries with at least this many letters (the server's rule too). */
const LETTER_MIN_LETTERS = 3;

export function fetchLetterSearch(query: string, signal?: AbortSignal) {
  const params = new URLSearchParams({ q: query });
  return api.get<SearchResponseData>(`/search/letters?${params.toString()}`, signal);
}

/**
 * Results for what the user typed, asked for once typing pauses; earlier results stay until new
 * ones arrive. Letters are a second request beside it: customers and vehicles show at once, the
 * letters found join them after, at the end.
 */
export function useSearch(query: string, { limit = 20, debounce = SEARCH_DEBOUNCE_MS } = {}) {
  const [debounced] = useDebouncedValue(query.trim(), debounce);
  const main = useQuery({
    queryKey: ['search', debounced, limit],
    queryFn: ({ signal }) => fetchSearch(debounced, limit, signal),
    enabled: debounced.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
  const lettersWanted = (debounced.match(/\p{L}/gu)?.length ?? 0) >= LETTER_MIN_LETTERS;
  const letters = useQuery({
    queryKey: ['search', 'letters', debounced],
    queryFn: ({ signal }) => fetchLetterSearch(debounced, signal),
    enabled: lettersWanted,
    staleTime: 10_000,
  });
  // One answer object per pair of answers, so a selection kept against it survives re-renders.
  const letterResults = lettersWanted && letters.data?.query === main.data?.query ? letters.data?.results : undefined;
  const data = useMemo(
    () =>
      main.data && letterResults?.length
        ? { ...main.data, results: [...main.data.results, ...letterResults] }
        : main.data,
    [main.data, letterResults],
  );
  const result = { ...main, data };
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
