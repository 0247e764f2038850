import { z } from 'zod';

export const SearchQuery = z.object({
  q: z.string().trim().min(1).max(100),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

export const LetterSearchQuery = z.object({ q: z.string().trim().min(1).max(100) });

export const SEARCH_MATCHES = [
  'name',
  'company',
  'phone',
  'email',
  'customerNumber',
  'plate',
  'vin',
  'letter',
] as const;

/** A request is found by the text of its scanned letter ("Brief: …"): title number and subject, subtitle the words around the match. */
export const SearchResult = z.object({
  type: z.enum(['contact', 'vehicle', 'request']),
  id: z.uuid(),
  title: z.string(),
  subtitle: z.string().nullable(),
  matchedOn: z.enum(SEARCH_MATCHES),
  /** The contact to open: the contact itself, or a vehicle's current owner/keeper. */
  contactId: z.uuid().nullable(),
  customerNumber: z.string().nullable(),
  blocked: z.boolean(),
  /** A request's own location. */
  homeLocationId: z.uuid().nullable(),
  /** A person or a company (shown with a building), null for a vehicle. */
  contactKind: z.enum(['person', 'company']).nullable(),
});
export type SearchResult = z.infer<typeof SearchResult>;

export const SearchResponse = z.object({ query: z.string(), results: z.array(SearchResult), tookMs: z.number() });
export type SearchResponse = z.infer<typeof SearchResponse>;

/** Caller-id lookup for telephony: the number as the PBX sends it. */
export const PhoneLookupQuery = z.object({ number: z.string().trim().min(1).max(40) });

export const PhoneLookupMatch = z.object({
  contactId: z.uuid(),
  displayName: z.string(),
  customerNumber: z.string(),
  blocked: z.boolean(),
});

/** e164 is null when the number cannot be understood (e.g. "anonymous"); matches is then empty. */
export const PhoneLookupResponse = z.object({
  number: z.string(),
  e164: z.string().nullable(),
  matches: z.array(PhoneLookupMatch),
});
export type PhoneLookupResponse = z.infer<typeof PhoneLookupResponse>;
