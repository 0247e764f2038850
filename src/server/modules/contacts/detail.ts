import { sql } from 'drizzle-orm';
import { formatPhone } from '@shared/contacts/normalize';
import type { Contact } from '@shared/contacts/schemas';
import type { UserRef } from '@shared/common';
import type { DbOrTx } from '@server/db/client';
import { activeBlockSql, rows } from './repo';

/**
 * The whole contact card in one round trip: the row plus its lists as JSON
 * sub-selects, each served by an index on contact_id. The card is opened on
 * every incoming call, so it must stay fast at a million contacts.
 */
interface DetailRow {
  id: string;
  kind: Contact['kind'];
  customer_number: string;
  display_name: string;
  salutation: Contact['salutation'];
  title: string | null;
  first_name: string | null;
  last_name: string | null;
  company_name: string | null;
  position: string | null;
  date_of_birth: string | null;
  home_location_id: string;
  sales_consultant_id: string | null;
  service_advisor_id: string | null;
  preferred_channel: Contact['preferredChannel'];
  notes: string | null;
  tags: string[];
  payment_remarks: string | null;
  lifecycle: 'prospect' | 'customer';
  version: number;
  created_at: Date | string;
  updated_at: Date | string;
  company: Contact['company'];
  merged_into: Contact['mergedInto'];
  contact_persons: Contact['contactPersons'];
  phones: Array<Omit<Contact['phones'][number], 'display'>>;
  emails: Contact['emails'];
  addresses: Contact['addresses'];
  consents: Contact['consents'];
  active_block: (Omit<NonNullable<Contact['activeBlock']>, 'blockedBy'> & { blockedBy: string | null }) | null;
}

const ref = (alias: string) =>
  sql.raw(
    `json_build_object('id', ${alias}.id, 'displayName', ${alias}.display_name, 'customerNumber', ${alias}.customer_number)`,
  );

export async function loadDetail(db: DbOrTx, id: string, now: Date): Promise<DetailRow | undefined> {
  const [row] = await rows<DetailRow>(
    db,
    sql`SELECT c.id, c.kind, c.customer_number, c.display_name, c.salutation, c.title, c.first_name, c.last_name,
        c.company_name, c.position, c.date_of_birth::text AS date_of_birth, c.home_location_id, c.sales_consultant_id,
        c.service_advisor_id, c.preferred_channel, c.notes, c.tags, c.payment_remarks, c.lifecycle, c.version, c.created_at, c.updated_at,
        (SELECT ${ref('co')} FROM contacts co WHERE co.id = c.company_id) AS company,
        (SELECT ${ref('m')} FROM contacts m WHERE m.id = c.merged_into_id) AS merged_into,
        (SELECT coalesce(json_agg(json_build_object('id', p.id, 'displayName', p.display_name,
                  'customerNumber', p.customer_number, 'position', p.position) ORDER BY p.display_name, p.id), '[]')
           FROM contacts p WHERE p.company_id = c.id AND p.merged_into_id IS NULL) AS contact_persons,
        (SELECT coalesce(json_agg(json_build_object('id', ph.id, 'kind', ph.kind, 'raw', ph.raw, 'e164', ph.e164,
                  'valid', ph.valid, 'isPrimary', ph.is_primary) ORDER BY ph.position), '[]')
           FROM contact_phones ph WHERE ph.contact_id = c.id) AS phones,
        (SELECT coalesce(json_agg(json_build_object('id', e.id, 'kind', e.kind, 'address', e.address,
                  'isPrimary', e.is_primary) ORDER BY e.position), '[]')
           FROM contact_emails e WHERE e.contact_id = c.id) AS emails,
        (SELECT coalesce(json_agg(json_build_object('id', a.id, 'kind', a.kind, 'street', a.street,
                  'postalCode', a.postal_code, 'city', a.city, 'country', a.country, 'isPrimary', a.is_primary)
                  ORDER BY a.position), '[]')
           FROM contact_addresses a WHERE a.contact_id = c.id) AS addresses,
        (SELECT coalesce(json_agg(json_build_object('channel', x.channel, 'purpose', x.purpose, 'status', x.status,
                  'effectiveAt', x.effective_at, 'source', x.source) ORDER BY x.channel, x.purpose), '[]')
           FROM (SELECT DISTINCT ON (channel, purpose) * FROM consents
                  WHERE contact_id = c.id ORDER BY channel, purpose, effective_at DESC, created_at DESC, id DESC) x) AS consents,
        (SELECT json_build_object('id', b.id, 'reason', b.reason, 'blockedAt', b.blocked_at,
                  'blockedUntil', b.blocked_until, 'blockedBy', b.blocked_by)
           FROM contact_blocks b WHERE b.contact_id = c.id AND ${activeBlockSql('b', now)}
           ORDER BY b.blocked_at DESC LIMIT 1) AS active_block
      FROM contacts c WHERE c.id = ${id}`,
  );
  return row;
}

export const iso = (value: Date | string) => new Date(value).toISOString();
const isoOrNull = (value: Date | string | null) => (value === null ? null : iso(value));

/** The user ids a card refers to, so their names can be fetched in one go. */
export const userIdsOf = (row: DetailRow) =>
  [row.sales_consultant_id, row.service_advisor_id, row.active_block?.blockedBy].filter((v): v is string => Boolean(v));

export function presentContact(row: DetailRow, users: Map<string, UserRef>): Contact {
  const user = (id: string | null | undefined) => (id ? (users.get(id) ?? null) : null);
  const block = row.active_block;
  return {
    id: row.id,
    kind: row.kind,
    customerNumber: row.customer_number,
    displayName: row.display_name,
    salutation: row.salutation,
    title: row.title,
    firstName: row.first_name,
    lastName: row.last_name,
    companyName: row.company_name,
    company: row.company,
    contactPersons: row.contact_persons,
    position: row.position,
    dateOfBirth: row.date_of_birth,
    homeLocationId: row.home_location_id,
    salesConsultant: user(row.sales_consultant_id),
    serviceAdvisor: user(row.service_advisor_id),
    preferredChannel: row.preferred_channel,
    notes: row.notes,
    tags: row.tags,
    paymentRemarks: row.payment_remarks,
    lifecycle: row.lifecycle,
    phones: row.phones.map((p) => ({ ...p, display: formatPhone(p.e164, p.raw) })),
    emails: row.emails,
    addresses: row.addresses,
    consents: row.consents.map((c) => ({ ...c, effectiveAt: iso(c.effectiveAt) })),
    activeBlock: block
      ? {
          id: block.id,
          reason: block.reason,
          blockedAt: iso(block.blockedAt),
          blockedUntil: isoOrNull(block.blockedUntil),
          blockedBy: user(block.blockedBy),
        }
      : null,
    mergedInto: row.merged_into,
    version: row.version,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}
