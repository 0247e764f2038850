import { and, asc, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import type { DepartmentKind, Locale, Role } from '@shared/org/enums';
import type { DbOrTx } from '@server/db/client';
import type { WorkingCalendar } from '@server/lib/working-time';
import { locations, userLocations, users } from './tables';

/*
 * People and locations as other modules read them INSIDE the caller's
 * transaction: an intake creates the contact and decides the assignee in one
 * transaction, and on PGlite a query outside a running transaction would wait
 * for it to finish. Hence these take the transaction first.
 */

export interface Person {
  id: string;
  displayName: string;
  email: string;
  role: Role;
  /** Which part of the house they work in; a manager's tells which requests fall back to them. */
  department: DepartmentKind | null;
  active: boolean;
  /** Home location first, then the further ones. */
  locationIds: string[];
  /** The language their mails are written in. */
  locale: Locale;
}

const personColumns = {
  id: users.id,
  firstName: users.firstName,
  lastName: users.lastName,
  email: users.email,
  role: users.role,
  department: users.department,
  active: users.active,
  homeLocationId: users.homeLocationId,
  locale: users.locale,
};

/** A user's columns as personColumns selects them. */
interface PersonRow {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  role: Role;
  department: DepartmentKind | null;
  active: boolean;
  homeLocationId: string;
  locale: Locale;
}

async function withLocations(db: DbOrTx, rows: PersonRow[]): Promise<Person[]> {
  if (rows.length === 0) return [];
  const extra = await db
    .select()
    .from(userLocations)
    .where(
      inArray(
        userLocations.userId,
        rows.map((r) => r.id),
      ),
    );
  return rows.map((r) => ({
    id: r.id,
    displayName: `${r.firstName} ${r.lastName}`,
    email: r.email,
    role: r.role,
    department: r.department,
    active: r.active,
    locale: r.locale,
    locationIds: [
      r.homeLocationId,
      ...extra.filter((e) => e.userId === r.id && e.locationId !== r.homeLocationId).map((e) => e.locationId),
    ],
  }));
}

const furtherLocations = sql<
  string[]
>`coalesce((SELECT array_agg(${userLocations.locationId}::text) FROM ${userLocations} WHERE ${userLocations.userId} = ${users.id}), '{}'::text[])`;

const personOf = (r: PersonRow & { further: string[] }): Person => ({
  id: r.id,
  displayName: `${r.firstName} ${r.lastName}`,
  email: r.email,
  role: r.role,
  department: r.department,
  active: r.active,
  locale: r.locale,
  locationIds: [r.homeLocationId, ...r.further.filter((l) => l !== r.homeLocationId)],
});

/** People with their further locations, in one query (intake decides and announces on every request). */
export async function loadPeople(db: DbOrTx, ids: string[]): Promise<Map<string, Person>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ ...personColumns, further: furtherLocations })
    .from(users)
    .where(inArray(users.id, unique));
  return new Map(rows.map((r) => [r.id, personOf(r)]));
}

/** Active users working at the location (home or further; null = anywhere), optionally of one role; by name. */
export async function activeStaffAt(db: DbOrTx, locationId: string | null, role?: Role): Promise<Person[]> {
  const rows = await db
    .select(personColumns)
    .from(users)
    .where(
      and(
        eq(users.active, true),
        role ? eq(users.role, role) : undefined,
        locationId
          ? or(
              eq(users.homeLocationId, locationId),
              sql`${users.id} IN (SELECT ${userLocations.userId} FROM ${userLocations} WHERE ${userLocations.locationId} = ${locationId})`,
            )
          : undefined,
      ),
    )
    .orderBy(asc(users.lastName), asc(users.firstName));
  return withLocations(db, rows);
}

export async function activeAdmins(db: DbOrTx): Promise<Person[]> {
  const rows = await db
    .select(personColumns)
    .from(users)
    .where(and(eq(users.active, true), eq(users.role, 'admin')))
    .orderBy(asc(users.lastName), asc(users.firstName));
  return withLocations(db, rows);
}

/** Every user, active or not, by name: the staff directory's one load. */
export async function everyone(db: DbOrTx): Promise<Person[]> {
  const rows = await db
    .select({ ...personColumns, further: furtherLocations })
    .from(users)
    .orderBy(asc(users.lastName), asc(users.firstName));
  return rows.map(personOf);
}

export async function allLocationNames(db: DbOrTx): Promise<Map<string, string>> {
  const rows = await db.select({ id: locations.id, name: locations.name }).from(locations);
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function locationNames(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: locations.id, name: locations.name })
    .from(locations)
    .where(inArray(locations.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Display names ("first last") of these users; unknown ids are left out. */
export async function userNames(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, firstName: users.firstName, lastName: users.lastName })
    .from(users)
    .where(inArray(users.id, ids));
  return new Map(rows.map((u) => [u.id, `${u.firstName} ${u.lastName}`]));
}

/** Users by id with whether they may still be given work. */
export async function activeUsers(db: DbOrTx, ids: string[]): Promise<Map<string, boolean>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.select({ id: users.id, active: users.active }).from(users).where(inArray(users.id, unique));
  return new Map(rows.map((r) => [r.id, r.active]));
}

export async function locationExists(db: DbOrTx, id: string): Promise<boolean> {
  const rows = await db
    .select({ id: locations.id })
    .from(locations)
    .where(inArray(locations.id, [id]));
  return rows.length > 0;
}

/** Active users based at the location who have a phone extension, with their role. */
export async function activeStaffWithExtensionAt(db: DbOrTx, locationId: string) {
  return db
    .select({ id: users.id, role: users.role, extension: users.phoneExtension })
    .from(users)
    .where(and(eq(users.homeLocationId, locationId), isNotNull(users.phoneExtension), eq(users.active, true)));
}

/** Every active location with the departments it has, for modules that keep something per department. */
export async function activeLocationDepartments(
  db: DbOrTx,
): Promise<Array<{ locationId: string; name: string; departments: DepartmentKind[] }>> {
  // Named in full: in a one-table select the column would be written bare and read as the department's own id.
  const rows = await db
    .select({
      locationId: locations.id,
      name: locations.name,
      departments: sql<
        DepartmentKind[]
      >`coalesce((SELECT array_agg(d.kind::text ORDER BY d.kind) FROM departments d WHERE d.location_id = "locations"."id"), '{}'::text[])`,
    })
    .from(locations)
    .where(eq(locations.active, true))
    .orderBy(asc(locations.name));
  return rows;
}

/** A location's name and postal address, for documents printed without a letterhead of their own. */
export async function locationAddress(
  db: DbOrTx,
  id: string,
): Promise<{
  name: string;
  street: string;
  postalCode: string;
  city: string;
  phone: string;
  email: string | null;
} | null> {
  const [row] = await db
    .select({
      name: locations.name,
      street: locations.street,
      postalCode: locations.postalCode,
      city: locations.city,
      phone: locations.phone,
      email: locations.email,
    })
    .from(locations)
    .where(inArray(locations.id, [id]));
  return row ?? null;
}

/** A location's opening hours and federal state, for deadlines in working time, in the caller's transaction. */
export async function workingCalendarOf(db: DbOrTx, id: string): Promise<WorkingCalendar | null> {
  const [row] = await db
    .select({ openingHours: locations.openingHours, federalState: locations.federalState })
    .from(locations)
    .where(eq(locations.id, id));
  return row ?? null;
}
