import type { z } from 'zod';
import type {
  BoardChannel,
  BoardPost,
  BoardThread,
  BoardThreadSummary,
  NewBoardPost,
  NewBoardThread,
} from '@shared/board/schemas';
import { notificationText } from '@shared/texts/notifications';
import type { DbOrTx } from '@server/db/client';
import type { Deps } from '@server/deps';
import type { UserActor } from '@server/http/access';
import { cursorCodec, isTimestamp, isUuid } from '@server/http/cursor';
import { ForbiddenError, NotFoundError, ValidationError } from '@server/http/errors';
import { contactRefs, type MergeHooks } from '@server/modules/contacts';
import type { IncomingFile } from '@server/http/multipart';
import type { DocumentsService } from '@server/modules/documents';
import type { NotificationsService } from '@server/modules/notifications';
import { checkFiles } from '@server/modules/requests';
import { allLocationNames, everyone, loadPeople, type Person } from '@server/modules/org';
import { attachmentsOfPosts, registerPostDocuments, storePostFiles } from './attachments';
import { allChannels, canSee, type ChannelRow, ensureChannels, findChannel, locationChannel } from './channels';
import * as repo from './repo';

/** A thread opens with its newest posts; older ones are rarely read on a board. */
const POSTS_SHOWN = 200;
const SEARCH_RESULTS = 30;

const threadCursor = cursorCodec(
  (value: unknown): value is [string, string] =>
    Array.isArray(value) && value.length === 2 && isTimestamp(value[0]) && isUuid(value[1]),
);

export type BoardService = ReturnType<typeof createBoardService>;

/**
 * The Community Board (R1.1): channels for the group, each location and each department, with
 * threads, replies, @mentions, reactions and unread counts; every post reaches the channel's
 * readers live. A thread can carry a customer and the internal message it discusses.
 */
