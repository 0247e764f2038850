import { bigint, integer, pgTable } from 'drizzle-orm/pg-core';

/**
 * One number that grows whenever reference data changes: locations and
 * their departments, staff and their locations, absences, assignment rules,
 * request type settings. Statement triggers bump it in the changing
 * transaction (migration 0009), so it changes exactly when the change
 * commits, whoever made it: another server process, an admin page, a plain
 * SQL script.
 */
export const referenceVersions = pgTable('reference_versions', {
  id: integer('id').primaryKey(),
  version: bigint('version', { mode: 'number' }).notNull(),
});
