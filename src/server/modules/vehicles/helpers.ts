import type { Actor } from '../../http/access';
import { NotFoundError, ValidationError } from '../../http/errors';
import type { ContactsService } from '../contacts/service';
import type { ContactRefLike } from './presenters';

export const authorOf = (actor: Actor | null) => (actor?.kind === 'user' ? actor.userId : null);

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
    if (error instanceof NotFoundError) throw new ValidationError([{ field, in: 'body', message: 'unknown contact' }]);
    throw error;
  }
  if (contact.mergedInto || contact.id !== contactId) {
    const into = contact.mergedInto?.customerNumber ?? contact.customerNumber;
    throw new ValidationError([{ field, in: 'body', message: `was merged into ${into}` }]);
  }
  return { id: contact.id, displayName: contact.displayName, customerNumber: contact.customerNumber };
}

/** True when a database error (possibly wrapped by the ORM) is a unique violation of that index. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let e = error as { code?: string; constraint?: string; message?: string; cause?: unknown } | undefined; e;) {
    if (e.code === '23505' && (e.constraint === constraint || String(e.message).includes(constraint))) return true;
    e = e.cause as typeof e;
  }
  return false;
}
