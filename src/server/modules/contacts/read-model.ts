import { and, asc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { normalizeName } from '@shared/contacts/normalize';
import type { ContactExportQuery } from '@shared/imports/schemas';
import type { Database, DbOrTx } from '@server/db/client';
import { locationsSql } from '@server/modules/org';
import { contactAddresses, contactEmails, contactPhones, contacts } from './tables';
import { refs } from './repo';

/*
 * The contact export's reads, published for the imports module: the export
 * streams thousands of contacts in large one-statement pages, so the SQL on
 * contacts' tables lives here with their owner.
 */

/** A contact with everything an export file carries. */
export interface ExportContact {
  id: string;
  kind: 'person' | 'company';
  customerNumber: string;
  externalRef: string | null;
  salutation: 'mr' | 'ms' | 'mx' | 'none';
  title: string | null;
  firstName: string | null;
  lastName: string | null;
  companyName: string | null;
  position: string | null;
  dateOfBirth: string | null;
  displayName: string;
  notes: string | null;
  tags: string[];
  locationCode: string;
  blocked: boolean;
  phones: Array<{ kind: string; raw: string; e164: string | null; isPrimary: boolean }>;
  emails: Array<{ kind: string; address: string; isPrimary: boolean }>;
  addresses: Array<{
    kind: string;
    street: string;
    postalCode: string;
    city: string;
    country: string;
    isPrimary: boolean;
  }>;
}

interface Row {
  id: string;
  kind: ExportContact['kind'];
  customer_number: string;
  external_ref: string | null;
  salutation: ExportContact['salutation'];
  title: string | null;
  first_name: string | null;
  last_name: string | null;
  company_name: string | null;
  position: string | null;
  date_of_birth: string | null;
  display_name: string;
  notes: string | null;
  tags: string[];
  location_code: string;
  blocked: boolean;
}

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);
const activeBlock = (now: Date) =>
  sql`EXISTS (SELECT 1 FROM contact_blocks b WHERE b.contact_id = c.id AND b.lifted_at IS NULL
      AND (b.blocked_until IS NULL OR b.blocked_until > ${now.toISOString()}::timestamptz))`;

/** The same filters as the contact list (merged-away contacts never appear). */
function filters(query: ContactExportQuery, now: Date): SQL {
  const where: SQL[] = [sql`c.merged_into_id IS NULL`];
  if (query.locationId) where.push(sql`c.home_location_id = ${query.locationId}`);
  if (query.kind) where.push(sql`c.kind = ${query.kind}`);
  if (query.tag) where.push(sql`${query.tag} = ANY(c.tags)`);
  if (query.salesConsultantId) where.push(sql`c.sales_consultant_id = ${query.salesConsultantId}`);
  if (query.blocked) where.push(query.blocked === 'true' ? activeBlock(now) : sql`NOT ${activeBlock(now)}`);
  const prefix = query.q ? normalizeName(query.q) : '';
  if (prefix) where.push(sql`c.search_name LIKE ${`${escapeLike(prefix)}%`}`);
  return sql.join(where, sql` AND `);
}

async function rows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

export async function countExport(db: DbOrTx, query: ContactExportQuery, now: Date): Promise<number> {
  const [row] = await rows<{ n: number | string }>(
    db,
    sql`SELECT count(*) AS n FROM contacts c WHERE ${filters(query, now)}`,
  );
  return Number(row?.n ?? 0);
}

const PAGE = 1_000;

/** The filtered contacts in name order, a page at a time, so a large export never sits in memory whole. */
export async function* exportContacts(
  db: DbOrTx,
  query: ContactExportQuery,
  now: Date,
  ids?: string[],
): AsyncGenerator<ExportContact[]> {
  let after: [string, string] | null = null;
  for (;;) {
    const where = ids
      ? sql`c.id IN (${sql.join(
          ids.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`
      : filters(query, now);
    const page: Row[] = await rows<Row>(
      db,
      sql`SELECT c.id, c.kind, c.customer_number, c.external_ref, c.salutation, c.title, c.first_name, c.last_name,
                 c.company_name, c.position, c.date_of_birth::text AS date_of_birth, c.display_name, c.notes, c.tags,
                 l.code AS location_code, ${activeBlock(now)} AS blocked
            FROM contacts c JOIN ${sql.raw(locationsSql.table)} l ON l.id = c.home_location_id
           WHERE ${where} ${after ? sql`AND (c.display_name, c.id) > (${after[0]}, ${after[1]}::uuid)` : sql``}
           ORDER BY c.display_name, c.id
           LIMIT ${PAGE}`,
    );
    if (page.length === 0) return;
    yield await withChildren(db, page);
    if (page.length < PAGE) return;
    const last = page.at(-1)!;
    after = [last.display_name, last.id];
  }
}

