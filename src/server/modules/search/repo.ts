import type { Database } from '@server/db/client';
import { contactSearchSql } from '@server/modules/contacts';
import type { SEARCH_MATCHES } from '@shared/search/schemas';

/**
 * The search bar's queries: one small, index-backed query per kind of match, each
 * with its own LIMIT, run only when the query's shape calls for it.
 * Raw parameterised SQL because this is the hottest read path of the CRM; the
 * SQL over contacts' and vehicles' tables is their read models'.
 */

export type MatchedOn = (typeof SEARCH_MATCHES)[number];

export interface ContactHit {
  type: 'contact';
  id: string;
  displayName: string;
  kind: 'person' | 'company';
  customerNumber: string;
  homeLocationId: string;
  blocked: boolean;
  /** What matched, for the subtitle: the phone, the address … */
  matchedValue: string | null;
  matchedOn: MatchedOn;
  score: number;
}

export interface VehicleHit {
  type: 'vehicle';
  id: string;
  make: string;
  model: string;
  plate: string | null;
  vin: string | null;
  contactId: string | null;
  ownerName: string | null;
  customerNumber: string | null;
  homeLocationId: string | null;
  blocked: boolean;
  matchedOn: MatchedOn;
  score: number;
}

/** Scores: exact identifiers above partial identifiers above names (at most 1.5, see name-repo.ts). */
export const SCORE_EXACT = 3;
export const SCORE_PARTIAL = 2;
/** Numbers read per result shown when searching by the last digits (see byPhoneSuffix). */
const SUFFIX_CANDIDATES_PER_RESULT = 3;

export interface SearchContext {
  database: Database;
  now: Date;
  /** The user's locations: their contacts rank first at equal score. */
  locationIds: string[];
  limit: number;
}

export type QueryRunner = (sql: string, params: unknown[]) => Promise<ContactRow[]>;

export type ContactRow = {
  id: string;
  display_name: string;
  kind: 'person' | 'company';
  customer_number: string;
  home_location_id: string;
  blocked: boolean;
  matched_value: string | null;
  score: number;
};

/**
 * Wraps a query over contacts: $1 now, $2 the user's locations and $3 the
 * limit are supplied here, the branch's own values follow from $4.
 * Order: score, then the user's own locations, then name.
 */
export async function contactQuery(
  ctx: SearchContext,
  inner: string,
  params: unknown[],
  matchedOn: (row: ContactRow) => MatchedOn,
  run: QueryRunner = (sql, values) => ctx.database.query<ContactRow>(sql, values),
) {
  const rows = await run(contactSearchSql.ranked(inner), [ctx.now, ctx.locationIds, ctx.limit, ...params]);
  return rows.map((r): ContactHit => ({
    type: 'contact',
    id: r.id,
    displayName: r.display_name,
    kind: r.kind,
    customerNumber: r.customer_number,
    homeLocationId: r.home_location_id,
    blocked: r.blocked,
    matchedValue: r.matched_value,
    matchedOn: matchedOn(r),
    score: Number(r.score),
  }));
}

export const contactSearch = {
  byPhone: (ctx: SearchContext, e164: string) =>
    contactQuery(ctx, contactSearchSql.byPhone(SCORE_EXACT), [e164], () => 'phone'),

  /**
   * "The last digits": digits_reversed starts with the typed digits reversed. Reads the
   * contacts straight from the index (INCLUDE contact_id) and only a few times the list's
   * length of them: four digits match hundreds of numbers among a million customers, and
   * fetching each of those contacts, not the lookup itself, was what made this search slow.
   * The matching number is looked up afterwards for the contacts shown.
   */
  byPhoneSuffix: async (ctx: SearchContext, reversedDigits: string) => {
    const hits = await contactQuery(
      ctx,
      contactSearchSql.byPhoneSuffix(SCORE_PARTIAL),
      [reversedDigits, ctx.limit * SUFFIX_CANDIDATES_PER_RESULT],
      () => 'phone',
    );
    if (hits.length === 0) return hits;
    // All numbers of the contacts shown, by contact (a condition on the digits here would
    // lead the planner back to the digits index and its hundreds of rows).
    const numbers = await ctx.database.query<{ contact_id: string; number: string; digits_reversed: string }>(
      contactSearchSql.numbersOfContacts,
      [hits.map((hit) => hit.id)],
    );
    const numberOf = new Map<string, string>();
    for (const row of numbers) {
      if (row.digits_reversed.startsWith(reversedDigits) && !numberOf.has(row.contact_id))
        numberOf.set(row.contact_id, row.number);
    }
    return hits.map((hit) => ({ ...hit, matchedValue: numberOf.get(hit.id) ?? null }));
  },

  /** Addresses are stored lower-case; the whole address typed counts as exact. */
  byEmailPrefix: (ctx: SearchContext, escapedPrefix: string, address: string) =>
    contactQuery(
      ctx,
      contactSearchSql.byEmailPrefix(SCORE_EXACT, SCORE_PARTIAL),
      [escapedPrefix, address],
      () => 'email',
    ),

  /** Exact customer numbers; bare digits are tried with every location's code ("100123" → "MUC-100123"). */
  byCustomerNumber: (ctx: SearchContext, numbers: string[], digits: string | null) =>
    contactQuery(ctx, contactSearchSql.byCustomerNumber(SCORE_EXACT), [numbers, digits], () => 'customerNumber'),
};
