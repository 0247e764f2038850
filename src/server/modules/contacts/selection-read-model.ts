import { sql, type SQL } from 'drizzle-orm';
import type { Channel } from '@shared/contacts/enums';

/*
 * The SQL over contacts' tables that a campaign selection runs, published for the campaigns
 * module: the live count while a manager edits a selection must stay one statement over a
 * million contacts, so campaigns composes these fragments with the vehicles' one. Every
 * fragment reads the contact as `c`.
 */

export interface ContactCriteria {
  locationIds: string[];
  consultantId?: string | null;
  tags: string[];
}

export const selectionSql = {
  /** The contacts table as the selection reads it. */
  from: sql`contacts c`,

  /** Live contacts meeting the contact-level criteria. */
  where(criteria: ContactCriteria): SQL {
    const where: SQL[] = [sql`c.merged_into_id IS NULL`];
    if (criteria.locationIds.length > 0)
      where.push(
        sql`c.home_location_id IN (${sql.join(
          criteria.locationIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`,
      );
    if (criteria.consultantId) where.push(sql`c.sales_consultant_id = ${criteria.consultantId}::uuid`);
    if (criteria.tags.length > 0)
      where.push(
        sql`c.tags @> ARRAY[${sql.join(
          criteria.tags.map((t) => sql`${t}`),
          sql`, `,
        )}]::text[]`,
      );
    return sql.join(where, sql` AND `);
  },

  /** Whether a block is in force at `now` (contact_blocks_contact_idx, one probe per contact). */
  blocked: (now: Date) =>
    sql`EXISTS (SELECT 1 FROM contact_blocks b WHERE b.contact_id = c.id AND b.lifted_at IS NULL
         AND (b.blocked_until IS NULL OR b.blocked_until > ${now.toISOString()}::timestamptz))`,

  /** Whether the latest marketing decision for the channel is 'granted' (consents_contact_idx, newest first). */
  marketingConsent: (channel: Channel) =>
    sql`coalesce((SELECT k.status = 'granted' FROM consents k
          WHERE k.contact_id = c.id AND k.channel = ${channel} AND k.purpose = 'marketing'
          ORDER BY k.effective_at DESC, k.created_at DESC, k.id DESC LIMIT 1), false)`,

  /** Whether the contact has an e-mail address, a phone number (no fax) or a postal address: one index probe. */
  hasEmail: sql`EXISTS (SELECT 1 FROM contact_emails e WHERE e.contact_id = c.id)`,
  hasPhone: sql`EXISTS (SELECT 1 FROM contact_phones p WHERE p.contact_id = c.id AND p.kind <> 'fax')`,
  hasAddress: sql`EXISTS (SELECT 1 FROM contact_addresses a WHERE a.contact_id = c.id)`,

  /** The primary (else first) e-mail address, or null. */
  email: sql`(SELECT e.address FROM contact_emails e WHERE e.contact_id = c.id
          ORDER BY e.is_primary DESC, e.position LIMIT 1)`,

  /** The primary (else first) phone number as E.164 (else as typed), or null. */
  phone: sql`(SELECT coalesce(p.e164, p.raw) FROM contact_phones p WHERE p.contact_id = c.id AND p.kind <> 'fax'
          ORDER BY p.is_primary DESC, p.position LIMIT 1)`,

  /** The primary (else first) postal address as a JSON object, or null. */
  address: sql`(SELECT json_build_object('street', a.street, 'postalCode', a.postal_code, 'city', a.city,
                   'country', a.country)
          FROM contact_addresses a WHERE a.contact_id = c.id ORDER BY a.is_primary DESC, a.position LIMIT 1)`,

  /** The name columns a letter or mail to the contact needs besides display_name and customer_number. */
  nameColumns: sql`c.id AS contact_id, c.salutation::text AS salutation, c.title, c.first_name, c.last_name,
          c.company_name`,
};
