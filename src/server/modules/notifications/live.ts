import type { DbOrTx } from '@server/db/client';
import type { WriteBatch } from '@server/db/together';
import type { Deps } from '@server/deps';
import type { EventBus, Unsubscribe } from './event-bus';
import * as repo from './repo';

/** The NOTIFY channel that carries live events to users, from any process to every process. */
export const EVENTS_CHANNEL = 'crm_events';

/**
 * How far back a replay looks before the newest event already delivered: transactions
 * commit in another order than they took their ids, so an older event may still arrive.
 */
const REPLAY_MARGIN_MS = 30_000;
/** Rows older than this are no longer replayed; a browser back after longer reloads its lists. */
const KEEP_FOR = '1 hour';
/** Ids delivered lately, remembered so a replay does not deliver them twice. */
const REMEMBERED = 5000;

/** What a user's open event stream receives; `type` becomes the SSE event name, `id` its id. */
export interface LiveEvent {
  id?: number;
  type: string;
  data: unknown;
}
export type LiveListener = (event: LiveEvent) => void;

/** The NOTIFY the insert trigger sends: the event itself, or for a large one only its id. */
interface Wire {
  id: number;
  userId: string;
  at: string;
  type?: string;
  data?: unknown;
}

const eventOf = (row: repo.LiveEventRow): LiveEvent => ({ id: row.id, type: row.type, data: row.data });

/**
 * Live events for users' open streams. Each is a row in live_events, written
 * in the caller's transaction; its insert trigger sends the NOTIFY when it
 * commits. A process that loses its listening connection replays the rows
 * it may have missed once it listens again, and a browser that reconnects
 * names the last id it saw and is sent what came after.
 */
export function createLiveEvents({ db, log }: Pick<Deps, 'db' | 'log'>, bus: EventBus) {
  const listeners = new Map<string, Set<LiveListener>>();
  const delivered = new Map<number, number>();
  /** Database time of the newest event delivered, or of when listening began. */
  let watermark = 0;
  let listening: Promise<Unsubscribe> | undefined;

  function remember(id: number, at: number) {
    delivered.set(id, at);
    if (at > watermark) watermark = at;
    if (delivered.size > REMEMBERED) {
      for (const [old, when] of delivered) {
        if (delivered.size <= REMEMBERED / 2 || when >= watermark - 2 * REPLAY_MARGIN_MS) break;
        delivered.delete(old);
      }
    }
  }

  function dispatch(userId: string, event: LiveEvent) {
    for (const listener of listeners.get(userId) ?? []) {
      try {
        listener(event);
      } catch (err) {
        log.warn({ err }, 'a live event stream failed to take an event');
      }
    }
  }

  async function receive(wire: Wire) {
    if (delivered.has(wire.id)) return;
    const at = Date.parse(wire.at);
    if (wire.type !== undefined) {
      remember(wire.id, at);
      dispatch(wire.userId, { id: wire.id, type: wire.type, data: wire.data });
      return;
    }
    if (!listeners.get(wire.userId)?.size) return remember(wire.id, at);
    const row = await repo.findLiveEvent(db, wire.id);
    remember(wire.id, at);
    if (row) dispatch(row.userId, eventOf(row));
  }

  /** After listening again: what was published meanwhile, then a hint to reload the lists. */
  async function replay() {
    const userIds = [...listeners.keys()];
    const rows = await repo.liveEventsSince(db, userIds, new Date(watermark - REPLAY_MARGIN_MS));
    for (const row of rows) {
      if (delivered.has(row.id)) continue;
      remember(row.id, row.insertedAt.getTime());
      dispatch(row.userId, eventOf(row));
    }
    for (const userId of userIds) dispatch(userId, { type: 'resync', data: {} });
    log.info({ replayed: rows.length }, 'live events: listening again, missed events replayed');
  }

  bus.onReconnect(() => {
    replay().catch((err: unknown) => log.warn({ err }, 'could not replay missed live events'));
  });

  const onWire = (payload: unknown) => {
    receive(payload as Wire).catch((err: unknown) => log.warn({ err }, 'could not deliver a live event'));
  };

  async function listen(): Promise<Unsubscribe> {
    const unsubscribe = await bus.subscribe(EVENTS_CHANNEL, onWire);
    watermark = Math.max(watermark, (await repo.databaseNow(db)).getTime());
    return unsubscribe;
  }

  return {
    /** A live event for a user's open streams, sent once the caller's transaction commits. */
    async emit(tx: DbOrTx, userId: string, type: string, data: unknown): Promise<void> {
      await repo.liveEventsInsert(tx, [{ userId, type, data }]);
    },

    /** The same event for several users' streams in one statement, sent once the caller's transaction commits. */
    async emitToMany(tx: DbOrTx, userIds: string[], type: string, data: unknown): Promise<void> {
      if (userIds.length > 0)
        await repo.liveEventsInsert(
          tx,
          userIds.map((userId) => ({ userId, type, data })),
        );
    },

    /** Live events as part of the caller's write batch. */
    emitIn(batch: WriteBatch, events: Array<{ userId: string; type: string; data: unknown }>): void {
      if (events.length > 0) batch.write(repo.liveEventsInsert(db, events));
    },

    /** Live events for one user (all their streams in this process); resolves once listening. */
    async subscribe(userId: string, listener: LiveListener): Promise<Unsubscribe> {
      listening ??= listen();
      try {
        await listening;
      } catch (err) {
        listening = undefined;
        throw err;
      }
      let set = listeners.get(userId);
      if (!set) listeners.set(userId, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0 && listeners.get(userId) === set) listeners.delete(userId);
      };
    },

    /**
     * The user's events since the one with this id (and a margin before it, which the browser
     * recognises by id); false when that event is unknown, e.g. too old: then only reloading helps.
     */
    async since(userId: string, lastId: number, listener: LiveListener): Promise<boolean> {
      const last = await repo.findLiveEvent(db, lastId);
      if (!last || last.userId !== userId) return false;
      const rows = await repo.liveEventsSince(db, [userId], new Date(last.insertedAt.getTime() - REPLAY_MARGIN_MS));
      for (const row of rows) if (row.id !== lastId) listener(eventOf(row));
      return true;
    },

    /** Housekeeping: events older than any replay needs. */
    prune: () => repo.deleteLiveEventsBefore(db, KEEP_FOR),
  };
}
