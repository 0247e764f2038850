import type { DbOrTx } from '@server/db/client';
import type { ContactsService } from '@server/modules/contacts';
import { lastActivityOf } from '@server/modules/timeline';
import type { CallRow } from './repo';

export interface LikeliestCaller {
  contactId: string | null;
  /** The other customers with the number, for staff to choose from. */
  others: string[];
}

/**
 * Whom a callback from a number several customers share is for: the customer a regular
 * consultant or advisor looks after, then the one with the latest activity. A duplicate made
 * yesterday without anyone looking after it must not take the regular customer's place.
 */
export async function likeliestCaller(db: DbOrTx, contacts: ContactsService, call: CallRow): Promise<LikeliestCaller> {
  if (call.contactId) return { contactId: call.contactId, others: [] };
  const ids = call.matchedContactIds;
  if (ids.length <= 1) return { contactId: ids[0] ?? null, others: [] };
  const [looked, last] = await Promise.all([contacts.withRegularStaff(ids), lastActivityOf(db, ids)]);
  const rank = (id: string) => [looked.has(id) ? 1 : 0, last.get(id)?.getTime() ?? 0] as const;
  const [chosen, ...others] = [...ids].sort((a, b) => {
    const [ra, rb] = [rank(a), rank(b)];
    return rb[0] - ra[0] || rb[1] - ra[1] || ids.indexOf(a) - ids.indexOf(b);
  });
  return { contactId: chosen!, others };
}