export function createBoardService(
  { db, clock }: Deps,
  notifications: NotificationsService,
  mergeHooks: MergeHooks,
  documents: DocumentsService,
) {
  // A merged-away customer's threads follow them to the record kept.
  mergeHooks.register('board', (tx, sourceId, targetId) => repo.moveContact(tx, sourceId, targetId));
  registerPostDocuments(documents);

  async function personOf(actor: UserActor): Promise<Person> {
    const person = (await loadPeople(db, [actor.userId])).get(actor.userId);
    if (!person) throw new ForbiddenError();
    return person;
  }

  async function visibleChannel(actor: UserActor, channelId: string): Promise<ChannelRow> {
    const channel = await findChannel(db, channelId);
    if (!channel) throw new NotFoundError('Channel');
    if (!canSee(await personOf(actor), channel)) throw new ForbiddenError('This channel is not one of yours.');
    return channel;
  }

  async function visibleThread(actor: UserActor, threadId: string) {
    const thread = await repo.findThread(db, threadId);
    if (!thread) throw new NotFoundError('Thread');
    const channel = await visibleChannel(actor, thread.channelId);
    return { thread, channel };
  }

  async function presentChannels(userId: string, channels: ChannelRow[]): Promise<BoardChannel[]> {
    const [stats, names] = await Promise.all([
      repo.channelStats(
        db,
        userId,
        channels.map((c) => c.id),
      ),
      allLocationNames(db),
    ]);
    return channels.map((c) => ({
      id: c.id,
      kind: c.kind,
      locationId: c.locationId,
      locationName: c.locationId ? (names.get(c.locationId) ?? null) : null,
      department: c.department,
      unread: stats.get(c.id)?.unread ?? 0,
      lastPostAt: stats.get(c.id)?.lastPostAt?.toISOString() ?? null,
    }));
  }

  async function summaries(rows: repo.ThreadRow[]): Promise<BoardThreadSummary[]> {
    const [authors, contacts, previews] = await Promise.all([
      loadPeople(
        db,
        rows.map((r) => r.authorId),
      ),
      contactRefs(
        db,
        rows.flatMap((r) => (r.contactId ? [r.contactId] : [])),
      ),
      repo.firstPosts(
        db,
        rows.map((r) => r.id),
      ),
    ]);
    return rows.map((r) => {
      const contact = r.contactId ? contacts.get(r.contactId) : undefined;
      return {
        id: r.id,
        channelId: r.channelId,
        title: r.title,
        author: { id: r.authorId, name: authors.get(r.authorId)?.displayName ?? '' },
        contact: contact ? { id: contact.id, name: contact.displayName, customerNumber: contact.customerNumber } : null,
        messageId: r.messageId,
        posts: r.postCount,
        createdAt: r.createdAt.toISOString(),
        lastPostAt: r.lastPostAt.toISOString(),
        preview: previews.get(r.id) ?? '',
      };
    });
  }

  async function presentPosts(userId: string, posts: repo.PostRow[]): Promise<BoardPost[]> {
    const ids = posts.map((p) => p.id);
    const [mentions, reactions, files] = await Promise.all([
      repo.mentionsOf(db, ids),
      repo.reactionsOf(db, ids),
      attachmentsOfPosts(db, ids),
    ]);
    const people = await loadPeople(db, [...posts.map((p) => p.authorId), ...mentions.map((m) => m.userId)]);
    const name = (id: string) => people.get(id)?.displayName ?? '';
    return posts.map((p) => {
      const counts = new Map<string, { count: number; mine: boolean }>();
      for (const r of reactions.filter((x) => x.postId === p.id)) {
        const entry = counts.get(r.emoji) ?? { count: 0, mine: false };
        counts.set(r.emoji, { count: entry.count + 1, mine: entry.mine || r.userId === userId });
      }
      return {
        id: p.id,
        threadId: p.threadId,
        author: { id: p.authorId, name: name(p.authorId) },
        body: p.body,
        createdAt: p.createdAt.toISOString(),
        mentions: mentions.filter((m) => m.postId === p.id).map((m) => ({ id: m.userId, name: name(m.userId) })),
        reactions: [...counts].map(([emoji, c]) => ({ emoji, ...c })),
        attachments: files.get(p.id) ?? [],
      };
    });
  }

  /** Everyone who reads the channel: they hear of each post live. */
  async function readersOf(tx: DbOrTx, channel: ChannelRow): Promise<Person[]> {
    return (await everyone(tx)).filter((p) => p.active && canSee(p, channel));
  }

  /**
   * Writes a post (the thread's first or a reply) and tells the channel's readers live; the
   * mentioned colleagues who read the channel get a notification. In the caller's transaction.
   */
  async function postIn(
    tx: DbOrTx,
    channel: ChannelRow,
    thread: { id: string; title: string },
    authorId: string,
    input: { body: string; mentions: string[] },
    files: IncomingFile[] = [],
  ) {
    const at = clock.now();
    const readers = await readersOf(tx, channel);
    const readerIds = new Set(readers.map((r) => r.id));
    const unknown = input.mentions.filter((id) => !readerIds.has(id));
    if (unknown.length > 0)
      throw new ValidationError([
        {
          field: 'mentions',
          in: 'body',
          code: 'mention_not_reader',
          message: 'names colleagues who do not read this channel',
        },
      ]);
    const mentioned = [...new Set(input.mentions)].filter((id) => id !== authorId);
    const post = await repo.insertPost(
      tx,
      { threadId: thread.id, channelId: channel.id, authorId, body: input.body, createdAt: at },
      mentioned,
    );
    await storePostFiles(tx, post.id, authorId, files);
    await repo.markChannelRead(tx, authorId, channel.id, at);
    const author = readers.find((r) => r.id === authorId)?.displayName ?? '';
    if (mentioned.length > 0)
      await notifications.notifyMany(tx, mentioned, {
        kind: 'board.mention',
        link: `/board/threads/${thread.id}`,
        data: { threadId: thread.id, postId: post.id, channelId: channel.id },
        text: notificationText('notification.boardMention', {
          threadId: thread.id,
          author,
          title: thread.title,
          excerpt: input.body.slice(0, 200),
        }),
      });
    const event = { channelId: channel.id, threadId: thread.id, postId: post.id, authorId };
    await notifications.emitToMany(
      tx,
      readers.map((r) => r.id),
      'board.post',
      event,
    );
    return post;
  }

  return {
    /** The channels the user reads: the group's, then per location its own and its departments'. */
    async channels(actor: UserActor): Promise<BoardChannel[]> {
      await ensureChannels(db);
      const person = await personOf(actor);
      const order = { group: 0, location: 1, department: 2 } as const;
      const visible = (await allChannels(db)).filter((c) => canSee(person, c));
      const presented = await presentChannels(actor.userId, visible);
      return presented.sort(
        (a, b) =>
          Number(a.kind !== 'group') - Number(b.kind !== 'group') ||
          (a.locationName ?? '').localeCompare(b.locationName ?? '', 'de') ||
          order[a.kind] - order[b.kind] ||
          (a.department ?? '').localeCompare(b.department ?? ''),
      );
    },

    async threads(actor: UserActor, channelId: string, query: { cursor?: string; limit: number }) {
      await visibleChannel(actor, channelId);
      let after: { lastPostAt: Date; id: string } | undefined;
      if (query.cursor) {
        const [at, id] = threadCursor.decode(query.cursor);
        after = { lastPostAt: new Date(at), id };
      }
      const rows = await repo.threadsOfChannel(db, channelId, query.limit + 1, after);
      const page = rows.slice(0, query.limit);
      const last = page[page.length - 1];
      return {
        items: await summaries(page),
        nextCursor:
          rows.length > query.limit && last ? threadCursor.encode([last.lastPostAt.toISOString(), last.id]) : null,
      };
    },

    async thread(actor: UserActor, threadId: string): Promise<BoardThread> {
      const { thread, channel } = await visibleThread(actor, threadId);
      const [[summary], [presentedChannel], posts] = await Promise.all([
        summaries([thread]),
        presentChannels(actor.userId, [channel]),
        repo.postsOfThread(db, thread.id, POSTS_SHOWN),
      ]);
      return { ...summary!, channel: presentedChannel!, items: await presentPosts(actor.userId, posts) };
    },

    async createThread(
      actor: UserActor,
      channelId: string,
      input: z.output<typeof NewBoardThread>,
      files: IncomingFile[] = [],
    ): Promise<BoardThreadSummary> {
      const channel = await visibleChannel(actor, channelId);
      await checkFiles(files, 'files');
      if (input.contactId && !(await contactRefs(db, [input.contactId])).has(input.contactId))
        throw new ValidationError([
          { field: 'contactId', in: 'body', code: 'unknown_contact', message: 'no such customer' },
        ]);
      const row = await db.transaction(async (tx) => {
        const thread = await repo.insertThread(tx, {
          channelId: channel.id,
          title: input.title,
          authorId: actor.userId,
          contactId: input.contactId ?? null,
          lastPostAt: clock.now(),
        });
        await postIn(tx, channel, thread, actor.userId, input, files);
        return (await repo.findThread(tx, thread.id))!;
      });
      return (await summaries([row]))[0]!;
    },

    /** A reply, with files when given: the post and its files are stored together or not at all. */
    async reply(
      actor: UserActor,
      threadId: string,
      input: z.output<typeof NewBoardPost>,
      files: IncomingFile[] = [],
    ): Promise<BoardPost> {
      const { thread, channel } = await visibleThread(actor, threadId);
      await checkFiles(files, 'files');
      const post = await db.transaction((tx) => postIn(tx, channel, thread, actor.userId, input, files));
      return (await presentPosts(actor.userId, [post]))[0]!;
    },

    async react(actor: UserActor, postId: string, emoji: string): Promise<BoardPost> {
      const post = await repo.findPost(db, postId);
      if (!post) throw new NotFoundError('Post');
      const channel = await visibleChannel(actor, post.channelId);
      await db.transaction(async (tx) => {
        await repo.toggleReaction(tx, postId, actor.userId, emoji);
        const event = { channelId: channel.id, threadId: post.threadId, postId, authorId: actor.userId };
        const readers = await readersOf(tx, channel);
        await notifications.emitToMany(
          tx,
          readers.map((r) => r.id),
          'board.reaction',
          event,
        );
      });
      return (await presentPosts(actor.userId, [post]))[0]!;
    },

    async markRead(actor: UserActor, channelId: string): Promise<void> {
      await visibleChannel(actor, channelId);
      await repo.markChannelRead(db, actor.userId, channelId, clock.now());
    },

    async search(actor: UserActor, q: string) {
      const person = await personOf(actor);
      const channelIds = (await allChannels(db)).filter((c) => canSee(person, c)).map((c) => c.id);
      const rows = await repo.search(db, channelIds, q, SEARCH_RESULTS);
      return {
        items: rows.map((r) => ({
          threadId: r.thread_id,
          channelId: r.channel_id,
          title: r.title,
          postId: r.post_id,
          excerpt: excerpt(r.text, q),
          at: r.at.toISOString(),
        })),
      };
    },

    /** The threads about a customer the user may read (the customer record lists them). */
    async threadsOfContact(actor: UserActor, contactId: string): Promise<BoardThreadSummary[]> {
      const person = await personOf(actor);
      const channels = new Map((await allChannels(db)).map((c) => [c.id, c]));
      const rows = (await repo.threadsOfContact(db, contactId)).filter((r) => {
        const channel = channels.get(r.channelId);
        return channel !== undefined && canSee(person, channel);
      });
      return summaries(rows);
    },

    /**
     * "To the board": a thread in the location's channel about an internal customer message —
     * titled "customer number · name", opening with the message quoted — in the caller's
     * transaction. A message has one thread: asked again, the existing one is returned.
     */
    async threadFromMessageIn(
      tx: DbOrTx,
      message: {
        messageId: string;
        locationId: string;
        contactId: string;
        customerNumber: string;
        customerName: string;
        text: string;
        authorId: string;
        mentions?: string[];
      },
    ): Promise<{ threadId: string; created: boolean }> {
      const existing = await repo.threadOfMessage(tx, message.messageId);
      if (existing) return { threadId: existing.id, created: false };
      await ensureChannels(tx);
      const channel = await locationChannel(tx, message.locationId);
      if (!channel) throw new NotFoundError('Board channel of the location');
      const title = `${message.customerNumber} · ${message.customerName}`.slice(0, 200);
      const thread = await repo.insertThread(tx, {
        channelId: channel.id,
        title,
        authorId: message.authorId,
        contactId: message.contactId,
        messageId: message.messageId,
        lastPostAt: clock.now(),
      });
      const quoted = message.text
        .split('\n')
        .map((line) => `> ${line}`)
        .join('\n');
      await postIn(tx, channel, thread, message.authorId, {
        body: quoted.slice(0, 10_000),
        mentions: message.mentions ?? [],
      });
      return { threadId: thread.id, created: true };
    },

    /** The colleagues who read the channel: whom a post may @mention. */
    async readers(actor: UserActor, channelId: string): Promise<Array<{ id: string; name: string }>> {
      const channel = await visibleChannel(actor, channelId);
      return (await readersOf(db, channel))
        .map((p) => ({ id: p.id, name: p.displayName }))
        .sort((a, b) => a.name.localeCompare(b.name, 'de'));
    },

    /** The threads messages were taken to the board in, by message id (a page of messages at once). */
    async threadsOfMessages(tx: DbOrTx, messageIds: string[]): Promise<Map<string, string>> {
      return repo.threadsOfMessages(tx, messageIds);
    },

    /** The thread a message was taken to the board in, if any. */
    async threadOfMessage(tx: DbOrTx, messageId: string): Promise<string | null> {
      return (await repo.threadOfMessage(tx, messageId))?.id ?? null;
    },
  };
}

/** Up to 160 characters around the first hit, so the list shows why a post matched. */
function excerpt(text: string, q: string): string {
  const at = text.toLocaleLowerCase('de').indexOf(q.toLocaleLowerCase('de'));
  const start = Math.max(0, at - 60);
  const cut = text.slice(start, start + 160);
  return `${start > 0 ? '…' : ''}${cut}${start + 160 < text.length ? '…' : ''}`;
}
