import { z } from 'zod';
import { DEPARTMENT_KINDS } from '../org/enums';

/** The reactions a post can get: a short, fixed set keeps the board calm and the counts readable. */
export const BOARD_REACTIONS = ['👍', '✅', '❤️', '😮', '👀'] as const;
export type BoardReaction = (typeof BOARD_REACTIONS)[number];

export const BOARD_LIMITS = { title: 200, body: 10_000, mentions: 20, query: 100 } as const;

/** group: the whole group; location: one location; department: one department of a location. */
export const BOARD_CHANNEL_KINDS = ['group', 'location', 'department'] as const;

export const BoardChannel = z.object({
  id: z.uuid(),
  kind: z.enum(BOARD_CHANNEL_KINDS),
  locationId: z.uuid().nullable(),
  locationName: z.string().nullable(),
  department: z.enum(DEPARTMENT_KINDS).nullable(),
  /** Posts by others since the reader last opened the channel; counted up to 100. */
  unread: z.number().int(),
  lastPostAt: z.string().nullable(),
});
export type BoardChannel = z.infer<typeof BoardChannel>;

export const BoardPerson = z.object({ id: z.uuid(), name: z.string() });

export const BoardThreadSummary = z.object({
  id: z.uuid(),
  channelId: z.uuid(),
  title: z.string(),
  author: BoardPerson,
  contact: z.object({ id: z.uuid(), name: z.string(), customerNumber: z.string() }).nullable(),
  /** The internal customer message the thread was started from. */
  messageId: z.uuid().nullable(),
  posts: z.number().int(),
  createdAt: z.string(),
  lastPostAt: z.string(),
  /** The first post's opening words. */
  preview: z.string(),
});
export type BoardThreadSummary = z.infer<typeof BoardThreadSummary>;

/** A file on a post: downloaded through /api/documents/:id by whoever reads the channel. */
export const BoardAttachment = z.object({
  id: z.uuid(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
});
export type BoardAttachment = z.infer<typeof BoardAttachment>;

export const BoardPost = z.object({
  id: z.uuid(),
  threadId: z.uuid(),
  author: BoardPerson,
  /** As written. */
  body: z.string(),
  createdAt: z.string(),
  mentions: z.array(BoardPerson),
  reactions: z.array(z.object({ emoji: z.string(), count: z.number().int(), mine: z.boolean() })),
  attachments: z.array(BoardAttachment),
});
export type BoardPost = z.infer<typeof BoardPost>;

export const BoardThread = BoardThreadSummary.extend({ channel: BoardChannel, items: z.array(BoardPost) });
export type BoardThread = z.infer<typeof BoardThread>;

export const BoardThreadPage = z.object({ items: z.array(BoardThreadSummary), nextCursor: z.string().nullable() });

const body = z.string().trim().min(1).max(BOARD_LIMITS.body);
const mentions = z.array(z.uuid()).max(BOARD_LIMITS.mentions).default([]);

export const NewBoardThread = z.object({
  title: z.string().trim().min(1).max(BOARD_LIMITS.title),
  body,
  contactId: z.uuid().optional(),
  mentions,
});
export const NewBoardPost = z.object({ body, mentions });
export const BoardReactionInput = z.object({ emoji: z.enum(BOARD_REACTIONS) });

export const BoardThreadQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
export const BoardSearchQuery = z.object({ q: z.string().trim().min(2).max(BOARD_LIMITS.query) });
export const BoardSearchResult = z.object({
  items: z.array(
    z.object({
      threadId: z.uuid(),
      channelId: z.uuid(),
      title: z.string(),
      postId: z.uuid().nullable(),
      excerpt: z.string(),
      at: z.string(),
    }),
  ),
});
