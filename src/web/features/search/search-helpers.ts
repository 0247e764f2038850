import type { SearchResult } from '@shared/search/schemas';

/** "0171 1234567", "+49 171 …", "089/123456": digits with the usual separators, at least five digits. */
export function looksLikePhone(query: string): boolean {
  const trimmed = query.trim();
  return /^\+?[\d\s/().-]+$/.test(trimmed) && trimmed.replace(/\D/g, '').length >= 5;
}

/** The new-customer form, prefilled with what the user searched for. */
export function newCustomerPath(query: string): string {
  const trimmed = query.trim();
  if (!trimmed) return '/customers/new';
  const params = new URLSearchParams(looksLikePhone(trimmed) ? { phone: trimmed } : { name: trimmed });
  return `/customers/new?${params.toString()}`;
}

/** Where a result leads: a letter its request; the customer record; a vehicle opens its owner's record (vehicle tab) when it has one. */
export function resultPath(result: SearchResult): string {
  if (result.type === 'request') return `/requests/${result.id}`;
  if (result.type === 'contact') return `/customers/${result.id}`;
  if (result.contactId) return `/customers/${result.contactId}?tab=vehicles`;
  return `/vehicles/${result.id}`;
}

export interface ResultGroups {
  contacts: SearchResult[];
  vehicles: SearchResult[];
  /** Requests found by the text of their scanned letter. */
  letters: SearchResult[];
}

/** Customers first, then vehicles, then letters; the order within each group is the server's ranking. */
export function groupResults(results: readonly SearchResult[]): ResultGroups {
  return {
    contacts: results.filter((result) => result.type === 'contact'),
    vehicles: results.filter((result) => result.type === 'vehicle'),
    letters: results.filter((result) => result.type === 'request'),
  };
}
