import { and, asc, desc, eq, gte, inArray, lte } from 'drizzle-orm';
import type { DbOrTx } from '@server/db/client';
import { dailyCheckEntries, dailyChecks, locations, users } from '../tables';

export type CheckRow = typeof dailyChecks.$inferSelect;

export function checksAt(db: DbOrTx, locationIds: string[], activeOnly = false) {
  if (locationIds.length === 0) return Promise.resolve([] as Array<CheckRow & { locationName: string }>);
  return db
    .select({
      id: dailyChecks.id,
      locationId: dailyChecks.locationId,
      name: dailyChecks.name,
      weekdays: dailyChecks.weekdays,
      department: dailyChecks.department,
      role: dailyChecks.role,
      active: dailyChecks.active,
      createdAt: dailyChecks.createdAt,
      locationName: locations.name,
    })
    .from(dailyChecks)
    .innerJoin(locations, eq(locations.id, dailyChecks.locationId))
    .where(and(inArray(dailyChecks.locationId, locationIds), activeOnly ? eq(dailyChecks.active, true) : undefined))
    .orderBy(asc(dailyChecks.name));
}

export async function findCheck(db: DbOrTx, id: string) {
  const [row] = await db.select().from(dailyChecks).where(eq(dailyChecks.id, id));
  return row ?? null;
}

export async function insertCheck(tx: DbOrTx, values: typeof dailyChecks.$inferInsert) {
  const [row] = await tx.insert(dailyChecks).values(values).returning();
  return row!;
}

export async function updateCheck(tx: DbOrTx, id: string, values: Partial<typeof dailyChecks.$inferInsert>) {
  await tx.update(dailyChecks).set(values).where(eq(dailyChecks.id, id));
}

const entryColumns = {
  id: dailyCheckEntries.id,
  checkId: dailyCheckEntries.checkId,
  day: dailyCheckEntries.day,
  userId: dailyCheckEntries.userId,
  recordedAt: dailyCheckEntries.recordedAt,
  findings: dailyCheckEntries.findings,
  ok: dailyCheckEntries.ok,
  firstName: users.firstName,
  lastName: users.lastName,
  checkName: dailyChecks.name,
  locationId: dailyChecks.locationId,
};

/** Entries of the checks in the period (days inclusive), newest day first. */
export function entriesOf(db: DbOrTx, checkIds: string[], from: string, to: string) {
  if (checkIds.length === 0) return Promise.resolve([]);
  return db
    .select(entryColumns)
    .from(dailyCheckEntries)
    .innerJoin(users, eq(users.id, dailyCheckEntries.userId))
    .innerJoin(dailyChecks, eq(dailyChecks.id, dailyCheckEntries.checkId))
    .where(
      and(
        inArray(dailyCheckEntries.checkId, checkIds),
        gte(dailyCheckEntries.day, from),
        lte(dailyCheckEntries.day, to),
      ),
    )
    .orderBy(desc(dailyCheckEntries.day), asc(dailyChecks.name));
}
export type EntryRow = Awaited<ReturnType<typeof entriesOf>>[number];

export async function entryOfDay(db: DbOrTx, locationId: string, checkId: string, day: string) {
  const [row] = await db
    .select(entryColumns)
    .from(dailyCheckEntries)
    .innerJoin(users, eq(users.id, dailyCheckEntries.userId))
    .innerJoin(dailyChecks, eq(dailyChecks.id, dailyCheckEntries.checkId))
    .where(
      and(
        eq(dailyCheckEntries.checkId, checkId),
        eq(dailyChecks.locationId, locationId),
        eq(dailyCheckEntries.day, day),
      ),
    );
  return row ?? null;
}

/** Inserts the day's entry; null when the check has one for the day already. */
export async function insertEntry(tx: DbOrTx, values: typeof dailyCheckEntries.$inferInsert) {
  const [row] = await tx.insert(dailyCheckEntries).values(values).onConflictDoNothing().returning();
  return row ?? null;
}
