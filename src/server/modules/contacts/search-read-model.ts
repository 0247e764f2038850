import type { Database } from '@server/db/client';
import { locationsSql } from '@server/modules/org';

/*
 * The SQL over contacts' tables that the search bar and the PBX lookup run,
 * published for the search module. Search is the hottest read path of the CRM
 * and the PBX asks on every ring: each branch stays one small index-backed
 * statement, search composes and ranks them. A branch's parameters: $1 now,
 * $2 the user's locations, $3 the limit, its own values from $4.
 */

/**
 * Whether the contact has an active block (not lifted, not past blockedUntil).
 * A LIMIT 1 scalar subquery, so PostgreSQL probes contact_blocks_contact_idx
 * per result instead of hashing every block in the table.
 */
export const blockedSql = (contactId: string, nowParam: string) =>
  `coalesce((SELECT true FROM contact_blocks b WHERE b.contact_id = ${contactId}
     AND b.lifted_at IS NULL AND (b.blocked_until IS NULL OR b.blocked_until > ${nowParam}) LIMIT 1), false)`;

const CONTACT_COLUMNS = 'c.id, c.display_name, c.kind, c.customer_number, c.home_location_id';
const LIVE = 'c.merged_into_id IS NULL';

export const contactSearchSql = {
  /** Orders a branch's rows (score, then the user's own locations, then name) and adds whether each is blocked. */
  ranked: (inner: string) =>
    `SELECT m.id, m.display_name, m.kind, m.customer_number, m.home_location_id, m.matched_value, m.score::float8 AS score,
            ${blockedSql('m.id', '$1')} AS blocked
       FROM (${inner}) m
      ORDER BY m.score DESC, (m.home_location_id = ANY($2::uuid[])) DESC, m.display_name, m.id
      LIMIT $3`,

  /** Live contacts holding exactly the E.164 number $4. */
  byPhone: (score: number) =>
    `SELECT ${CONTACT_COLUMNS}, p.e164 AS matched_value, ${score} AS score
         FROM contact_phones p JOIN contacts c ON c.id = p.contact_id
        WHERE p.e164 = $4 AND ${LIVE}`,

  /** Live contacts among the first $5 numbers whose reversed digits start with $4, read from the index alone. */
  byPhoneSuffix: (score: number) =>
    `SELECT ${CONTACT_COLUMNS}, NULL::text AS matched_value, ${score} AS score
         FROM (SELECT DISTINCT p.contact_id
                 FROM (SELECT p.contact_id FROM contact_phones p WHERE p.digits_reversed LIKE $4 || '%' LIMIT $5) p) p
         JOIN contacts c ON c.id = p.contact_id
        WHERE ${LIVE}`,

  /** All numbers of the contacts in $1, primary first. */
  numbersOfContacts: `SELECT p.contact_id, coalesce(p.e164, p.raw) AS number, p.digits_reversed
         FROM contact_phones p
        WHERE p.contact_id = ANY($1::uuid[])
        ORDER BY p.is_primary DESC, p.position`,

  /** Addresses starting with $4 (stored lower-case); the whole address $5 scores `exact`. */
  byEmailPrefix: (exact: number, partial: number) =>
    `SELECT ${CONTACT_COLUMNS}, e.address AS matched_value,
              CASE WHEN e.address = $5 THEN ${exact} ELSE ${partial} END AS score
         FROM (SELECT * FROM contact_emails e WHERE e.address LIKE $4 || '%' LIMIT 200) e
         JOIN contacts c ON c.id = e.contact_id
        WHERE ${LIVE}`,

  /** Customer numbers in $4, or the bare digits $5 with any location's code. */
  byCustomerNumber: (score: number) =>
    `SELECT ${CONTACT_COLUMNS}, c.customer_number AS matched_value, ${score} AS score
         FROM contacts c
        WHERE c.customer_number = ANY($4::text[] || ARRAY(${locationsSql.codesWithSuffix('$5')}))
          AND ${LIVE}`,

  /**
   * One prefix branch of the name search: live names from `start` up to
   * `start || '~'` in contacts_search_name_prefix_idx, further conditions in
   * `others` (see otherWordStarts).
   */
  namePrefixBranch: (start: string, others: string, limit: number) =>
    `(SELECT c.id, c.search_name, c.home_location_id FROM contacts c
                WHERE c.search_name ~>=~ ${start} AND c.search_name ~<~ (${start} || '~') ${others} AND ${LIVE}
                LIMIT ${limit})`,

  /** Some word of the name starts with one of the LIKE patterns in the text[] parameter `patterns`. */
  otherWordStarts: (patterns: string) => `AND (' ' || c.search_name) LIKE ANY(${patterns}::text[])`,

  /** The best of the prefix branches by `score` (over x.search_name), the page shown read from the table. */
  bestOfNameBranches: (branches: string[], score: string) =>
    `SELECT ${CONTACT_COLUMNS}, NULL::text AS matched_value, best.score
       FROM (SELECT id, score FROM (
               SELECT DISTINCT ON (x.id) x.id, x.search_name, x.home_location_id, ${score} AS score
                 FROM (${branches.join(' UNION ALL ')}) x) d
             ORDER BY score DESC, (home_location_id = ANY($2::uuid[])) DESC, search_name
             LIMIT $3) best
       JOIN contacts c ON c.id = best.id`,

  /** Up to `limit` live names similar by trigrams to the word $5, scored against the whole query $4. */
  byTrigrams: (limit: number) =>
    `SELECT ${CONTACT_COLUMNS}, NULL::text AS matched_value,
              (word_similarity($4, c.search_name) + similarity($4, c.search_name)) / 2 AS score
         FROM (SELECT * FROM contacts c WHERE $5 <% c.search_name AND ${LIVE} LIMIT ${limit}) c`,
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

/**
 * For lifecycle rules, which check consent for thousands of vehicles in one statement: whether the
 * contact's latest decision for (channel, purpose) — SQL expressions, e.g. a rule's columns — is
 * "granted" at the timestamptz expression `nowParam`. No decision counts as no consent.
 */
export const consentGrantedSql = (contactId: string, channel: string, purpose: string, nowParam: string) =>
  `coalesce((SELECT k.status = 'granted' FROM consents k
      WHERE k.contact_id = ${contactId} AND k.channel::text = ${channel} AND k.purpose::text = ${purpose}
        AND k.effective_at <= ${nowParam}
      ORDER BY k.effective_at DESC, k.created_at DESC, k.id DESC LIMIT 1), false)`;

/** The regular sales consultant's and service advisor's columns of the contacts row aliased `alias`. */
export const regularStaffSql = {
  salesConsultant: (alias: string) => `${alias}.sales_consultant_id`,
  serviceAdvisor: (alias: string) => `${alias}.service_advisor_id`,
  homeLocation: (alias: string) => `${alias}.home_location_id`,
  live: (alias: string) => `${alias}.merged_into_id IS NULL`,
};
