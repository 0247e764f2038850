import type { Database } from '../../db/client';
import type { SEARCH_MATCHES } from '../../../shared/search/schemas';

/**
 * The search bar's SQL: one small, index-backed query per kind of match, each
 * with its own LIMIT, run only when the query's shape calls for it.
 * Raw parameterised SQL because this is the hottest read path of the CRM.
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

/**
 * Whether the contact has an active block (not lifted, not past blockedUntil).
 * A LIMIT 1 scalar subquery, so PostgreSQL probes contact_blocks_contact_idx
 * per result instead of hashing every block in the table.
 */
export const blockedSql = (contactId: string, nowParam: string) =>
  `coalesce((SELECT true FROM contact_blocks b WHERE b.contact_id = ${contactId}
     AND b.lifted_at IS NULL AND (b.blocked_until IS NULL OR b.blocked_until > ${nowParam}) LIMIT 1), false)`;

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
  const rows = await run(
    `SELECT m.id, m.display_name, m.kind, m.customer_number, m.home_location_id, m.matched_value, m.score::float8 AS score,
            ${blockedSql('m.id', '$1')} AS blocked
       FROM (${inner}) m
      ORDER BY m.score DESC, (m.home_location_id = ANY($2::uuid[])) DESC, m.display_name, m.id
      LIMIT $3`,
    [ctx.now, ctx.locationIds, ctx.limit, ...params],
  );
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

export const CONTACT_COLUMNS = 'c.id, c.display_name, c.kind, c.customer_number, c.home_location_id';
export const LIVE = 'c.merged_into_id IS NULL';

export const contactSearch = {
  byPhone: (ctx: SearchContext, e164: string) =>
    contactQuery(
      ctx,
      `SELECT ${CONTACT_COLUMNS}, p.e164 AS matched_value, ${SCORE_EXACT} AS score
         FROM contact_phones p JOIN contacts c ON c.id = p.contact_id
        WHERE p.e164 = $4 AND ${LIVE}`,
      [e164],
      () => 'phone',
    ),

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
      `SELECT ${CONTACT_COLUMNS}, NULL::text AS matched_value, ${SCORE_PARTIAL} AS score
         FROM (SELECT DISTINCT p.contact_id
                 FROM (SELECT p.contact_id FROM contact_phones p WHERE p.digits_reversed LIKE $4 || '%' LIMIT $5) p) p
         JOIN contacts c ON c.id = p.contact_id
        WHERE ${LIVE}`,
      [reversedDigits, ctx.limit * SUFFIX_CANDIDATES_PER_RESULT],
      () => 'phone',
    );
    if (hits.length === 0) return hits;
    // All numbers of the contacts shown, by contact (a condition on the digits here would
    // lead the planner back to the digits index and its hundreds of rows).
    const numbers = await ctx.database.query<{ contact_id: string; number: string; digits_reversed: string }>(
      `SELECT p.contact_id, coalesce(p.e164, p.raw) AS number, p.digits_reversed
         FROM contact_phones p
        WHERE p.contact_id = ANY($1::uuid[])
        ORDER BY p.is_primary DESC, p.position`,
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
      `SELECT ${CONTACT_COLUMNS}, e.address AS matched_value,
              CASE WHEN e.address = $5 THEN ${SCORE_EXACT} ELSE ${SCORE_PARTIAL} END AS score
         FROM (SELECT * FROM contact_emails e WHERE e.address LIKE $4 || '%' LIMIT 200) e
         JOIN contacts c ON c.id = e.contact_id
        WHERE ${LIVE}`,
      [escapedPrefix, address],
      () => 'email',
    ),

  /** Exact customer numbers; bare digits are tried with every location's code ("100123" → "MUC-100123"). */
  byCustomerNumber: (ctx: SearchContext, numbers: string[], digits: string | null) =>
    contactQuery(
      ctx,
      `SELECT ${CONTACT_COLUMNS}, c.customer_number AS matched_value, ${SCORE_EXACT} AS score
         FROM contacts c
        WHERE c.customer_number = ANY($4::text[] || ARRAY(SELECT l.code || '-' || $5::text FROM locations l WHERE $5::text IS NOT NULL))
          AND ${LIVE}`,
      [numbers, digits],
      () => 'customerNumber',
    ),
};

export interface PhoneOwnerRow {
  id: string;
  display_name: string;
  customer_number: string;
  blocked: boolean;
}

const CALLER_ID_SQL = `SELECT c.id, c.display_name, c.customer_number, ${blockedSql('c.id', '$2')} AS blocked
       FROM contacts c
      WHERE c.id IN (SELECT p.contact_id FROM contact_phones p WHERE p.e164 = $1)
        AND c.merged_into_id IS NULL
      ORDER BY c.display_name, c.id
      LIMIT 20`;

/**
 * Caller id: contacts holding exactly this E.164 number (contact_phones_e164_idx),
 * merged ones left out. On PostgreSQL a named prepared statement: planning
 * this query takes several times longer than running it, and the PBX asks
 * on every ring.
 */
export async function findByExactPhone(database: Database, e164: string, now: Date): Promise<PhoneOwnerRow[]> {
  if (!database.pool) return database.query<PhoneOwnerRow>(CALLER_ID_SQL, [e164, now]);
  const result = await database.pool.query<PhoneOwnerRow>({
    name: 'caller-id',
    text: CALLER_ID_SQL,
    values: [e164, now],
  });
  return result.rows;
}
