import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { rows } from '../contacts/repo';
import { contactAttempts, customerRequests, intakeKeys, requestEvents } from './tables';

export type RequestRow = typeof customerRequests.$inferSelect;
export type RequestInsert = typeof customerRequests.$inferInsert;
export type EventRow = typeof requestEvents.$inferSelect;
export type EventInsert = typeof requestEvents.$inferInsert;
export type AttemptRow = typeof contactAttempts.$inferSelect;
export type IntakeKeyRow = typeof intakeKeys.$inferSelect;

/** "A-100042": numbers staff can read out on the phone. */
export async function nextRequestNumber(tx: DbOrTx): Promise<string> {
  const [row] = await rows<{ n: number | string }>(tx, sql`SELECT nextval('request_number_seq') AS n`);
  return `A-${row!.n}`;
}

export async function insertRequest(tx: DbOrTx, values: RequestInsert): Promise<RequestRow> {
  const [row] = await tx.insert(customerRequests).values(values).returning();
  return row!;
}

export async function findRequest(db: DbOrTx, id: string, forUpdate = false): Promise<RequestRow | undefined> {
  const query = db.select().from(customerRequests).where(eq(customerRequests.id, id));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

export async function findRequests(db: DbOrTx, ids: string[], forUpdate = false): Promise<RequestRow[]> {
  if (ids.length === 0) return [];
  const query = db
    .select()
    .from(customerRequests)
    .where(inArray(customerRequests.id, ids))
    .orderBy(asc(customerRequests.id));
  return forUpdate ? query.for('update') : query;
}

export async function findByExternal(db: DbOrTx, source: string, externalId: string): Promise<RequestRow | undefined> {
  const [row] = await db
    .select()
    .from(customerRequests)
    .where(and(eq(customerRequests.externalSource, source), eq(customerRequests.externalId, externalId)));
  return row;
}

export async function updateRequest(
  tx: DbOrTx,
  id: string,
  set: Partial<RequestInsert>,
  now: Date,
): Promise<RequestRow> {
  const [row] = await tx
    .update(customerRequests)
    .set({ ...set, version: sql`${customerRequests.version} + 1`, updatedAt: now })
    .where(eq(customerRequests.id, id))
    .returning();
  return row!;
}

export async function insertEvents(tx: DbOrTx, events: EventInsert[]): Promise<void> {
  if (events.length > 0) await tx.insert(requestEvents).values(events);
}

export const listEvents = (db: DbOrTx, requestId: string) =>
  db
    .select()
    .from(requestEvents)
    .where(eq(requestEvents.requestId, requestId))
    // Events of one transaction share their time; 'created' comes first among them.
    .orderBy(asc(requestEvents.at), sql`${requestEvents.kind} <> 'created'`, asc(requestEvents.id));

export async function insertAttempt(tx: DbOrTx, values: typeof contactAttempts.$inferInsert): Promise<AttemptRow> {
  const [row] = await tx.insert(contactAttempts).values(values).returning();
  return row!;
}

export const listAttempts = (db: DbOrTx, requestId: string) =>
  db
    .select()
    .from(contactAttempts)
    .where(eq(contactAttempts.requestId, requestId))
    .orderBy(asc(contactAttempts.at), asc(contactAttempts.createdAt));

/** Moves a merged-away contact's requests to the surviving contact. */
export async function moveContact(tx: DbOrTx, sourceId: string, targetId: string): Promise<void> {
  await tx.update(customerRequests).set({ contactId: targetId }).where(eq(customerRequests.contactId, sourceId));
}

/**
 * Claims an idempotency key inside the intake's transaction. The unique index
 * makes a concurrent duplicate wait until the first commits; it then finds
 * the stored answer instead of taking the request in a second time.
 */
export async function claimIntakeKey(
  tx: DbOrTx,
  scope: string,
  key: string,
  requestHash: string,
): Promise<{ claimed: true } | { claimed: false; existing: IntakeKeyRow }> {
  const inserted = await tx
    .insert(intakeKeys)
    .values({ scope, key, requestHash, responseStatus: 0, responseBody: {} })
    .onConflictDoNothing({ target: [intakeKeys.scope, intakeKeys.key] })
    .returning({ key: intakeKeys.key });
  if (inserted.length > 0) return { claimed: true };
  const [existing] = await tx
    .select()
    .from(intakeKeys)
    .where(and(eq(intakeKeys.scope, scope), eq(intakeKeys.key, key)));
  return { claimed: false, existing: existing! };
}

export async function completeIntakeKey(
  tx: DbOrTx,
  scope: string,
  key: string,
  answer: { status: number; body: unknown; requestId: string | null },
): Promise<void> {
  await tx
    .update(intakeKeys)
    .set({ responseStatus: answer.status, responseBody: answer.body, requestId: answer.requestId })
    .where(and(eq(intakeKeys.scope, scope), eq(intakeKeys.key, key)));
}

/** Requests a deputy took on someone's behalf since a moment: for the "while you were away" notice. */
export const listOnBehalfSince = (db: DbOrTx, userId: string, since: Date) =>
  db
    .select()
    .from(customerRequests)
    .where(
      and(
        eq(customerRequests.onBehalfOfId, userId),
        sql`${customerRequests.receivedAt} >= ${since.toISOString()}::timestamptz`,
      ),
    )
    .orderBy(asc(customerRequests.receivedAt));

/**
 * Marks a request escalated once: only the first caller gets the row back, so
 * two workers (or a retried job) cannot escalate it twice.
 */
export async function markEscalated(tx: DbOrTx, id: string, now: Date): Promise<RequestRow | undefined> {
  const [row] = await tx
    .update(customerRequests)
    .set({ escalatedAt: now, updatedAt: now })
    .where(
      and(
        eq(customerRequests.id, id),
        sql`${customerRequests.escalatedAt} IS NULL AND ${customerRequests.firstContactedAt} IS NULL
            AND ${customerRequests.status} IN ('new','assigned','in_progress','waiting')`,
      ),
    )
    .returning();
  return row;
}
