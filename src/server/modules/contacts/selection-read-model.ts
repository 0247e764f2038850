import { sql, type SQL } from 'drizzle-orm';
import type { Channel } from '@shared/contacts/enums';

/*
 * The SQL over contacts' tables that a campaign selection runs, published for the campaigns
 * module: the live count while a manager edits a selection must stay one statement over a
 * million contacts, so campaigns composes these fragments with the vehicles' one. The criteria,
 * block, consent and address come from contact_reach (as `r`), one narrow row per contact that
 * triggers keep current with every write to the contact and the rows they summarise: the count
 * reads nothing else of the contact. Fragments naming the contact (`c`) are for the rows a
 * preview shows and a start freezes, read from `from`.
 */

/** The channels a campaign reaches a contact by. */
export type ReachChannel = Extract<Channel, 'email' | 'letter' | 'phone'>;

const REACH_CONSENT: Record<ReachChannel, SQL> = {
  email: sql`coalesce(r.email_consent, false)`,
  letter: sql`coalesce(r.letter_consent, false)`,
  phone: sql`coalesce(r.phone_consent, false)`,
};

export interface ContactCriteria {
  locationIds: string[];
  consultantId?: string | null;
  tags: string[];
}

export const selectionSql = {
  /** Each contact's reach alone: enough for the count. */
  reach: sql`contact_reach r`,

  /** The contacts with their reach, for the rows a selection lists or freezes. */
  from: sql`contact_reach r JOIN contacts c ON c.id = r.contact_id`,

  /** Live contacts meeting the contact-level criteria, on their reach rows. */
  where(criteria: ContactCriteria): SQL {
    const where: SQL[] = [sql`r.live`];
    if (criteria.locationIds.length > 0)
      where.push(
        sql`r.home_location_id IN (${sql.join(
          criteria.locationIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`,
      );
    if (criteria.consultantId) where.push(sql`r.sales_consultant_id = ${criteria.consultantId}::uuid`);
    if (criteria.tags.length > 0)
      where.push(
        sql`r.tags @> ARRAY[${sql.join(
          criteria.tags.map((t) => sql`${t}`),
          sql`, `,
        )}]::text[]`,
      );
    return sql.join(where, sql` AND `);
  },

  /** Whether a block is in force at `now`: one not lifted whose end lies ahead (or has none). */
  blocked: (now: Date) => sql`coalesce(r.blocked_until > ${now.toISOString()}::timestamptz, false)`,

  /** Whether the latest marketing decision for the channel is 'granted'. */
  marketingConsent: (channel: ReachChannel) => REACH_CONSENT[channel],

  /** Whether the contact has an e-mail address, a phone number (no fax) or a postal address. */
  hasEmail: sql`coalesce(r.has_email, false)`,
  hasPhone: sql`coalesce(r.has_phone, false)`,
  hasAddress: sql`coalesce(r.has_address, false)`,

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