async function withChildren(db: DbOrTx, page: Row[]): Promise<ExportContact[]> {
  const ids = page.map((r) => r.id);
  const phones = await db
    .select()
    .from(contactPhones)
    .where(inArray(contactPhones.contactId, ids))
    .orderBy(asc(contactPhones.position));
  const emails = await db
    .select()
    .from(contactEmails)
    .where(inArray(contactEmails.contactId, ids))
    .orderBy(asc(contactEmails.position));
  const addresses = await db
    .select()
    .from(contactAddresses)
    .where(inArray(contactAddresses.contactId, ids))
    .orderBy(asc(contactAddresses.position));
  const group = <T extends { contactId: string }>(list: T[]) => {
    const map = new Map<string, T[]>();
    for (const item of list) map.set(item.contactId, [...(map.get(item.contactId) ?? []), item]);
    return map;
  };
  const [p, e, a] = [group(phones), group(emails), group(addresses)];
  return page.map((r) => ({
    id: r.id,
    kind: r.kind,
    customerNumber: r.customer_number,
    externalRef: r.external_ref,
    salutation: r.salutation,
    title: r.title,
    firstName: r.first_name,
    lastName: r.last_name,
    companyName: r.company_name,
    position: r.position,
    dateOfBirth: r.date_of_birth,
    displayName: r.display_name,
    notes: r.notes,
    tags: r.tags,
    locationCode: r.location_code,
    blocked: r.blocked,
    phones: p.get(r.id) ?? [],
    emails: e.get(r.id) ?? [],
    addresses: a.get(r.id) ?? [],
  }));
}

export interface ExistingRef {
  id: string;
  customerNumber: string;
}

/**
 * Live contacts matching any of the keys ("ref:…", "email:…", "phone:+49…"),
 * by key. A contact merged away is found as the one it was merged into.
 */
export async function findContactsByKeys(db: DbOrTx, keys: string[]): Promise<Map<string, ExistingRef>> {
  const values = (prefix: string) => [
    ...new Set(keys.filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length))),
  ];
  const refs = values('ref:');
  const emails = values('email:');
  const phones = values('phone:');
  const found = new Map<string, ExistingRef>();
  if (refs.length > 0) {
    const rows = await db
      .select({
        ref: contacts.externalRef,
        id: contacts.id,
        mergedIntoId: contacts.mergedIntoId,
        customerNumber: contacts.customerNumber,
      })
      .from(contacts)
      // An exported file names contacts by our customer number; a re-import finds them by it too.
      .where(or(inArray(contacts.externalRef, refs), inArray(contacts.customerNumber, refs)));
    const merged = rows.filter((r) => r.mergedIntoId).map((r) => r.mergedIntoId!);
    const targets = merged.length
      ? new Map(
          (
            await db
              .select({ id: contacts.id, customerNumber: contacts.customerNumber })
              .from(contacts)
              .where(inArray(contacts.id, merged))
          ).map((r) => [r.id, r]),
        )
      : new Map<string, ExistingRef>();
    for (const r of rows) {
      const live = r.mergedIntoId ? targets.get(r.mergedIntoId) : r;
      if (!live) continue;
      if (r.ref) found.set(`ref:${r.ref}`, { id: live.id, customerNumber: live.customerNumber });
      if (refs.includes(r.customerNumber) && !found.has(`ref:${r.customerNumber}`)) {
        found.set(`ref:${r.customerNumber}`, { id: live.id, customerNumber: live.customerNumber });
      }
    }
  }
  if (emails.length > 0) {
    const rows = await db
      .select({ key: contactEmails.address, id: contacts.id, customerNumber: contacts.customerNumber })
      .from(contactEmails)
      .innerJoin(contacts, eq(contacts.id, contactEmails.contactId))
      .where(and(inArray(contactEmails.address, emails), isNull(contacts.mergedIntoId)));
    for (const r of rows) if (!found.has(`email:${r.key}`)) found.set(`email:${r.key}`, r);
  }
  if (phones.length > 0) {
    const rows = await db
      .select({ key: contactPhones.e164, id: contacts.id, customerNumber: contacts.customerNumber })
      .from(contactPhones)
      .innerJoin(contacts, eq(contacts.id, contactPhones.contactId))
      .where(and(inArray(contactPhones.e164, phones), isNull(contacts.mergedIntoId)));
    for (const r of rows)
      if (!found.has(`phone:${r.key}`)) found.set(`phone:${r.key}`, { id: r.id, customerNumber: r.customerNumber });
  }
  return found;
}

