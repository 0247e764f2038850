import { sql } from 'drizzle-orm';
import { type DbOrTx, rows } from '@server/db/client';

/** A live contact sharing a phone number or e-mail address with someone being taken in. */
export interface SharedDetailCandidate {
  id: string;
  kind: 'person' | 'company';
  firstName: string | null;
  lastName: string | null;
  companyName: string | null;
  displayName: string;
  customerNumber: string;
  byPhone: boolean;
  byEmail: boolean;
  /** All its numbers (E.164) and e-mail addresses (lower case), to tell what a lead adds. */
  phones: string[];
  emails: string[];
  phoneCount: number;
  emailCount: number;
}

/** A phone shared by a whole office says little; more than this many contacts are not weighed. */
const MAX_CANDIDATES = 20;

interface Row {
  id: string;
  kind: 'person' | 'company';
  first_name: string | null;
  last_name: string | null;
  company_name: string | null;
  display_name: string;
  customer_number: string;
  by_phone: boolean;
  by_email: boolean;
  phones: string[] | null;
  emails: string[] | null;
  phone_count: number | string;
  email_count: number | string;
}

/**
 * Contacts (not merged away) having any of these numbers (E.164) or e-mail addresses, with
 * their names and all their numbers and addresses: one round trip, and none when there is
 * nothing to look for.
 */
export async function contactsSharingDetails(
  db: DbOrTx,
  e164s: string[],
  emails: string[],
): Promise<SharedDetailCandidate[]> {
  if (e164s.length === 0 && emails.length === 0) return [];
  const list = (values: string[]) =>
    values.length
      ? sql.join(
          values.map((v) => sql`${v}`),
          sql`, `,
        )
      : sql`NULL`;
  const found = await rows<Row>(
    db,
    sql`WITH hits AS (
          SELECT ph.contact_id AS id, true AS by_phone, false AS by_email
            FROM contact_phones ph WHERE ph.e164 IN (${list(e164s)})
          UNION ALL
          SELECT e.contact_id, false, true FROM contact_emails e WHERE e.address IN (${list(emails)})
        )
        SELECT c.id, c.kind, c.first_name, c.last_name, c.company_name, c.display_name, c.customer_number,
               bool_or(h.by_phone) AS by_phone, bool_or(h.by_email) AS by_email,
               (SELECT array_agg(p.e164) FROM contact_phones p WHERE p.contact_id = c.id AND p.e164 IS NOT NULL) AS phones,
               (SELECT array_agg(m.address) FROM contact_emails m WHERE m.contact_id = c.id) AS emails,
               (SELECT count(*) FROM contact_phones p WHERE p.contact_id = c.id) AS phone_count,
               (SELECT count(*) FROM contact_emails m WHERE m.contact_id = c.id) AS email_count
          FROM hits h
          JOIN contacts c ON c.id = h.id AND c.merged_into_id IS NULL
         GROUP BY c.id
         ORDER BY c.display_name, c.id
         LIMIT ${MAX_CANDIDATES}`,
  );
  return found.map((r) => ({
    id: r.id,
    kind: r.kind,
    firstName: r.first_name,
    lastName: r.last_name,
    companyName: r.company_name,
    displayName: r.display_name,
    customerNumber: r.customer_number,
    byPhone: r.by_phone,
    byEmail: r.by_email,
    phones: r.phones ?? [],
    emails: r.emails ?? [],
    phoneCount: Number(r.phone_count),
    emailCount: Number(r.email_count),
  }));
}
