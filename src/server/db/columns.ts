import { customType, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Every instant is stored as timestamptz; the UI shows it in Europe/Berlin. */
export const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const id = () => uuid('id').primaryKey().defaultRandom();

export const createdAt = () => instant('created_at').notNull().defaultNow();
export const updatedAt = () => instant('updated_at').notNull().defaultNow();

/** Binary content (documents, uploads) kept in the database with its row. */
export const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });
