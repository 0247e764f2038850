import type { Database } from '@server/db/client';
import { type PhoneMatchRow, phoneMatches } from '@server/modules/contacts';
import { isLookupable } from './numbers';

export type MatchedBy = 'exact' | 'tail' | 'company_main';

export interface CallerMatch {
  contactId: string;
  displayName: string;
  customerNumber: string;
  matchedBy: MatchedBy;
  /** The stored number that matched (E.164 or as typed). */
  matchedNumber: string;
}

export interface CallerIdentity {
  /** False for withheld, internal and short numbers: they are never looked up. */
  lookedUp: boolean;
  matches: CallerMatch[];
}

/** A shorter common tail says little: 7 digits is a local number without its area code. */
export const MIN_TAIL_DIGITS = 7;
/** German extensions (Durchwahl) have one to four digits. */
const MAX_EXTENSION_DIGITS = 4;
/** A main number keeps at least country code plus a few digits. */
const MIN_MAIN_DIGITS = 8;
const MAX_MATCHES = 20;
const TAIL_CANDIDATES = 200;

const reverse = (value: string) => [...value].reverse().join('');

/**
 * Where a company publishes its switchboard: a caller +49 89 123456-42 may be
 * from the firm listed as +49 89 123456-0 or +49 89 123456. Longest first.
 */
export function companyMainCandidates(e164: string): string[] {
  const digits = e164.slice(1);
  const out: string[] = [];
  for (let cut = 1; cut <= MAX_EXTENSION_DIGITS; cut++) {
    const main = digits.slice(0, digits.length - cut);
    if (main.length < MIN_MAIN_DIGITS) break;
    out.push(`+${main}0`, `+${main}`);
  }
  return out.filter((n) => n !== e164);
}

const commonPrefix = (a: string, b: string) => {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
};

/**
 * Caller identification in one round trip: exact E.164 first, then the
 * longest common tail of at least seven digits (numbers stored without area
 * code or country, or from imports that did not parse), then a company's main
 * number by cutting off the extension (the statement is contacts' read
 * model). Only the best tier is returned.
 */
export async function identifyCaller(database: Database, e164: string | null | undefined): Promise<CallerIdentity> {
  if (!isLookupable(e164)) return { lookedUp: false, matches: [] };
  const reversed = reverse(e164.slice(1));
  const mains = companyMainCandidates(e164);
  const rows = await phoneMatches(database, e164, reversed.slice(0, MIN_TAIL_DIGITS), mains, TAIL_CANDIDATES);

  const best = (tier: number, score: (r: PhoneMatchRow) => number): CallerMatch[] => {
    const inTier = rows.filter((r) => r.tier === tier);
    if (inTier.length === 0) return [];
    const top = Math.max(...inTier.map(score));
    const seen = new Set<string>();
    return inTier
      .filter((r) => score(r) === top)
      .sort((a, b) => a.display_name.localeCompare(b.display_name, 'de') || a.id.localeCompare(b.id))
      .filter((r) => !seen.has(r.id) && seen.add(r.id))
      .slice(0, MAX_MATCHES)
      .map((r) => ({
        contactId: r.id,
        displayName: r.display_name,
        customerNumber: r.customer_number,
        matchedBy: tier === 1 ? 'exact' : tier === 2 ? 'tail' : 'company_main',
        matchedNumber: r.matched,
      }));
  };

  const exact = best(1, () => 0);
  if (exact.length > 0) return { lookedUp: true, matches: exact };
  const tail = best(2, (r) => commonPrefix(r.digits_reversed, reversed));
  if (tail.length > 0) return { lookedUp: true, matches: tail };
  return { lookedUp: true, matches: best(3, (r) => r.matched.length) };
}
