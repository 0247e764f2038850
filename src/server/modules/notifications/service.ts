import { randomUUID } from 'node:crypto';
import type { Notification, NotificationPage } from '@shared/notifications/schemas';
import { renderNotificationText } from '@shared/texts/notifications';
import { DEFAULT_LOCALE, translator, type TextRef } from '@shared/texts/translate';
import type { DbOrTx } from '@server/db/client';
import { WriteBatch } from '@server/db/together';
import type { Deps } from '@server/deps';
import { cursorCodec, isTimestamp, isUuid } from '@server/http/cursor';
import type { EventBus } from './event-bus';
import { createLiveEvents } from './live';
import * as repo from './repo';

export { EVENTS_CHANNEL, type LiveEvent, type LiveListener } from './live';

export type NotificationInput = {
  kind: string;
  link?: string | null;
  data?: Record<string, unknown>;
} & (
  | { title: string; body?: string | null; text?: undefined }
  /** Stored by key; the title and body are filled in German for API clients. */
  | { text: TextRef; title?: undefined; body?: undefined }
);

const germanTexts = translator(DEFAULT_LOCALE);

function titleAndBody(input: NotificationInput): { title: string; body: string | null } {
  if (!input.text) return { title: input.title, body: input.body ?? null };
  const rendered = renderNotificationText(input.text, germanTexts, DEFAULT_LOCALE);
  if (!rendered) throw new Error(`unknown notification text ${input.text.key}`);
  return rendered;
}

export function presentNotification(row: repo.NotificationRow): Notification {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    text: row.textKey ? { key: row.textKey, params: row.textParams ?? {} } : null,
    link: row.link,
    data: row.data,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}

/** Cursor: the last notification's created_at and id. */
const notificationCursor = cursorCodec(
  (value: unknown): value is [string, string] =>
    Array.isArray(value) && value.length === 2 && isTimestamp(value[0]) && isUuid(value[1]),
);

const encodeCursor = (row: repo.NotificationRow) => notificationCursor.encode([row.createdAt.toISOString(), row.id]);

function decodeNotificationCursor(cursor: string): { createdAt: Date; id: string } {
  const [at, id] = notificationCursor.decode(cursor);
  return { createdAt: new Date(at), id };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;

/**
 * In-app notifications. Writing one joins the caller's transaction and sends
 * a live event that reaches the user's open streams, in whichever server
 * process they are connected, once the transaction commits.
 */
export function createNotificationsService({ db, clock, log }: Deps, bus: EventBus) {
  const live = createLiveEvents({ db, log }, bus);
  const { emit } = live;

  /** The rows and their live events, added to a write batch. */
  function notifyManyIn(batch: WriteBatch, userIds: string[], input: NotificationInput): Notification[] {
    const createdAt = clock.now();
    const { title, body } = titleAndBody(input);
    const rows: repo.NotificationRow[] = [...new Set(userIds)].map((userId) => ({
      id: randomUUID(),
      userId,
      kind: input.kind,
      title,
      body,
      textKey: input.text?.key ?? null,
      textParams: input.text?.params ?? null,
      link: input.link ?? null,
      data: input.data ?? {},
      createdAt,
      readAt: null,
    }));
    if (rows.length === 0) return [];
    const notifications = rows.map(presentNotification);
    batch.write(repo.notificationsInsert(db, rows));
    live.emitIn(
      batch,
      notifications.map((notification, i) => ({ userId: rows[i]!.userId, type: 'notification', data: notification })),
    );
    return notifications;
  }

  async function notifyMany(tx: DbOrTx, userIds: string[], input: NotificationInput): Promise<Notification[]> {
    // The rows and their live events in one statement.
    const batch = new WriteBatch();
    const notifications = notifyManyIn(batch, userIds, input);
    await batch.run(tx);
    return notifications;
  }

  return {
    /** Notifies one user in the caller's transaction; the live event goes out when it commits. */
    async notify(tx: DbOrTx, userId: string, input: NotificationInput): Promise<Notification> {
      const [notification] = await notifyMany(tx, [userId], input);
      return notification!;
    },

    notifyMany,

    /** Notifies one user as part of the caller's write batch; the live event goes out when it commits. */
    notifyIn(batch: WriteBatch, userId: string, input: NotificationInput): Notification {
      return notifyManyIn(batch, [userId], input)[0]!;
    },

    /** A live event for a user's open streams without a stored notification, e.g. "this list changed". */
    emit,
    /** One live event for several users in one statement: a board post for its channel's readers, "who is on duty changed" for a location's staff. */
    emitToMany: live.emitToMany,

    async list(
      userId: string,
      query: { unreadOnly?: boolean; limit?: number; cursor?: string } = {},
    ): Promise<NotificationPage> {
      const limit = query.limit ?? 30;
      const rows = await repo.listNotifications(db, userId, {
        unreadOnly: query.unreadOnly ?? false,
        limit: limit + 1,
        after: query.cursor ? decodeNotificationCursor(query.cursor) : undefined,
      });
      const page = rows.slice(0, limit);
      return {
        items: page.map(presentNotification),
        nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1]!) : null,
        unreadCount: await repo.countUnread(db, userId),
      };
    },

    /** Marks the user's own notifications read; other users' ids are ignored. Other tabs hear of it live. */
    async markRead(userId: string, ids: string[] | 'all'): Promise<{ updated: number; unreadCount: number }> {
      return db.transaction(async (tx) => {
        const changed = await repo.markRead(tx, userId, ids, clock.now());
        const unreadCount = await repo.countUnread(tx, userId);
        if (changed.length > 0)
          await emit(tx, userId, 'notifications.read', { ids: ids === 'all' ? 'all' : changed, unreadCount });
        return { updated: changed.length, unreadCount };
      });
    },

    /** Whether the user has opened or dismissed a notification (false for an unknown one). */
    async wasRead(tx: DbOrTx, id: string): Promise<boolean> {
      return Boolean((await repo.findNotification(tx, id))?.readAt);
    },

    unreadCount(userId: string): Promise<number> {
      return repo.countUnread(db, userId);
    },

    /** Live events for one user (all their streams in this process); resolves once listening. */
    subscribe: live.subscribe,

    /** A reconnecting stream's catch-up from the last event id its browser saw. */
    liveEventsSince: live.since,

    /** Housekeeping: live events too old to be replayed. */
    pruneLiveEvents: live.prune,
  };
}
