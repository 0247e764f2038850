import { eq, inArray, sql } from 'drizzle-orm';
import { bulkInsert } from '@server/db/bulk-insert';
import type { DbOrTx } from '@server/db/client';
import {
  consents,
  contactAddresses,
  contactBlocks,
  contactEmails,
  contactPhones,
  contacts,
  customerNumberCounters,
} from './tables';

/*
 * Contacts written by the thousand (imports, the demo data): one statement
 * per table and batch, in the caller's transaction. The caller prepares the
 * rows; nothing here checks them.
 */

export type NewContactRow = Partial<typeof contacts.$inferInsert>;
export type NewContactPhoneRow = Partial<typeof contactPhones.$inferInsert>;
export type NewContactEmailRow = Partial<typeof contactEmails.$inferInsert>;
export type NewContactAddressRow = Partial<typeof contactAddresses.$inferInsert>;
export type NewConsentRow = typeof consents.$inferInsert;
export type NewContactBlockRow = typeof contactBlocks.$inferInsert;

/**
 * Reserves n consecutive customer numbers of a location in one statement
 * (the counter row stays locked until the transaction ends); returns the first.
 */
export async function allocateCustomerNumbers(tx: DbOrTx, locationId: string, n: number): Promise<number> {
  const [row] = await tx
    .insert(customerNumberCounters)
    .values({ locationId, next: 100_001 + n })
    .onConflictDoUpdate({
      target: customerNumberCounters.locationId,
      set: { next: sql`${customerNumberCounters.next} + ${n}` },
    })
    .returning({ next: customerNumberCounters.next });
  return row!.next - n;
}

export const insertContactRows = (tx: DbOrTx, rows: NewContactRow[]) => bulkInsert(tx, contacts, rows);

export async function insertContactChildRows(
  tx: DbOrTx,
  rows: { phones: NewContactPhoneRow[]; emails: NewContactEmailRow[]; addresses: NewContactAddressRow[] },
): Promise<void> {
  await bulkInsert(tx, contactPhones, rows.phones);
  await bulkInsert(tx, contactEmails, rows.emails);
  await bulkInsert(tx, contactAddresses, rows.addresses);
}

export const insertConsentRows = (tx: DbOrTx, rows: NewConsentRow[]) => bulkInsert(tx, consents, rows);

export const insertContactBlockRows = (tx: DbOrTx, rows: NewContactBlockRow[]) => bulkInsert(tx, contactBlocks, rows);

/** Contacts with their phones, e-mails and addresses, for an import that compares and adds. */
export async function contactsWithChildren(tx: DbOrTx, ids: string[]) {
  const current = new Map((await tx.select().from(contacts).where(inArray(contacts.id, ids))).map((r) => [r.id, r]));
  // One statement at a time: a transaction has one connection.
  const phones = await tx.select().from(contactPhones).where(inArray(contactPhones.contactId, ids));
  const emails = await tx.select().from(contactEmails).where(inArray(contactEmails.contactId, ids));
  const addresses = await tx.select().from(contactAddresses).where(inArray(contactAddresses.contactId, ids));
  return { current, phones, emails, addresses };
}

/** Overwrites fields of a contact and counts up its version. */
export async function updateContactFields(tx: DbOrTx, id: string, set: Record<string, unknown>, now: Date) {
  await tx
    .update(contacts)
    .set({ ...set, version: sql`${contacts.version} + 1`, updatedAt: now })
    .where(eq(contacts.id, id));
}
