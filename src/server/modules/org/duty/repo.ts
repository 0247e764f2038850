import { and, desc, eq, gte, inArray, isNull, lt, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '@server/db/client';
import type { CheckOutKind } from '@shared/org/duty';
import { dutyShifts, locationDutySettings, locations, users } from '../tables';

export type ShiftRow = typeof dutyShifts.$inferSelect;

/** A shift with the names a list shows. */
const shiftColumns = {
  id: dutyShifts.id,
  userId: dutyShifts.userId,
  locationId: dutyShifts.locationId,
  checkedInAt: dutyShifts.checkedInAt,
  checkedOutAt: dutyShifts.checkedOutAt,
  checkOutKind: dutyShifts.checkOutKind,
  firstName: users.firstName,
  lastName: users.lastName,
  locationName: locations.name,
};
function namedShifts(db: DbOrTx, where: SQL | undefined, limit = 500) {
  return db
    .select(shiftColumns)
    .from(dutyShifts)
    .innerJoin(users, eq(users.id, dutyShifts.userId))
    .innerJoin(locations, eq(locations.id, dutyShifts.locationId))
    .where(where)
    .orderBy(desc(dutyShifts.checkedInAt))
    .limit(limit);
}
export type NamedShiftRow = Awaited<ReturnType<typeof namedShifts>>[number];

export async function openShiftOf(db: DbOrTx, userId: string) {
  const [row] = await namedShifts(db, and(eq(dutyShifts.userId, userId), isNull(dutyShifts.checkedOutAt)), 1);
  return row ?? null;
}

export async function findShift(db: DbOrTx, id: string) {
  const [row] = await namedShifts(db, eq(dutyShifts.id, id), 1);
  return row ?? null;
}

/**
 * Takes the user's row lock, so two check-ins of the same user (two tabs, two
 * workstations) run one after the other and the second sees the first's shift.
 */
export async function lockUser(tx: DbOrTx, userId: string) {
  await tx.execute(sql`SELECT 1 FROM ${users} WHERE ${users.id} = ${userId} FOR UPDATE`);
}

/** Ends the user's open shift, if any; returns it. */
export async function closeOpenShift(tx: DbOrTx, userId: string, at: Date, kind: CheckOutKind) {
  const [row] = await tx
    .update(dutyShifts)
    .set({ checkedOutAt: at, checkOutKind: kind })
    .where(and(eq(dutyShifts.userId, userId), isNull(dutyShifts.checkedOutAt)))
    .returning();
  return row ?? null;
}

/** Ends this shift at closing time unless it ended already; returns it when it did end now. */
export async function closeShiftAtClosing(tx: DbOrTx, id: string, at: Date) {
  const [row] = await tx
    .update(dutyShifts)
    .set({ checkedOutAt: at, checkOutKind: 'closing_time' })
    .where(and(eq(dutyShifts.id, id), isNull(dutyShifts.checkedOutAt)))
    .returning();
  return row ?? null;
}

export async function insertShift(tx: DbOrTx, userId: string, locationId: string, at: Date) {
  const [row] = await tx.insert(dutyShifts).values({ userId, locationId, checkedInAt: at }).returning();
  return row!;
}

/** Open shifts at a location with the user's role and department, longest on duty first. */
export function onDutyAt(db: DbOrTx, locationId: string) {
  return db
    .select({
      userId: users.id,
      firstName: users.firstName,
      lastName: users.lastName,
      role: users.role,
      department: users.department,
      since: dutyShifts.checkedInAt,
    })
    .from(dutyShifts)
    .innerJoin(users, eq(users.id, dutyShifts.userId))
    .where(and(eq(dutyShifts.locationId, locationId), isNull(dutyShifts.checkedOutAt)))
    .orderBy(dutyShifts.checkedInAt);
}

export function history(
  db: DbOrTx,
  filter: { userId?: string; locationIds?: string[]; from?: Date; to?: Date; limit: number },
) {
  return namedShifts(
    db,
    and(
      filter.userId ? eq(dutyShifts.userId, filter.userId) : undefined,
      filter.locationIds ? inArray(dutyShifts.locationId, filter.locationIds) : undefined,
      filter.from ? gte(dutyShifts.checkedInAt, filter.from) : undefined,
      filter.to ? lt(dutyShifts.checkedInAt, filter.to) : undefined,
    ),
    filter.limit,
  );
}

export async function settingsOf(db: DbOrTx, locationIds: string[]) {
  if (locationIds.length === 0) return new Map<string, { usesCheckIn: boolean; autoCheckOutAtClosing: boolean }>();
  const rows = await db
    .select()
    .from(locationDutySettings)
    .where(inArray(locationDutySettings.locationId, locationIds));
  return new Map(rows.map((r) => [r.locationId, r]));
}

export async function saveSettings(
  tx: DbOrTx,
  locationId: string,
  input: { usesCheckIn: boolean; autoCheckOutAtClosing: boolean },
  at: Date,
) {
  await tx
    .insert(locationDutySettings)
    .values({ locationId, ...input, updatedAt: at })
    .onConflictDoUpdate({ target: locationDutySettings.locationId, set: { ...input, updatedAt: at } });
}

/** The location's calendar (opening hours and state) for its closing time, with its duty settings. */
export async function locationForDuty(db: DbOrTx, locationId: string) {
  const [row] = await db
    .select({
      id: locations.id,
      name: locations.name,
      openingHours: locations.openingHours,
      federalState: locations.federalState,
      usesCheckIn: sql<boolean>`coalesce(${locationDutySettings.usesCheckIn}, false)`,
      autoCheckOutAtClosing: sql<boolean>`coalesce(${locationDutySettings.autoCheckOutAtClosing}, false)`,
    })
    .from(locations)
    .leftJoin(locationDutySettings, eq(locationDutySettings.locationId, locations.id))
    .where(eq(locations.id, locationId));
  return row ?? null;
}
