import { eq, sql } from 'drizzle-orm';
import type { ContactLifecycle } from '@shared/contacts/enums';
import type { DbOrTx } from '@server/db/client';
import { contacts } from './tables';

/**
 * Sets whether a contact is a prospect or a customer, in the caller's transaction (a purchase
 * order makes a prospect a customer). Returns the status it had before, null when unknown.
 */
export async function setContactLifecycleIn(
  tx: DbOrTx,
  contactId: string,
  lifecycle: ContactLifecycle,
  at: Date,
): Promise<ContactLifecycle | null> {
  const [before] = await tx
    .select({ lifecycle: contacts.lifecycle })
    .from(contacts)
    .where(eq(contacts.id, contactId))
    .for('update');
  if (!before) return null;
  if (before.lifecycle !== lifecycle) {
    await tx
      .update(contacts)
      .set({ lifecycle, version: sql`${contacts.version} + 1`, updatedAt: at })
      .where(eq(contacts.id, contactId));
  }
  return before.lifecycle as ContactLifecycle;
}

/** A contact's lifecycle status, null when the contact is unknown. */
export async function contactLifecycleOf(tx: DbOrTx, contactId: string): Promise<ContactLifecycle | null> {
  const [row] = await tx.select({ lifecycle: contacts.lifecycle }).from(contacts).where(eq(contacts.id, contactId));
  return (row?.lifecycle as ContactLifecycle | undefined) ?? null;
}
