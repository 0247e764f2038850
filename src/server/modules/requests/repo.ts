import { and, asc, eq, inArray, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { type DbOrTx, rows } from '@server/db/client';
import { contactAttempts, customerRequests, intakeKeys, requestEvents } from './tables';

export type RequestRow = typeof customerRequests.$inferSelect;
export type RequestInsert = typeof customerRequests.$inferInsert;
export type EventRow = typeof requestEvents.$inferSelect;
export type EventInsert = typeof requestEvents.$inferInsert;
export type AttemptRow = typeof contactAttempts.$inferSelect;
export type IntakeKeyRow = typeof intakeKeys.$inferSelect;

/** "A-100042": numbers staff can read out on the phone; drawn by the insert itself. */
export const NEXT_REQUEST_NUMBER = sql<string>`'A-' || nextval('request_number_seq')`;

/**
 * Draws the next request number and, for a new customer, the customer
 * number (the contacts module's counter step) in one statement, before the
 * intake's transaction: the counter row stays locked only for this moment.
 */
export async function reserveNumbers(
  db: DbOrTx,
  customerCounter: SQLWrapper | null,
): Promise<{ requestNumber: string; customerNumber: number | null }> {
  const query = customerCounter
    ? sql`WITH c AS (${customerCounter.getSQL()})
          SELECT 'A-' || nextval('request_number_seq') AS request_number, (SELECT next - 1 FROM c) AS customer_number`
    : sql`SELECT 'A-' || nextval('request_number_seq') AS request_number, NULL::int AS customer_number`;
  const [row] = await rows<{ request_number: string; customer_number: number | null }>(db, query);
  return {
    requestNumber: row!.request_number,
    customerNumber: row!.customer_number === null ? null : Number(row!.customer_number),
  };
}

/** The insert of a request whose id and number are known, not yet run: for a write batch. */
export const requestInsert = (db: DbOrTx, values: RequestInsert) => db.insert(customerRequests).values(values);

export async function insertRequest(
  tx: DbOrTx,
  values: Omit<RequestInsert, 'number'> & { number: RequestInsert['number'] | SQL<string> },
): Promise<RequestRow> {
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

/** The first request with this content received since `since`: the lead delivered before. */
export async function findSameContent(db: DbOrTx, hash: string, since: Date): Promise<RequestRow | undefined> {
  const [row] = await db
    .select()
    .from(customerRequests)
    .where(
      and(
        eq(customerRequests.contentHash, hash),
        sql`${customerRequests.receivedAt} >= ${since.toISOString()}::timestamptz`,
      ),
    )
    .orderBy(asc(customerRequests.receivedAt), asc(customerRequests.id))
    .limit(1);
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
  if (events.length > 0) await eventsInsert(tx, events);
}

/** The insert, not yet run, to send together with other writes. */
export const eventsInsert = (tx: DbOrTx, events: EventInsert[]) => tx.insert(requestEvents).values(events);

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

export async function findIntakeKey(db: DbOrTx, scope: string, key: string): Promise<IntakeKeyRow | undefined> {
  const [row] = await db
    .select()
    .from(intakeKeys)
    .where(and(eq(intakeKeys.scope, scope), eq(intakeKeys.key, key)));
  return row;
}

/**
 * The answer stored under an Idempotency-Key, if any, together with the
 * reference version (see db/reference-version) and the id of a request with
 * the same content since `content.since`: every web-form lead needs them
 * before anything else, so they come in one round trip.
 */
export async function intakeKeyAndVersion(
  db: DbOrTx,
  scope: string,
  key: string,
  content: { hash: string; since: Date } | null = null,
): Promise<{ earlier: IntakeKeyRow | undefined; referenceVersion: number | null; sameContentId: string | null }> {
  const sameContent = content
    ? sql`(SELECT r.id FROM ${customerRequests} r WHERE r.content_hash = ${content.hash}
            AND r.received_at >= ${content.since.toISOString()}::timestamptz ORDER BY r.received_at, r.id LIMIT 1)`
    : sql`NULL::uuid`;
  const [row] = await rows<{
    same_content_id: string | null;
    reference_version: string | number | null;
    scope: string | null;
    key: string;
    request_hash: string;
    request_id: string | null;
    response_status: number;
    response_body: unknown;
    created_at: string | Date;
  }>(
    db,
    sql`SELECT (SELECT version FROM reference_versions WHERE id = 1) AS reference_version,
               ${sameContent} AS same_content_id, k.*
          FROM (SELECT 1) AS one
          LEFT JOIN ${intakeKeys} k ON k.scope = ${scope} AND k.key = ${key}`,
  );
  return {
    referenceVersion: row?.reference_version == null ? null : Number(row.reference_version),
    sameContentId: row?.same_content_id ?? null,
    earlier:
      row?.scope == null
        ? undefined
        : {
            scope: row.scope,
            key: row.key,
            requestHash: row.request_hash,
            requestId: row.request_id,
            responseStatus: Number(row.response_status),
            responseBody: row.response_body,
            createdAt: new Date(row.created_at),
          },
  };
}

/**
 * Stores the answer under the Idempotency-Key as the transaction's last
 * statement. False when the key is taken: a concurrent call with the same key
 * committed first (this insert waited for it), so this transaction must roll
 * back and answer with what that one stored.
 */
export async function storeIntakeKey(tx: DbOrTx, values: IntakeKeyValues): Promise<boolean> {
  const inserted = await intakeKeyInsert(tx, values)
    .onConflictDoNothing({ target: [intakeKeys.scope, intakeKeys.key] })
    .returning({ key: intakeKeys.key });
  return inserted.length > 0;
}

interface IntakeKeyValues {
  scope: string;
  key: string;
  requestHash: string;
  status: number;
  body: unknown;
  requestId: string | null;
}

/**
 * The answer's insert without a conflict clause, for a write batch: when a
 * concurrent call with the same key committed first, the statement fails
 * with a unique violation and the caller answers with what that one stored.
 */
export const intakeKeyInsert = (tx: DbOrTx, values: IntakeKeyValues) =>
  tx.insert(intakeKeys).values({
    scope: values.scope,
    key: values.key,
    requestHash: values.requestHash,
    responseStatus: values.status,
    responseBody: values.body,
    requestId: values.requestId,
  });

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

/** Notes the call that keeps the request's callback window; not a change of the request itself (no new version). */
export async function setCallbackActivity(tx: DbOrTx, id: string, activityId: string): Promise<void> {
  await tx.update(customerRequests).set({ callbackActivityId: activityId }).where(eq(customerRequests.id, id));
}
