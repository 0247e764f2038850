import { and, asc, count, desc, eq, gte, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { type DbOrTx, rows } from '@server/db/client';
import { liveEvents, notifications } from './tables';

export type NotificationRow = typeof notifications.$inferSelect;

/** The insert, not yet run, for a write batch. */
export const notificationsInsert = (db: DbOrTx, values: Array<typeof notifications.$inferInsert>) =>
  db.insert(notifications).values(values);

export async function findNotification(db: DbOrTx, id: string): Promise<NotificationRow | undefined> {
  const [row] = await db.select().from(notifications).where(eq(notifications.id, id));
  return row;
}

/** Newest first; `after` is the last row of the previous page. */
export async function listNotifications(
  db: DbOrTx,
  userId: string,
  options: { unreadOnly: boolean; limit: number; after?: { createdAt: Date; id: string } },
): Promise<NotificationRow[]> {
  const where: SQL[] = [eq(notifications.userId, userId)];
  if (options.unreadOnly) where.push(isNull(notifications.readAt));
  if (options.after) {
    const { createdAt, id } = options.after;
    where.push(
      or(
        lt(notifications.createdAt, createdAt),
        and(eq(notifications.createdAt, createdAt), lt(notifications.id, id)),
      )!,
    );
  }
  return db
    .select()
    .from(notifications)
    .where(and(...where))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(options.limit);
}

/** Marks the user's unread notifications read (all of them, or those ids); returns the ids it changed. */
export async function markRead(tx: DbOrTx, userId: string, ids: string[] | 'all', now: Date): Promise<string[]> {
  const where = [eq(notifications.userId, userId), isNull(notifications.readAt)];
  if (ids !== 'all') where.push(inArray(notifications.id, ids));
  const rows = await tx
    .update(notifications)
    .set({ readAt: now })
    .where(and(...where))
    .returning({ id: notifications.id });
  return rows.map((r) => r.id);
}

export async function countUnread(db: DbOrTx, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return Number(row?.n ?? 0);
}

export type LiveEventRow = typeof liveEvents.$inferSelect;

/** The inserts of live events, not yet run: for a write batch, or to run in the caller's transaction. */
export const liveEventsInsert = (db: DbOrTx, values: Array<typeof liveEvents.$inferInsert>) =>
  db.insert(liveEvents).values(values);

export async function findLiveEvent(db: DbOrTx, id: number): Promise<LiveEventRow | undefined> {
  const [row] = await db.select().from(liveEvents).where(eq(liveEvents.id, id));
  return row;
}

/** Live events for these users inserted since then, oldest first; a bounded catch-up, not an archive. */
export async function liveEventsSince(
  db: DbOrTx,
  userIds: string[],
  since: Date,
  limit = 5000,
): Promise<LiveEventRow[]> {
  if (userIds.length === 0) return [];
  return db
    .select()
    .from(liveEvents)
    .where(and(inArray(liveEvents.userId, userIds), gte(liveEvents.insertedAt, since)))
    .orderBy(asc(liveEvents.id))
    .limit(limit);
}

/** The database's clock: live events are stamped by it, so windows over them are measured by it too. */
export async function databaseNow(db: DbOrTx): Promise<Date> {
  const [row] = await rows<{ now: string | Date }>(db, sql`SELECT clock_timestamp() AS now`);
  return new Date(row!.now);
}

export async function deleteLiveEventsBefore(db: DbOrTx, age: string): Promise<void> {
  await db.delete(liveEvents).where(lt(liveEvents.insertedAt, sql`clock_timestamp() - ${age}::interval`));
}
