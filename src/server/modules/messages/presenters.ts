import type { CustomerMessage, MessageDetails } from '@shared/messages/schemas';
import type { MessageType, UnblockState } from '@shared/messages/enums';
import type { DbOrTx } from '@server/db/client';
import { contactRefs } from '@server/modules/contacts';
import type { OrgService } from '@server/modules/org';
import type { MessageRow } from './repo';

const DETAIL_KEYS: Array<keyof MessageDetails> = [
  'internalSubject',
  'checkEntryId',
  'checkName',
  'checkDay',
  'blockReason',
  'blockUntil',
  'houseRule',
  'channel',
];

/** The type's extra fields as stored, every key present (null when the type has none). */
export function detailsOf(stored: Record<string, unknown>): MessageDetails {
  return Object.fromEntries(DETAIL_KEYS.map((k) => [k, stored[k] ?? null])) as MessageDetails;
}

/** Messages with their customer and colleagues, read in one go for a page. */
export async function presentMessages(
  db: DbOrTx,
  org: OrgService,
  rows: MessageRow[],
  boardThreads: (tx: DbOrTx, messageIds: string[]) => Promise<Map<string, string>>,
): Promise<CustomerMessage[]> {
  if (rows.length === 0) return [];
  const threads = await boardThreads(
    db,
    rows.map((r) => r.id),
  );
  const contacts = await contactRefs(
    db,
    rows.map((r) => r.contactId),
  );
  const people = await org.userRefs(
    rows.flatMap((r) =>
      [r.responsibleId, r.enteredById, r.createdById, r.confirmedById, r.acknowledgedById].filter((v): v is string =>
        Boolean(v),
      ),
    ),
  );
  const ref = (id: string | null) => {
    if (!id) return null;
    const p = people.get(id);
    return { id, displayName: p?.displayName ?? '–' };
  };
  return rows.map((r) => ({
    id: r.id,
    type: r.type as MessageType,
    locationId: r.locationId,
    contact: contacts.get(r.contactId) ?? { id: r.contactId, displayName: '–', customerNumber: '–' },
    responsible: ref(r.responsibleId)!,
    enteredBy: ref(r.enteredById)!,
    createdBy: ref(r.createdById),
    text: r.text,
    ...detailsOf(r.details),
    requestId: r.requestId,
    unblockState: r.unblockState as UnblockState | null,
    confirmedBy: ref(r.confirmedById),
    confirmedAt: r.confirmedAt?.toISOString() ?? null,
    acknowledgedAt: r.acknowledgedAt?.toISOString() ?? null,
    acknowledgedBy: ref(r.acknowledgedById),
    archivedAt: r.archivedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    boardThreadId: threads.get(r.id) ?? null,
  }));
}
