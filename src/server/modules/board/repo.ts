import { and, asc, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '@server/db/client';
import { boardMentions, boardPosts, boardReactions, boardReads, boardThreads } from './tables';

export type ThreadRow = typeof boardThreads.$inferSelect;
export type PostRow = typeof boardPosts.$inferSelect;

const uuidArray = (ids: string[]) =>
  sql`ARRAY[${sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )}]::uuid[]`;

/** Unread posts are counted up to this: "99+" says enough, and the count stays an index range. */
export const UNREAD_CAP = 100;

/** Per channel: when it was last posted in, and how many posts by others the user has not seen (up to the cap). */
export async function channelStats(
  db: DbOrTx,
  userId: string,
  channelIds: string[],
): Promise<Map<string, { unread: number; lastPostAt: Date | null }>> {
  if (channelIds.length === 0) return new Map();
  const result = (await db.execute(sql`
    SELECT c.id,
           (SELECT max(p.created_at) FROM board_posts p WHERE p.channel_id = c.id) AS last_post_at,
           (SELECT count(*) FROM (
              SELECT 1 FROM board_posts p
               WHERE p.channel_id = c.id AND p.author_id <> ${userId}
                 AND p.created_at > coalesce((SELECT r.read_at FROM board_reads r
                                               WHERE r.user_id = ${userId} AND r.channel_id = c.id), '-infinity')
               LIMIT ${UNREAD_CAP}) AS x)::int AS unread
      FROM unnest(${uuidArray(channelIds)}) AS c(id)`)) as unknown as {
    rows: Array<{ id: string; last_post_at: Date | string | null; unread: number }>;
  };
  return new Map(
    result.rows.map((r) => [
      r.id,
      { unread: Number(r.unread), lastPostAt: r.last_post_at ? new Date(r.last_post_at) : null },
    ]),
  );
}

export async function markChannelRead(db: DbOrTx, userId: string, channelId: string, at: Date): Promise<void> {
  await db
    .insert(boardReads)
    .values({ userId, channelId, readAt: at })
    .onConflictDoUpdate({ target: [boardReads.userId, boardReads.channelId], set: { readAt: at } });
}

/** A channel's threads, last posted in first; keyset-paged on (lastPostAt, id). */
export async function threadsOfChannel(
  db: DbOrTx,
  channelId: string,
  limit: number,
  after?: { lastPostAt: Date; id: string },
): Promise<ThreadRow[]> {
  return db
    .select()
    .from(boardThreads)
    .where(
      and(
        eq(boardThreads.channelId, channelId),
        after
          ? or(
              lt(boardThreads.lastPostAt, after.lastPostAt),
              and(eq(boardThreads.lastPostAt, after.lastPostAt), lt(boardThreads.id, after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(boardThreads.lastPostAt), desc(boardThreads.id))
    .limit(limit);
}

export async function threadsOfContact(db: DbOrTx, contactId: string): Promise<ThreadRow[]> {
  return db
    .select()
    .from(boardThreads)
    .where(eq(boardThreads.contactId, contactId))
    .orderBy(desc(boardThreads.lastPostAt))
    .limit(50);
}

export async function findThread(db: DbOrTx, id: string): Promise<ThreadRow | null> {
  const [row] = await db.select().from(boardThreads).where(eq(boardThreads.id, id));
  return row ?? null;
}

export async function threadOfMessage(db: DbOrTx, messageId: string): Promise<ThreadRow | null> {
  const [row] = await db.select().from(boardThreads).where(eq(boardThreads.messageId, messageId));
  return row ?? null;
}

/** The threads the messages were taken to the board in, by message id. */
export async function threadsOfMessages(db: DbOrTx, messageIds: string[]): Promise<Map<string, string>> {
  if (messageIds.length === 0) return new Map();
  const rows = await db
    .select({ id: boardThreads.id, messageId: boardThreads.messageId })
    .from(boardThreads)
    .where(inArray(boardThreads.messageId, messageIds));
  return new Map(rows.map((r) => [r.messageId!, r.id]));
}

/** The first post of each thread, for the list's preview line. */
export async function firstPosts(db: DbOrTx, threadIds: string[]): Promise<Map<string, string>> {
  if (threadIds.length === 0) return new Map();
  const result = (await db.execute(sql`
    SELECT t.id, (SELECT left(p.body, 200) FROM board_posts p WHERE p.thread_id = t.id
                   ORDER BY p.created_at, p.id LIMIT 1) AS body
      FROM unnest(${uuidArray(threadIds)}) AS t(id)`)) as unknown as {
    rows: Array<{ id: string; body: string | null }>;
  };
  return new Map(result.rows.map((r) => [r.id, r.body ?? '']));
}

/** The newest posts of a thread, oldest first: a long thread opens at its end. */
export async function postsOfThread(db: DbOrTx, threadId: string, limit: number): Promise<PostRow[]> {
  const rows = await db
    .select()
    .from(boardPosts)
    .where(eq(boardPosts.threadId, threadId))
    .orderBy(desc(boardPosts.createdAt), desc(boardPosts.id))
    .limit(limit);
  return rows.reverse();
}

export async function findPost(db: DbOrTx, id: string): Promise<PostRow | null> {
  const [row] = await db.select().from(boardPosts).where(eq(boardPosts.id, id));
  return row ?? null;
}

export async function mentionsOf(db: DbOrTx, postIds: string[]) {
  if (postIds.length === 0) return [];
  return db.select().from(boardMentions).where(inArray(boardMentions.postId, postIds));
}

export async function reactionsOf(db: DbOrTx, postIds: string[]) {
  if (postIds.length === 0) return [];
  return db
    .select()
    .from(boardReactions)
    .where(inArray(boardReactions.postId, postIds))
    .orderBy(asc(boardReactions.emoji));
}

export async function insertThread(db: DbOrTx, row: typeof boardThreads.$inferInsert): Promise<ThreadRow> {
  const [inserted] = await db.insert(boardThreads).values(row).returning();
  return inserted!;
}

/** The post, the thread's count and last activity, and the mentions, in the caller's transaction. */
export async function insertPost(
  db: DbOrTx,
  row: { threadId: string; channelId: string; authorId: string; body: string; createdAt: Date },
  mentionIds: string[],
): Promise<PostRow> {
  const [post] = await db.insert(boardPosts).values(row).returning();
  await db
    .update(boardThreads)
    .set({ postCount: sql`${boardThreads.postCount} + 1`, lastPostAt: row.createdAt })
    .where(eq(boardThreads.id, row.threadId));
  if (mentionIds.length > 0)
    await db.insert(boardMentions).values(mentionIds.map((userId) => ({ postId: post!.id, userId })));
  return post!;
}

/** Adds the reaction, or takes it back when the user had given it; returns whether it is now given. */
export async function toggleReaction(db: DbOrTx, postId: string, userId: string, emoji: string): Promise<boolean> {
  const removed = await db
    .delete(boardReactions)
    .where(and(eq(boardReactions.postId, postId), eq(boardReactions.userId, userId), eq(boardReactions.emoji, emoji)))
    .returning({ postId: boardReactions.postId });
  if (removed.length > 0) return false;
  await db.insert(boardReactions).values({ postId, userId, emoji }).onConflictDoNothing();
  return true;
}

/** Posts and thread titles containing the words, in the given channels, newest first (the trigram index answers). */
export async function search(db: DbOrTx, channelIds: string[], query: string, limit: number) {
  if (channelIds.length === 0) return [];
  const pattern = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const result = (await db.execute(sql`
    (SELECT p.thread_id, p.channel_id, t.title, p.id AS post_id, p.body AS text, p.created_at AS at
       FROM board_posts p JOIN board_threads t ON t.id = p.thread_id
      WHERE p.channel_id = ANY(${uuidArray(channelIds)}) AND p.body ILIKE ${pattern}
      ORDER BY p.created_at DESC LIMIT ${limit})
    UNION ALL
    (SELECT t.id, t.channel_id, t.title, NULL, t.title, t.created_at
       FROM board_threads t
      WHERE t.channel_id = ANY(${uuidArray(channelIds)}) AND t.title ILIKE ${pattern}
      ORDER BY t.created_at DESC LIMIT ${limit})`)) as unknown as {
    rows: Array<{
      thread_id: string;
      channel_id: string;
      title: string;
      post_id: string | null;
      text: string;
      at: Date | string;
    }>;
  };
  return result.rows
    .map((r) => ({ ...r, at: new Date(r.at) }))
    .sort((a, b) => b.at.getTime() - a.at.getTime())
    .slice(0, limit);
}

export async function moveContact(db: DbOrTx, fromId: string, toId: string): Promise<void> {
  await db.update(boardThreads).set({ contactId: toId }).where(eq(boardThreads.contactId, fromId));
}
