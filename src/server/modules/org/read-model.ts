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
