import { and, eq, inArray, sql } from 'drizzle-orm';
import { type DbOrTx, rows } from '@server/db/client';
import type { ConnectionState, TelephonyProvider } from '@shared/telephony/enums';
import { calls, callEvents, telephonyConnections, telephonyExtensions, trackingNumbers } from './tables';

export type CallRow = typeof calls.$inferSelect;
export type NewCallRow = typeof calls.$inferInsert;
export type ConnectionRow = typeof telephonyConnections.$inferSelect;
export type TrackingNumberRow = typeof trackingNumbers.$inferSelect;

export interface CallKey {
  provider: TelephonyProvider;
  connectionId: string;
  externalId: string;
}

const byKey = (key: CallKey) =>
  and(eq(calls.provider, key.provider), eq(calls.connectionId, key.connectionId), eq(calls.externalId, key.externalId));

export async function findCallByKey(db: DbOrTx, key: CallKey, lock = false): Promise<CallRow | undefined> {
  const query = db.select().from(calls).where(byKey(key));
  const [row] = await (lock ? query.for('update') : query);
  return row;
}

export async function findCall(db: DbOrTx, id: string, lock = false): Promise<CallRow | undefined> {
  const query = db.select().from(calls).where(eq(calls.id, id));
  const [row] = await (lock ? query.for('update') : query);
  return row;
}

/** Inserts a call unless a concurrent event created it first; then returns that one, locked. */
export async function insertCall(
  tx: DbOrTx,
  values: NewCallRow,
  key: CallKey,
): Promise<{ row: CallRow; created: boolean }> {
  const [row] = await tx.insert(calls).values(values).onConflictDoNothing().returning();
  return row ? { row, created: true } : { row: (await findCallByKey(tx, key, true))!, created: false };
}

export { contactDisplayName } from '@server/modules/contacts';

export async function updateCall(tx: DbOrTx, id: string, values: Partial<NewCallRow>, now: Date): Promise<CallRow> {
  const [row] = await tx
    .update(calls)
    .set({ ...values, updatedAt: now })
    .where(eq(calls.id, id))
    .returning();
  return row!;
}

/** Stores one event; null when the same event was stored before (a repeated delivery). */
export async function insertEvent(tx: DbOrTx, values: typeof callEvents.$inferInsert): Promise<string | null> {
  const [row] = await tx.insert(callEvents).values(values).onConflictDoNothing().returning({ id: callEvents.id });
  return row?.id ?? null;
}

export async function findEventCall(
  db: DbOrTx,
  provider: TelephonyProvider,
  connectionId: string,
  eventKey: string,
): Promise<string | null> {
  const [row] = await db
    .select({ callId: callEvents.callId })
    .from(callEvents)
    .where(
      and(
        eq(callEvents.provider, provider),
        eq(callEvents.connectionId, connectionId),
        eq(callEvents.eventKey, eventKey),
      ),
    );
  return row?.callId ?? null;
}

export async function setEventCall(tx: DbOrTx, eventId: string, callId: string): Promise<void> {
  await tx.update(callEvents).set({ callId }).where(eq(callEvents.id, eventId));
}

export async function findConnection(db: DbOrTx, id: string): Promise<ConnectionRow | undefined> {
  const [row] = await db.select().from(telephonyConnections).where(eq(telephonyConnections.id, id));
  return row;
}

/** The state of a link the app holds (CSTA), for the admin's connection list. */
export async function recordLinkState(
  db: DbOrTx,
  id: string,
  link: { state: ConnectionState; detail: string | null; since: Date },
): Promise<void> {
  await db
    .update(telephonyConnections)
    .set({ state: link.state, stateDetail: link.detail, stateChangedAt: link.since })
    .where(eq(telephonyConnections.id, id));
}

export function enabledConnections(db: DbOrTx): Promise<ConnectionRow[]> {
  return db.select().from(telephonyConnections).where(eq(telephonyConnections.enabled, true));
}

/** The extensions mapped on a connection; with `monitoredOnly`, those the CRM asks the PBX to monitor. */
export async function extensionsOfConnection(
  db: DbOrTx,
  connectionId: string,
  options: { monitoredOnly?: boolean } = {},
): Promise<string[]> {
  const onConnection = eq(telephonyExtensions.connectionId, connectionId);
  const rows = await db
    .select({ extension: telephonyExtensions.extension })
    .from(telephonyExtensions)
    .where(options.monitoredOnly ? and(onConnection, eq(telephonyExtensions.monitored, true)) : onConnection);
  return rows.map((r) => r.extension);
}

/** Which user sits at each of these extensions of the connection. */
export async function usersAtExtensions(
  db: DbOrTx,
  connectionId: string,
  extensions: string[],
): Promise<Map<string, string>> {
  if (extensions.length === 0) return new Map();
  const rows = await db
    .select({ extension: telephonyExtensions.extension, userId: telephonyExtensions.userId })
    .from(telephonyExtensions)
    .where(and(eq(telephonyExtensions.connectionId, connectionId), inArray(telephonyExtensions.extension, extensions)));
  return new Map(rows.map((r) => [r.extension, r.userId]));
}

