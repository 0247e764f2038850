import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, instant } from '../../db/columns';
import { users } from '../org/tables';

export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    /** In German, the default language: what API clients and rows written before text keys show. */
    title: text('title').notNull(),
    body: text('body'),
    /** What the notification says as a key and parameters (src/shared/texts), rendered in the reader's language. */
    textKey: text('text_key'),
    textParams: jsonb('text_params').$type<Record<string, unknown>>(),
    link: text('link'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
    readAt: instant('read_at'),
  },
  (t) => [
    index('notifications_user_created_idx').on(t.userId, t.createdAt.desc(), t.id.desc()),
    index('notifications_user_unread_idx')
      .on(t.userId)
      .where(sql`read_at is null`),
  ],
);

/**
 * Every live event as a row, numbered in order: a NOTIFY is lost while a
 * process is not listening (its connection dropped), a row is not. A
 * process replays the rows it may have missed when it listens again, and an
 * event stream catches up from the last id its browser saw. The NOTIFY is
 * sent by a trigger on insert (migration 0011); rows are kept for an hour.
 */
export const liveEvents = pgTable(
  'live_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    data: jsonb('data').notNull(),
    /** The database's own time, so replay windows do not depend on the application's clock. */
    insertedAt: instant('inserted_at')
      .notNull()
      .default(sql`clock_timestamp()`),
  },
  (t) => [index('live_events_user_idx').on(t.userId, t.id), index('live_events_inserted_idx').on(t.insertedAt)],
);
