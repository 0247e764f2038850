import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@server/db/client';

/*
 * The contacts as the phonebook module lists them for desk phones and the PBX,
 * published by contacts: one keyset statement per batch over contacts, their
 * phones and blocks, so the SQL lives with the tables it reads.
 */

export type PhonebookNumberKind = 'landline' | 'mobile' | 'work';

/** One customer as the phone system lists them: a name and the numbers it can dial and recognise. */
export interface PhonebookEntry {
  id: string;
  kind: 'person' | 'company';
  displayName: string;
  firstName: string | null;
  lastName: string | null;
  /** For a company's contact person: the company. */
  company: string | null;
  customerNumber: string;
  blocked: boolean;
  /** E.164, the primary number first; never empty. */
  numbers: Array<{ kind: PhonebookNumberKind; e164: string; primary: boolean }>;
}

interface Row {
  id: string;
  kind: 'person' | 'company';
  display_name: string;
  first_name: string | null;
  last_name: string | null;
  company: string | null;
  customer_number: string;
  blocked: boolean;
  numbers: Array<{ k: PhonebookNumberKind; n: string; p: boolean }> | string;
}

const BATCH = 2_000;

/**
 * Every contact with at least one number we could read, in name order, a
 * batch at a time (keyset on the display-name index), so a million contacts
 * never sit in memory at once.
 *
 * Left out: contacts merged into another (they only redirect); numbers that
 * did not parse (a phone could neither dial nor match them); fax numbers
 * (nobody answers a fax, and a fax machine calling in needs no name).
 *
 * Kept: blocked contacts, marked — see `blocked` — and contacts who withdrew
 * consent to phone marketing. The PBX phonebook serves to recognise a caller
 * and to dial a customer for the matter at hand; it is an internal use of
 * data we hold for the customer relationship, not marketing, so no marketing
 * consent applies, and a customer who declined advertising calls still calls
 * us and expects to be recognised.
 */
export async function* phonebookEntries(db: DbOrTx, now: Date): AsyncGenerator<PhonebookEntry[]> {
  let after: { name: string; id: string } | null = null;
  for (;;) {
    const result: unknown = await db.execute(sql`
      SELECT c.id, c.kind, c.display_name, c.first_name, c.last_name, c.customer_number,
             co.display_name AS company,
             EXISTS (SELECT 1 FROM contact_blocks b WHERE b.contact_id = c.id AND b.lifted_at IS NULL
                     AND (b.blocked_until IS NULL OR b.blocked_until > ${now.toISOString()}::timestamptz)) AS blocked,
             ph.numbers
        FROM contacts c
        JOIN LATERAL (
          SELECT json_agg(json_build_object('k', p.kind, 'n', p.e164, 'p', p.is_primary)
                          ORDER BY p.is_primary DESC, p.position) AS numbers
            FROM contact_phones p
           WHERE p.contact_id = c.id AND p.e164 IS NOT NULL AND p.kind <> 'fax'
        ) ph ON ph.numbers IS NOT NULL
        LEFT JOIN contacts co ON co.id = c.company_id
       WHERE c.merged_into_id IS NULL
         ${after ? sql`AND (c.display_name, c.id) > (${after.name}, ${after.id}::uuid)` : sql``}
       ORDER BY c.display_name, c.id
       LIMIT ${BATCH}`);
    const rows = (result as { rows: Row[] }).rows;
    if (rows.length === 0) return;
    yield rows.map(toEntry);
    if (rows.length < BATCH) return;
    const last = rows.at(-1)!;
    after = { name: last.display_name, id: last.id };
  }
}

function toEntry(r: Row): PhonebookEntry {
  const raw = typeof r.numbers === 'string' ? (JSON.parse(r.numbers) as Exclude<Row['numbers'], string>) : r.numbers;
  const seen = new Set<string>();
  const numbers: PhonebookEntry['numbers'] = [];
  for (const n of raw) {
    if (seen.has(n.n)) continue;
    seen.add(n.n);
    numbers.push({ kind: n.k, e164: n.n, primary: n.p });
  }
  return {
    id: r.id,
    kind: r.kind,
    displayName: r.display_name,
    firstName: r.first_name,
    lastName: r.last_name,
    company: r.company,
    customerNumber: r.customer_number,
    blocked: r.blocked,
    numbers,
  };
}
