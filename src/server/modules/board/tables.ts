import { sql } from 'drizzle-orm';
import { index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, instant } from '../../db/columns';
import { contacts } from '../contacts/tables';
import { departmentKindEnum, locations, users } from '../org/tables';

/**
 * The board's channels (Community Board, R1.1): one for the whole group, one per location and
 * one per department of a location. Made when first needed, never by hand.
 */
export const boardChannels = pgTable(
  'board_channels',
  {
    id: id(),
    /** group, location or department */
    kind: text('kind').notNull(),
    locationId: uuid('location_id').references(() => locations.id, { onDelete: 'cascade' }),
    department: departmentKindEnum('department'),
    /** "group", "location:<id>" or "department:<id>:<kind>": one channel each, whoever makes it first. */
    key: text('key').notNull().unique(),
    createdAt: createdAt(),
  },
  (t) => [index('board_channels_location_idx').on(t.locationId)],
);

/** A discussion: a title and its posts; linked to a customer, and to the internal message it came from. */
export const boardThreads = pgTable(
  'board_threads',
  {
    id: id(),
    channelId: uuid('channel_id')
      .notNull()
      .references(() => boardChannels.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    contactId: uuid('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    /** The internal customer message this thread discusses (messages module); one thread per message. */
    messageId: uuid('message_id').unique(),
    postCount: integer('post_count').notNull().default(0),
    createdAt: createdAt(),
    lastPostAt: instant('last_post_at').notNull(),
  },
  (t) => [
    index('board_threads_channel_idx').on(t.channelId, t.lastPostAt, t.id),
    index('board_threads_contact_idx')
      .on(t.contactId)
      .where(sql`${t.contactId} is not null`),
  ],
);

export const boardPosts = pgTable(
  'board_posts',
  {
    id: id(),
    threadId: uuid('thread_id')
      .notNull()
      .references(() => boardThreads.id, { onDelete: 'cascade' }),
    /** The thread's channel, kept here so unread counts and search need no join. */
    channelId: uuid('channel_id')
      .notNull()
      .references(() => boardChannels.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('board_posts_thread_idx').on(t.threadId, t.createdAt),
    index('board_posts_channel_idx').on(t.channelId, t.createdAt),
    index('board_posts_body_trgm_idx').using('gin', sql`${t.body} gin_trgm_ops`),
  ],
);

export const boardMentions = pgTable(
  'board_mentions',
  {
    postId: uuid('post_id')
      .notNull()
      .references(() => boardPosts.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.postId, t.userId] })],
);

export const boardReactions = pgTable(
  'board_reactions',
  {
    postId: uuid('post_id')
      .notNull()
      .references(() => boardPosts.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    emoji: text('emoji').notNull(),
  },
  (t) => [primaryKey({ columns: [t.postId, t.userId, t.emoji] })],
);

/** When a user last opened a channel: what came after, by others, is unread. */
export const boardReads = pgTable(
  'board_reads',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    channelId: uuid('channel_id')
      .notNull()
      .references(() => boardChannels.id, { onDelete: 'cascade' }),
    readAt: instant('read_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.channelId] })],
);
