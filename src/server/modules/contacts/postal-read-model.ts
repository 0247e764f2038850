import { asc, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@server/db/client';
import { contactAddresses, contacts } from './tables';

/** What a letter to a contact needs: the name as addressed and the primary postal address. */
export interface PostalContact {
  id: string;
  customerNumber: string;
  kind: string;
  salutation: string;
  title: string | null;
  firstName: string | null;
  lastName: string | null;
  companyName: string | null;
  displayName: string;
  address: { street: string; postalCode: string; city: string; country: string } | null;
}

/** A contact with its primary (else first) address, read in the caller's transaction; null when unknown. */
export async function postalContact(db: DbOrTx, id: string): Promise<PostalContact | null> {
  const [contact] = await db
    .select({
      id: contacts.id,
      customerNumber: contacts.customerNumber,
      kind: contacts.kind,
      salutation: contacts.salutation,
      title: contacts.title,
      firstName: contacts.firstName,
      lastName: contacts.lastName,
      companyName: contacts.companyName,
      displayName: contacts.displayName,
    })
    .from(contacts)
    .where(eq(contacts.id, id));
  if (!contact) return null;
  const [address] = await db
    .select({
      street: contactAddresses.street,
      postalCode: contactAddresses.postalCode,
      city: contactAddresses.city,
      country: contactAddresses.country,
    })
    .from(contactAddresses)
    .where(eq(contactAddresses.contactId, id))
    .orderBy(desc(contactAddresses.isPrimary), asc(contactAddresses.position))
    .limit(1);
  return { ...contact, address: address ?? null };
}