/** The user's extensions on enabled connections, oldest first. */
export function extensionsOfUser(db: DbOrTx, userId: string) {
  return db
    .select({
      extension: telephonyExtensions.extension,
      connectionId: telephonyExtensions.connectionId,
      provider: telephonyConnections.provider,
    })
    .from(telephonyExtensions)
    .innerJoin(telephonyConnections, eq(telephonyConnections.id, telephonyExtensions.connectionId))
    .where(and(eq(telephonyExtensions.userId, userId), eq(telephonyConnections.enabled, true)))
    .orderBy(telephonyExtensions.createdAt);
}

export async function activeTrackingNumber(db: DbOrTx, e164: string): Promise<TrackingNumberRow | undefined> {
  const [row] = await db
    .select()
    .from(trackingNumbers)
    .where(and(eq(trackingNumbers.number, e164), eq(trackingNumbers.active, true)));
  return row;
}

export async function findTrackingNumber(db: DbOrTx, id: string): Promise<TrackingNumberRow | undefined> {
  const [row] = await db.select().from(trackingNumbers).where(eq(trackingNumbers.id, id));
  return row;
}

/**
 * A later call on which the caller of a missed call got through: an answered
 * inbound call from the same number, or an answered call back to it.
 */
export async function laterAnsweredCall(tx: DbOrTx, missed: CallRow): Promise<CallRow | undefined> {
  const [row] = await tx
    .select()
    .from(calls)
    .where(
      and(
        sql`${calls.startedAt} > ${missed.startedAt.toISOString()}::timestamptz`,
        sql`${calls.answeredAt} IS NOT NULL`,
        sql`${calls.id} <> ${missed.id}`,
        sql`((${calls.direction} = 'inbound' AND ${calls.fromNumber} = ${missed.fromNumber})
          OR (${calls.direction} = 'outbound' AND ${calls.toNumber} = ${missed.fromNumber}))`,
      ),
    )
    .orderBy(calls.startedAt)
    .limit(1);
  return row;
}

/** Merging two contacts moves their calls along. */
export async function moveContact(tx: DbOrTx, sourceId: string, targetId: string): Promise<void> {
  await tx.update(calls).set({ contactId: targetId }).where(eq(calls.contactId, sourceId));
  await tx.execute(
    sql`UPDATE calls SET matched_contact_ids = array_replace(matched_contact_ids, ${sourceId}::uuid, ${targetId}::uuid)
         WHERE ${sourceId}::uuid = ANY(matched_contact_ids)`,
  );
}

/**
 * Serialises the missed calls of one number across server processes until the transaction
 * ends: the second of two calls handled at once sees the first one's callback request.
 */
export async function lockCallerNumber(tx: DbOrTx, e164: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`missed-call:${e164}`}, 0))`);
}

/** Requests already made from calls of this number: where a repeated missed call looks for its callback. */
export async function requestIdsOfCallsFrom(db: DbOrTx, e164: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ requestId: calls.requestId })
    .from(calls)
    .where(and(eq(calls.fromNumber, e164), eq(calls.direction, 'inbound'), sql`${calls.requestId} IS NOT NULL`));
  return rows.map((r) => r.requestId!);
}

/** Missed calls linked to a request: how often the caller tried. */
export async function countMissedCallsOf(db: DbOrTx, requestId: string): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(calls)
    .where(and(eq(calls.requestId, requestId), eq(calls.state, 'missed')));
  return row?.count ?? 0;
}

/**
 * Which of these users are on the phone now: a call rings at their extension,
 * or they answered it and it is still going (held counts). Calls that never
 * ended and started before `since` are stale, not busy lines.
 */
export async function usersOnLiveCalls(db: DbOrTx, userIds: string[], since: Date): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const found = await rows<{ user_id: string }>(
    db,
    sql`
    SELECT DISTINCT u.id AS user_id
    FROM unnest(${`{${userIds.join(',')}}`}::uuid[]) AS u(id)
    JOIN ${calls} k ON k.state IN ('ringing', 'answered', 'on_hold') AND k.started_at > ${since.toISOString()}::timestamptz
      AND ((k.state = 'ringing' AND u.id = ANY(k.user_ids)) OR k.answered_by_user_id = u.id)`,
  );
  return new Set(found.map((r) => r.user_id));
}

/** Plain inserts of a phone set-up, for seeding (the admin goes through its checks instead). */
export async function insertConnection(tx: DbOrTx, values: typeof telephonyConnections.$inferInsert): Promise<string> {
  const [row] = await tx.insert(telephonyConnections).values(values).returning({ id: telephonyConnections.id });
  return row!.id;
}

export async function insertExtensions(tx: DbOrTx, values: Array<typeof telephonyExtensions.$inferInsert>) {
  await tx.insert(telephonyExtensions).values(values);
}

export async function insertTrackingNumbers(tx: DbOrTx, values: Array<typeof trackingNumbers.$inferInsert>) {
  await tx.insert(trackingNumbers).values(values);
}
