import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '@server/db/client';
import { calls } from './tables';

export interface CallRef {
  id: string;
  contactId: string | null;
  locationId: string | null;
  startedAt: Date;
  note: string | null;
}

/** Calls by id as other modules use them: whose, where, when, and the note taken on them. */
export async function callRefs(db: DbOrTx, ids: string[]): Promise<Map<string, CallRef>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const found = await db
    .select({
      id: calls.id,
      contactId: calls.contactId,
      locationId: calls.locationId,
      startedAt: calls.startedAt,
      note: calls.note,
    })
    .from(calls)
    .where(inArray(calls.id, unique));
  return new Map(found.map((c) => [c.id, c]));
}
