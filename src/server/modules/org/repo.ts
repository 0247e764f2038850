import { and, asc, eq, getTableColumns, inArray, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '@server/db/client';
import { departments, locations, userLocations, users } from './tables';

export type LocationRow = typeof locations.$inferSelect;
export type UserRow = typeof users.$inferSelect;

export async function listLocations(db: DbOrTx) {
  const rows = await db.select().from(locations).orderBy(asc(locations.name));
  const deps = await db.select().from(departments);
  return rows.map((l) => ({ ...l, departments: deps.filter((d) => d.locationId === l.id) }));
}

/** A location with its departments in one query (intake looks its location up on every request). */
async function findLocationWhere(db: DbOrTx, where: SQL) {
  const [row] = await db
    .select({
      ...getTableColumns(locations),
      departments: sql<Array<typeof departments.$inferSelect>>`coalesce((
        SELECT json_agg(json_build_object('id', d.id, 'locationId', d.location_id, 'kind', d.kind, 'name', d.name))
          FROM departments d WHERE d.location_id = locations.id), '[]'::json)`,
    })
    .from(locations)
    .where(where);
  return row;
}

export const findLocation = (db: DbOrTx, id: string) => findLocationWhere(db, eq(locations.id, id));

export const findFullLocationByCode = (db: DbOrTx, code: string) => findLocationWhere(db, eq(locations.code, code));

export async function findLocationByCode(db: DbOrTx, code: string) {
  const [row] = await db.select({ id: locations.id }).from(locations).where(eq(locations.code, code));
  return row;
}

export async function existingLocationIds(db: DbOrTx, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.select({ id: locations.id }).from(locations).where(inArray(locations.id, ids));
  return new Set(rows.map((r) => r.id));
}

export async function findUserByEmail(db: DbOrTx, email: string) {
  const [row] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  return row;
}

export async function findUser(db: DbOrTx, id: string) {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

/** The user logged in; shown in the user list. */
export async function recordLogin(db: DbOrTx, userId: string, at: Date) {
  await db.update(users).set({ lastLoginAt: at }).where(eq(users.id, userId));
}

/** The user chose a new password themselves, so no forced change is pending any more. */
export async function setOwnPassword(db: DbOrTx, userId: string, passwordHash: string, at: Date) {
  await db.update(users).set({ passwordHash, mustChangePassword: false, updatedAt: at }).where(eq(users.id, userId));
}

export async function extraLocationIds(db: DbOrTx, userIds: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (userIds.length === 0) return map;
  const rows = await db.select().from(userLocations).where(inArray(userLocations.userId, userIds));
  for (const r of rows) map.set(r.userId, [...(map.get(r.userId) ?? []), r.locationId]);
  return map;
}

export async function setExtraLocations(db: DbOrTx, userId: string, locationIds: string[]) {
  await db.delete(userLocations).where(eq(userLocations.userId, userId));
  if (locationIds.length > 0) {
    await db.insert(userLocations).values(locationIds.map((locationId) => ({ userId, locationId })));
  }
}

/** Users working at any of the given locations (home or further); all users when null. */
export async function listUsers(db: DbOrTx, locationIds: string[] | null) {
  const where =
    locationIds === null
      ? undefined
      : locationIds.length === 0
        ? sql`false`
        : sql`(${inArray(users.homeLocationId, locationIds)} OR ${users.id} IN (
            SELECT ${userLocations.userId} FROM ${userLocations} WHERE ${inArray(userLocations.locationId, locationIds)}))`;
  return db
    .select()
    .from(users)
    .where(where ? and(where) : undefined)
    .orderBy(asc(users.lastName), asc(users.firstName));
}

export async function countUsers(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return row?.n ?? 0;
}
