import { and, asc, desc, eq, gt, gte, inArray, lt, sql } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@server/db/client';
import { activities, activityChanges, activityFollowUpRules } from './tables';

export type ActivityRow = typeof activities.$inferSelect;
export type NewActivityRow = typeof activities.$inferInsert;

export async function insertActivity(tx: DbOrTx, row: NewActivityRow): Promise<ActivityRow> {
  const [created] = await tx.insert(activities).values(row).returning();
  return created!;
}

export async function findActivity(db: DbOrTx, id: string, lock = false): Promise<ActivityRow | undefined> {
  const query = db.select().from(activities).where(eq(activities.id, id));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function updateActivity(tx: DbOrTx, id: string, values: Partial<NewActivityRow>): Promise<ActivityRow> {
  const [row] = await tx
    .update(activities)
    .set({ ...values, version: sql`${activities.version} + 1` })
    .where(eq(activities.id, id))
    .returning();
  return row!;
}

export async function recordChange(
  tx: DbOrTx,
  change: { activityId: string; at: Date; byId: string | null; kind: string; data?: Record<string, unknown> },
) {
  await tx.insert(activityChanges).values({ ...change, data: change.data ?? null });
}

export async function changesOf(db: DbOrTx, activityId: string) {
  return db
    .select()
    .from(activityChanges)
    .where(eq(activityChanges.activityId, activityId))
    .orderBy(asc(activityChanges.at), asc(activityChanges.id));
}

/**
 * Activities touching [from, to) of some owners or of a location: starting in it,
 * or an all-day task on one of its days, or started before and still going on.
 * An activity lasts at most 14 days, so one that started up to 14 days before can
 * still overlap; those are found by their end in the (owner or location, start, end)
 * index, so the rows of the many that ended before `from` are never read.
 */
export async function inRange(
  db: DbOrTx,
  who: { ownerIds: string[] } | { locationId: string },
  from: Date,
  to: Date,
  includeCancelled: boolean,
): Promise<ActivityRow[]> {
  const earliest = new Date(from.getTime() - 14 * 86_400_000);
  const whose =
    'ownerIds' in who ? inArray(activities.ownerId, who.ownerIds) : eq(activities.locationId, who.locationId);
  const live = includeCancelled ? undefined : sql`${activities.status} <> 'cancelled'`;
  const startingIn = db
    .select()
    .from(activities)
    .where(and(whose, gte(activities.startsAt, from), lt(activities.startsAt, to), live));
  const goingOn = db
    .select()
    .from(activities)
    .where(
      and(whose, gte(activities.startsAt, earliest), lt(activities.startsAt, from), gt(activities.endsAt, from), live),
    );
  return unionAll(startingIn, goingOn).orderBy(asc(activities.startsAt), asc(activities.id)).limit(2000);
}

export async function linkedTo(
  db: DbOrTx,
  link: { contactId?: string; vehicleId?: string; requestId?: string },
  status: string | undefined,
  limit: number,
): Promise<ActivityRow[]> {
  const where = and(
    link.contactId ? eq(activities.contactId, link.contactId) : undefined,
    link.vehicleId ? eq(activities.vehicleId, link.vehicleId) : undefined,
    link.requestId ? eq(activities.requestId, link.requestId) : undefined,
    status ? eq(activities.status, status) : undefined,
  );
  // Open ones first, soonest first; then the done and cancelled ones, latest first.
  return db
    .select()
    .from(activities)
    .where(where)
    .orderBy(
      sql`case when ${activities.status} = 'open' then 0 else 1 end`,
      sql`case when ${activities.status} = 'open' then ${activities.startsAt} end asc`,
      desc(activities.startsAt),
    )
    .limit(limit);
}

/** An owner's open activities due before `before` (the overdue ones and today's), oldest first. */
export async function openDueBefore(db: DbOrTx, ownerId: string, before: Date, limit: number): Promise<ActivityRow[]> {
  return db
    .select()
    .from(activities)
    .where(and(eq(activities.ownerId, ownerId), eq(activities.status, 'open'), lt(activities.startsAt, before)))
    .orderBy(asc(activities.startsAt))
    .limit(limit);
}

export async function followUpRules(db: DbOrTx) {
  return db.select().from(activityFollowUpRules).orderBy(asc(activityFollowUpRules.position));
}

export async function replaceFollowUpRules(
  tx: DbOrTx,
  rules: Array<{ activityType: string | null; result: string | null; followUpType: string; afterDays: number }>,
) {
  await tx.delete(activityFollowUpRules);
  if (rules.length) await tx.insert(activityFollowUpRules).values(rules.map((r, position) => ({ ...r, position })));
}

/** Moves a merged-away contact's activities to the contact that stays. */
export async function moveContact(tx: DbOrTx, sourceId: string, targetId: string) {
  await tx.update(activities).set({ contactId: targetId }).where(eq(activities.contactId, sourceId));
}

/** Everyone's open activities due before `before` (today's and overdue), for the morning digest. */
export async function openBefore(db: DbOrTx, before: Date): Promise<ActivityRow[]> {
  return db
    .select()
    .from(activities)
    .where(and(eq(activities.status, 'open'), lt(activities.startsAt, before)))
    .orderBy(asc(activities.ownerId), asc(activities.startsAt));
}
