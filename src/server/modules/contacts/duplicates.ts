import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { formatPhone, parsePhone } from '@shared/contacts/normalize';
import type { DuplicateCandidate, DuplicateCheckInput } from '@shared/contacts/schemas';
import type { Db } from '@server/db/client';
import { displayNameOf, searchNameOf } from './input';
import { activeBlockSql, rows } from './repo';

export type DuplicateCheck = z.output<typeof DuplicateCheckInput>;

/** Names at least this similar count when the address matches too. */
const NAME_WITH_ADDRESS = 0.6;
/** Names this similar count on their own. */
const NAME_ALONE = 0.8;
const MAX_CANDIDATES = 10;

interface CandidateRow {
  id: string;
  display_name: string;
  customer_number: string;
  by_phone: boolean;
  by_email: boolean;
  by_name_address: boolean;
  by_name: boolean;
  blocked: boolean;
  city: string | null;
  phone_e164: string | null;
  phone_raw: string | null;
}

/**
 * Likely duplicates of a contact about to be saved: same phone (E.164), same
 * e-mail, or a similar name (trigram similarity on the folded name) that
 * lives at the same postal code or street — or a very similar name alone.
 */
export async function findDuplicates(db: Db, input: DuplicateCheck, now: Date): Promise<DuplicateCandidate[]> {
  const phones = input.phones.map((p) => parsePhone(p.number).e164).filter((e): e is string => Boolean(e));
  const emails = input.emails.map((e) => e.address.trim().toLowerCase()).filter(Boolean);
  const name = searchNameOf(
    displayNameOf({
      kind: input.kind,
      title: null,
      firstName: input.firstName ?? null,
      lastName: input.lastName ?? null,
      companyName: input.companyName ?? null,
    }),
  );
  const postalCodes = input.addresses.map((a) => a.postalCode.trim()).filter(Boolean);
  const streets = input.addresses.map((a) => a.street.trim().toLowerCase()).filter(Boolean);
  if (phones.length === 0 && emails.length === 0 && name.length < 3) return [];

  const list = (values: string[]) =>
    values.length
      ? sql.join(
          values.map((v) => sql`${v}`),
          sql`, `,
        )
      : sql`NULL`;
  const exclude = input.excludeId ? sql`AND c.id <> ${input.excludeId}` : sql``;

  return db.transaction(async (tx) => {
    // The % operator uses the trigram index; the threshold is set for this transaction only.
    await tx.execute(sql`SELECT set_config('pg_trgm.similarity_threshold', ${String(NAME_WITH_ADDRESS)}, true)`);
    const found = await rows<CandidateRow>(
      tx,
      sql`WITH hits AS (
            SELECT ph.contact_id AS id, 'phone' AS reason FROM contact_phones ph WHERE ph.e164 IN (${list(phones)})
            UNION ALL
            SELECT e.contact_id, 'email' FROM contact_emails e WHERE e.address IN (${list(emails)})
            UNION ALL
            SELECT n.id, CASE
                WHEN EXISTS (SELECT 1 FROM contact_addresses a WHERE a.contact_id = n.id
                             AND (a.postal_code IN (${list(postalCodes)}) OR lower(a.street) IN (${list(streets)})))
                  THEN 'name_address'
                WHEN similarity(n.search_name, ${name}) >= ${NAME_ALONE} THEN 'name'
              END
              FROM contacts n WHERE ${name.length >= 3 ? sql`true` : sql`false`} AND n.search_name % ${name}
          )
          SELECT c.id, c.display_name, c.customer_number,
                 bool_or(h.reason = 'phone') AS by_phone, bool_or(h.reason = 'email') AS by_email,
                 bool_or(h.reason = 'name_address') AS by_name_address, bool_or(h.reason = 'name') AS by_name,
                 EXISTS (SELECT 1 FROM contact_blocks b WHERE b.contact_id = c.id AND ${activeBlockSql('b', now)}) AS blocked,
                 (SELECT a.city FROM contact_addresses a WHERE a.contact_id = c.id ORDER BY a.is_primary DESC, a.position LIMIT 1) AS city,
                 p.e164 AS phone_e164, p.raw AS phone_raw
            FROM hits h
            JOIN contacts c ON c.id = h.id AND c.merged_into_id IS NULL ${exclude}
            LEFT JOIN LATERAL (SELECT e164, raw FROM contact_phones WHERE contact_id = c.id
                               ORDER BY is_primary DESC, position LIMIT 1) p ON true
           WHERE h.reason IS NOT NULL
           GROUP BY c.id, p.e164, p.raw
           ORDER BY count(*) DESC, c.display_name, c.id
           LIMIT ${MAX_CANDIDATES}`,
    );
    return found.map((r) => ({
      id: r.id,
      displayName: r.display_name,
      customerNumber: r.customer_number,
      reasons: [
        ...(r.by_phone ? (['phone'] as const) : []),
        ...(r.by_email ? (['email'] as const) : []),
        ...(r.by_name_address ? (['name_address'] as const) : []),
        ...(r.by_name ? (['name'] as const) : []),
      ],
      blocked: r.blocked,
      city: r.city,
      primaryPhone: r.phone_raw === null ? null : formatPhone(r.phone_e164, r.phone_raw),
    }));
  });
}
