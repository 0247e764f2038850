import { fieldError } from '@shared/errors/codes';
import { NotFoundError, ValidationError } from '@server/http/errors';
import type { ContactsService } from '@server/modules/contacts';
import type { ContactRefLike } from './presenters';

/** An instant from the request (validFrom, at…): defaults to now, never in the future. */
export function pastInstant(value: string | undefined, field: string, now: Date): Date {
  if (!value) return now;
  const at = new Date(value);
  if (at.getTime() > now.getTime())
    throw new ValidationError([{ field, in: 'body', code: 'in_future', message: 'must not be in the future' }]);
  return at;
}

/**
 * A contact a vehicle may be linked to: it exists and was not merged away
 * (a merged contact only redirects; links belong on the one it was merged into).
 */
export async function linkableContact(
  contacts: ContactsService,
  contactId: string,
  field: string,
): Promise<ContactRefLike> {
  let contact: Awaited<ReturnType<ContactsService['get']>>;
  try {
    contact = await contacts.get(contactId);
  } catch (error) {
    if (error instanceof NotFoundError)
      throw new ValidationError([{ field, in: 'body', code: 'unknown_contact', message: 'unknown contact' }]);
    throw error;
  }
  if (contact.mergedInto || contact.id !== contactId) {
    const into = contact.mergedInto?.customerNumber ?? contact.customerNumber;
    throw new ValidationError([
      { field, in: 'body', ...fieldError('merged_contact', { into }), message: `was merged into ${into}` },
    ]);
  }
  return { id: contact.id, displayName: contact.displayName, customerNumber: contact.customerNumber };
}
