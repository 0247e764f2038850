import type { DbOrTx } from '@server/db/client';
import type { WriteBatch } from '@server/db/together';
import type { RequestsContext } from '../context';
import { additionsText } from '../intake-customer';
import type { PreparedIntake } from './types';

/**
 * The contact's part of the intake's statement: a new contact is created, a
 * matched one gains the phones and e-mail addresses the lead brought. Returns
 * the contact's id.
 */
export async function writeContact(
  { contacts }: Pick<RequestsContext, 'contacts'>,
  tx: DbOrTx,
  batch: WriteBatch,
  prepared: PreparedIntake,
): Promise<string> {
  const { contact } = prepared;
  if ('create' in contact) {
    await contact.create.addTo(tx, batch);
    return contact.create.id;
  }
  if (contact.additions) {
    const history = additionsText(contact.additions, prepared.number, 'added');
    const source = { type: 'request', id: prepared.requestId };
    batch.write(
      ...contacts.additionWrites(tx, prepared.actor, contact.id, { ...contact.additions, ...history, source }),
    );
  }
  return contact.id;
}

/** How the contact was found ('phone', 'email'), for the request's history; null when created or chosen. */
export const matchedBy = ({ contact }: PreparedIntake) => ('matched' in contact ? contact.matched : null);
