import { z } from 'zod';

export const SearchQuery = z.object({
  q: z.string().trim().min(1).max(100),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

export const SEARCH_MATCHES = ['name', 'company', 'phone', 'email', 'customerNumber', 'plate', 'vin'] as const;

export const SearchResult = z.object({
  type: z.enum(['contact', 'vehicle']),
  id: z.uuid(),
  title: z.string(),
  subtitle: z.string().nullable(),
  matchedOn: z.enum(SEARCH_MATCHES),
  /** The contact to open: the contact itself, or a vehicle's current owner/keeper. */
  contactId: z.uuid().nullable(),
  customerNumber: z.string().nullable(),
  blocked: z.boolean(),
  homeLocationId: z.uuid().nullable(),
});
export type SearchResult = z.infer<typeof SearchResult>;

export const SearchResponse = z.object({ query: z.string(), results: z.array(SearchResult), tookMs: z.number() });