/** Owners named by a vehicle file: by the contact's id in the old system or by its customer number here. */
export async function findOwners(db: DbOrTx, refs: string[]): Promise<Map<string, string>> {
  if (refs.length === 0) return new Map();
  const rows = await db
    .select({
      id: contacts.id,
      externalRef: contacts.externalRef,
      customerNumber: contacts.customerNumber,
      mergedIntoId: contacts.mergedIntoId,
    })
    .from(contacts)
    .where(or(inArray(contacts.externalRef, refs), inArray(contacts.customerNumber, refs)));
  const found = new Map<string, string>();
  for (const r of rows) {
    const id = r.mergedIntoId ?? r.id;
    if (r.customerNumber) found.set(r.customerNumber, id);
    if (r.externalRef) found.set(r.externalRef, id);
  }
  return found;
}

/*
 * Caller identification (telephony) runs on every ringing call and must stay
 * one round trip: the statement over contact_phones and contacts lives here.
 */

/** A phone number that may identify a caller, with its tier (1 exact, 2 common tail, 3 company main number). */
export interface PhoneMatchRow {
  id: string;
  display_name: string;
  customer_number: string;
  tier: number;
  matched: string;
  digits_reversed: string;
}

/**
 * Exact E.164 matches, up to `tailCandidates` numbers whose reversed digits
 * start with `reversedTail`, and company main numbers among `mains`, in one
 * statement. Each branch is an index probe on contact_phones (e164,
 * digits_reversed text_pattern_ops); merged contacts are left out.
 */
export function phoneMatches(
  database: Database,
  e164: string,
  reversedTail: string,
  mains: string[],
  tailCandidates: number,
): Promise<PhoneMatchRow[]> {
  return database.query<PhoneMatchRow>(
    `SELECT c.id, c.display_name, c.customer_number, m.tier, m.matched, m.digits_reversed
       FROM (
         SELECT p.contact_id, 1 AS tier, p.e164 AS matched, p.digits_reversed
           FROM contact_phones p WHERE p.e164 = $1
         UNION ALL
         SELECT t.contact_id, 2, coalesce(t.e164, t.raw), t.digits_reversed
           FROM (SELECT p.contact_id, p.e164, p.raw, p.digits_reversed FROM contact_phones p
                  WHERE p.digits_reversed LIKE $2 || '%' LIMIT ${tailCandidates}) t
         UNION ALL
         SELECT p.contact_id, 3, p.e164, p.digits_reversed
           FROM contact_phones p WHERE p.e164 = ANY($3::text[])
       ) m
       JOIN contacts c ON c.id = m.contact_id
      WHERE c.merged_into_id IS NULL AND (m.tier < 3 OR c.kind = 'company')`,
    [e164, reversedTail, mains],
  );
}

/*
 * Raw SQL about contacts for the call list and the call pop, which read a
 * caller's contact inside their own one-statement reads.
 */
export const contactsSql = {
  table: 'contacts',
  /** The display name of the contact whose id is the SQL expression `contactId`; null for none. */
  displayName: (contactId: string) => `(SELECT c.display_name FROM contacts c WHERE c.id = ${contactId})`,
  /** The customer number of the contact whose id is the SQL expression `contactId`. */
  customerNumber: (contactId: string) => `(SELECT c.customer_number FROM contacts c WHERE c.id = ${contactId})`,
  /** The contact's primary phone (E.164, else as written), or another one when none is primary. */
  primaryPhone: (contactId: string) =>
    `(SELECT coalesce(p.e164, p.raw) FROM contact_phones p
       WHERE p.contact_id = ${contactId} ORDER BY p.is_primary DESC LIMIT 1)`,
  /** The contact's block in force at the timestamptz parameter `now`, as JSON { reason, since, until } or null. */
  currentBlockJson: (contactId: string, now: string) =>
    `(SELECT json_build_object('reason', b.reason, 'since', b.blocked_at, 'until', b.blocked_until)
       FROM contact_blocks b
      WHERE b.contact_id = ${contactId} AND b.lifted_at IS NULL AND (b.blocked_until IS NULL OR b.blocked_until > ${now})
      ORDER BY b.blocked_at DESC LIMIT 1)`,
};

/** Contacts by id with name and customer number, read in the caller's transaction. */
export async function contactRefs(
  db: DbOrTx,
  ids: string[],
): Promise<Map<string, { id: string; displayName: string; customerNumber: string }>> {
  const found = await refs(db, [...new Set(ids)]);
  return new Map(found.map((r) => [r.id, r]));
}
