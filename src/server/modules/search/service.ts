import type { Deps } from '../../deps';

export type SearchService = ReturnType<typeof createSearchService>;

export function createSearchService(_deps: Deps) {
  return {};
}
