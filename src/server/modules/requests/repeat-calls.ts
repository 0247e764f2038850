import { and, desc, eq, inArray, or } from 'drizzle-orm';
import { OPEN_STATUSES } from '@shared/requests/enums';
import type { DbOrTx } from '@server/db/client';
import * as repo from './repo';
import { customerRequests } from './tables';

/** The open callback request a repeated call joins: the newest among these requests or of these contacts. */
export async function openCallbackAmong(
  db: DbOrTx,
  among: { requestIds: string[]; contactIds: string[] },
): Promise<repo.RequestRow | undefined> {
  const anyOf = [
    among.requestIds.length ? inArray(customerRequests.id, among.requestIds) : undefined,
    among.contactIds.length ? inArray(customerRequests.contactId, among.contactIds) : undefined,
  ].filter((c) => c !== undefined);
  if (anyOf.length === 0) return undefined;
  const [row] = await db
    .select()
    .from(customerRequests)
    .where(
      and(eq(customerRequests.type, 'callback'), inArray(customerRequests.status, [...OPEN_STATUSES]), or(...anyOf)),
    )
    .orderBy(desc(customerRequests.receivedAt))
    .limit(1);
  return row;
}

/** The request's history says the caller tried again: when, and how many calls it holds now. */
export async function recordRepeatedCall(
  tx: DbOrTx,
  requestId: string,
  call: { callId: string; calledAt: Date; count: number },
  now: Date,
): Promise<void> {
  await repo.insertEvents(tx, [
    {
      requestId,
      at: now,
      actorId: null,
      kind: 'call_repeated',
      data: { callId: call.callId, calledAt: call.calledAt.toISOString(), count: call.count },
    },
  ]);
}
