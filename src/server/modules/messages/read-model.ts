import type { DbOrTx } from '@server/db/client';
import { contactRefs } from '@server/modules/contacts';
import * as repo from './repo';

/** What the board needs to open a thread from a message: title, quote and the way back. */
export interface BoardMessage {
  messageId: string;
  locationId: string;
  contactId: string;
  /** "customer number · name" (R1.4 (1)). */
  title: string;
  customerNumber: string;
  customerName: string;
  /** The message text, verbatim, to quote. */
  quote: string;
  type: string;
  /** Where the message opens in the app. */
  link: string;
}

/**
 * A message as the board turns it into a thread ("An das Board"), read in the caller's
 * transaction; null when there is no such message.
 */
export async function messageForBoard(tx: DbOrTx, messageId: string): Promise<BoardMessage | null> {
  const row = await repo.findMessage(tx, messageId);
  if (!row) return null;
  const contact = (await contactRefs(tx, [row.contactId])).get(row.contactId);
  return {
    messageId: row.id,
    locationId: row.locationId,
    contactId: row.contactId,
    title: contact ? `${contact.customerNumber} · ${contact.displayName}` : row.contactId,
    customerNumber: contact?.customerNumber ?? '',
    customerName: contact?.displayName ?? '',
    quote: row.text,
    type: row.type,
    link: `/messages?open=${row.id}`,
  };
}
