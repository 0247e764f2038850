import { type AnyColumn, eq, sql } from 'drizzle-orm';
import { userLocations, users } from './tables';

/**
 * For modules that must read their rows together with the user they belong to
 * in one statement (a session is checked on every request). The SQL about
 * users stays here; the caller only names its own user id column.
 */
export const userReadModel = {
  /** The users table as a join target; select it whole to get a full user row. */
  table: users,
  joinOn: (userId: AnyColumn) => eq(users.id, userId),
  isActive: eq(users.active, true),
  names: { firstName: users.firstName, lastName: users.lastName },
  /** The user's locations besides the home location, as text ids; empty when there are none. */
  extraLocationIds: (userId: AnyColumn) => sql<string[]>`coalesce((SELECT array_agg(${userLocations.locationId}::text)
        FROM ${userLocations} WHERE ${userLocations.userId} = ${userId}), '{}')`,
};

/*
 * Raw SQL about users for the call list and the call pop, which resolve user
 * names inside their own one-statement reads (the pop opens while the phone
 * rings). Aliases are the caller's; the SQL about users stays here.
 */
export const usersSql = {
  table: 'users',
  /** "First Last" of the user row aliased `alias`. */
  fullName: (alias: string) => `${alias}.first_name || ' ' || ${alias}.last_name`,
  /** A JSON array of { id, displayName } for the user ids in the uuid array `ids`, in their order; '[]' when empty. */
  refsJson: (
    ids: string,
  ) => `(SELECT coalesce(json_agg(json_build_object('id', u.id, 'displayName', u.first_name || ' ' || u.last_name)
                                   ORDER BY array_position(${ids}, u.id)), '[]'::json)
            FROM users u WHERE u.id = ANY(${ids}))`,
};

/* Raw SQL about locations for contacts' read models: the search bar's customer-number branch and the export. */
export const locationsSql = {
  table: 'locations',
  /** Every location's customer-number prefix joined to the text parameter `digits` ("MUC-100123"); none when it is null. */
  codesWithSuffix: (digits: string) =>
    `SELECT l.code || '-' || ${digits}::text FROM locations l WHERE ${digits}::text IS NOT NULL`,
};

/** Raw SQL about users for set-based planning (lifecycle rules): where a user's work is filed. */
export const userPlanningSql = {
  /** The home location of the user whose id is the SQL expression `userId`. */
  homeLocation: (userId: string) => `(SELECT u.home_location_id FROM users u WHERE u.id = ${userId})`,
};
