import { and, eq, inArray, isNotNull, isNull, or, sql, type SQLWrapper } from 'drizzle-orm';
import { type DbOrTx, rows } from '@server/db/client';
import type { PhoneValues } from './input';
import {
  contactAddresses,
  contactBlocks,
  contactEmails,
  contactPhones,
  contacts,
  customerNumberCounters,
} from './tables';

export type ContactRow = typeof contacts.$inferSelect;

export { rows };

/** Active: not lifted and not past its end. `now` comes from the clock, not the database. */
export const activeBlockSql = (alias: string, now: Date) =>
  sql`${sql.raw(alias)}.lifted_at IS NULL AND (${sql.raw(alias)}.blocked_until IS NULL OR ${sql.raw(alias)}.blocked_until > ${now.toISOString()}::timestamptz)`;

/**
 * Takes the next number of the location's counter. The upsert locks the
 * counter row until the surrounding transaction commits, so concurrent creates
 * get distinct numbers.
 */
export async function allocateCustomerNumber(tx: DbOrTx, locationId: string): Promise<number> {
  const [row] = await customerNumberUpsert(tx, locationId);
  return row!.next - 1;
}

/** The counter step, not yet run; it returns `next`, the number after the one taken. */
export const customerNumberUpsert = (db: DbOrTx, locationId: string) =>
  db
    .insert(customerNumberCounters)
    .values({ locationId, next: 100_002 })
    .onConflictDoUpdate({
      target: customerNumberCounters.locationId,
      set: { next: sql`${customerNumberCounters.next} + 1` },
    })
    .returning({ next: customerNumberCounters.next });

export async function findContact(db: DbOrTx, id: string, forUpdate = false): Promise<ContactRow | undefined> {
  const query = db.select().from(contacts).where(eq(contacts.id, id));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

export async function idByExternalRef(db: DbOrTx, externalRef: string): Promise<string | undefined> {
  const [row] = await db.select({ id: contacts.id }).from(contacts).where(eq(contacts.externalRef, externalRef));
  return row?.id;
}

/** The inserts of a new contact's children (nothing to replace, so no deletes), not yet run. */
export function childInserts(
  tx: DbOrTx,
  contactId: string,
  children: {
    phones: PhoneValues[];
    emails: Array<Omit<typeof contactEmails.$inferInsert, 'contactId'>>;
    addresses: Array<Omit<typeof contactAddresses.$inferInsert, 'contactId'>>;
  },
): SQLWrapper[] {
  const { phones, emails, addresses } = children;
  return [
    ...(phones.length > 0 ? [tx.insert(contactPhones).values(phones.map((p) => ({ ...p, contactId })))] : []),
    ...(emails.length > 0 ? [tx.insert(contactEmails).values(emails.map((e) => ({ ...e, contactId })))] : []),
    ...(addresses.length > 0 ? [tx.insert(contactAddresses).values(addresses.map((a) => ({ ...a, contactId })))] : []),
  ];
}

export async function replacePhones(tx: DbOrTx, contactId: string, phones: PhoneValues[]) {
  await tx.delete(contactPhones).where(eq(contactPhones.contactId, contactId));
  if (phones.length > 0) await tx.insert(contactPhones).values(phones.map((p) => ({ ...p, contactId })));
}

export async function replaceEmails(
  tx: DbOrTx,
  contactId: string,
  emails: Array<Omit<typeof contactEmails.$inferInsert, 'contactId'>>,
) {
  await tx.delete(contactEmails).where(eq(contactEmails.contactId, contactId));
  if (emails.length > 0) await tx.insert(contactEmails).values(emails.map((e) => ({ ...e, contactId })));
}

export async function replaceAddresses(
  tx: DbOrTx,
  contactId: string,
  addresses: Array<Omit<typeof contactAddresses.$inferInsert, 'contactId'>>,
) {
  await tx.delete(contactAddresses).where(eq(contactAddresses.contactId, contactId));
  if (addresses.length > 0) await tx.insert(contactAddresses).values(addresses.map((a) => ({ ...a, contactId })));
}

export async function listChildren(db: DbOrTx, contactId: string) {
  const [phones, emails, addresses] = await Promise.all([
    db.select().from(contactPhones).where(eq(contactPhones.contactId, contactId)).orderBy(contactPhones.position),
    db.select().from(contactEmails).where(eq(contactEmails.contactId, contactId)).orderBy(contactEmails.position),
    db
      .select()
      .from(contactAddresses)
      .where(eq(contactAddresses.contactId, contactId))
      .orderBy(contactAddresses.position),
  ]);
  return { phones, emails, addresses };
}

export interface RefRow {
  id: string;
  displayName: string;
  customerNumber: string;
}

export async function refs(db: DbOrTx, ids: string[]): Promise<RefRow[]> {
  if (ids.length === 0) return [];
  return db
    .select({ id: contacts.id, displayName: contacts.displayName, customerNumber: contacts.customerNumber })
    .from(contacts)
    .where(inArray(contacts.id, ids));
}

/** Contacts (not merged away) having exactly this number: caller identification. */
export async function idsByPhoneE164(db: DbOrTx, e164: string): Promise<string[]> {
  const found = await db
    .selectDistinct({ id: contacts.id })
    .from(contactPhones)
    .innerJoin(contacts, eq(contacts.id, contactPhones.contactId))
    .where(and(eq(contactPhones.e164, e164), isNull(contacts.mergedIntoId)));
  return found.map((r) => r.id);
}

export async function blockedIds(db: DbOrTx, ids: string[], now: Date): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const found = await rows<{ contact_id: string }>(
    db,
    sql`SELECT DISTINCT b.contact_id FROM ${contactBlocks} b
        WHERE b.contact_id IN (${sql.join(
          ids.map((id) => sql`${id}::uuid`),
          sql`, `,
        )}) AND ${activeBlockSql('b', now)}`,
  );
  return new Set(found.map((r) => r.contact_id));
}

export async function activeBlock(db: DbOrTx, contactId: string, now: Date) {
  const found = await rows<{ id: string }>(
    db,
    sql`SELECT b.id FROM ${contactBlocks} b WHERE b.contact_id = ${contactId} AND ${activeBlockSql('b', now)}
        ORDER BY b.blocked_at DESC LIMIT 1`,
  );
  return found[0];
}

/** Contacts among these that have a regular sales consultant or service advisor. */
export async function withRegularStaff(db: DbOrTx, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const found = await db
    .select({ id: contacts.id })
    .from(contacts)
    .where(
      and(inArray(contacts.id, ids), or(isNotNull(contacts.salesConsultantId), isNotNull(contacts.serviceAdvisorId))),
    );
  return new Set(found.map((r) => r.id));
}

/** The customer's regular sales consultant and service advisor (of the surviving contact after a merge). */
export async function regularStaffOf(
  db: DbOrTx,
  contactId: string,
): Promise<{ salesConsultantId: string | null; serviceAdvisorId: string | null } | undefined> {
  const [row] = await db
    .select({ salesConsultantId: contacts.salesConsultantId, serviceAdvisorId: contacts.serviceAdvisorId })
    .from(contacts)
    .where(eq(contacts.id, contactId));
  return row;
}

export async function contactDisplayName(db: DbOrTx, id: string): Promise<string | null> {
  const [row] = await db.select({ displayName: contacts.displayName }).from(contacts).where(eq(contacts.id, id));
  return row?.displayName ?? null;
}
