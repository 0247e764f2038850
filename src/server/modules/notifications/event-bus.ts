import { type SQL, sql } from 'drizzle-orm';
import pg from 'pg';
import type { Logger } from 'pino';
import type { Database, DbOrTx } from '@server/db/client';

export type EventListener = (payload: unknown) => void;
export type Unsubscribe = () => void;

/**
 * Live signals between server processes. Publishing is a NOTIFY inside the
 * caller's transaction, so listeners hear of a change only once it committed
 * (and never of one rolled back); every process LISTENs on one dedicated
 * connection. PGlite speaks LISTEN/NOTIFY too, so both engines behave alike.
 */
export interface EventBus {
  publish(tx: DbOrTx, channel: string, payload: unknown): Promise<void>;
  /** The NOTIFY as an expression, for a caller that sends it in one statement with its insert. */
  notifyExpression(channel: string, payload: unknown): SQL;
  /** Resolves once the process is listening, so nothing published afterwards is missed. */
  subscribe(channel: string, listener: EventListener): Promise<Unsubscribe>;
  /**
   * Called each time the process listens again after losing its listening connection:
   * whatever was published meanwhile was not heard, and a subscriber that keeps its events
   * as rows can look them up. Never called on PGlite, which has no connection to lose.
   */
  onReconnect(listener: () => void): Unsubscribe;
  close(): Promise<void>;
}

/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more. */
export const MAX_PAYLOAD_BYTES = 7900;

interface Channel {
  listeners: Set<EventListener>;
  ready: Promise<void>;
}

/** Connects a listening session on first use; on PostgreSQL it reconnects after a lost connection. */
interface Listening {
  listen(channel: string, deliver: (raw: string) => void): Promise<void>;
  close(): Promise<void>;
}

/** The listening connection's application_name. */
export const LISTENER_NAME = 'crm-live-events';

/** Back-off between attempts to listen again: from half a second, doubling, to at most 30 seconds. */
const RECONNECT_FIRST_MS = 500;
const RECONNECT_MAX_MS = 30_000;

export function createEventBus(database: Database, log: Logger): EventBus {
  const channels = new Map<string, Channel>();
  const reconnectListeners = new Set<() => void>();
  let closed = false;
  const reconnected = () => {
    for (const listener of reconnectListeners) {
      try {
        listener();
      } catch (err) {
        log.warn({ err }, 'a reconnect listener failed');
      }
    }
  };

  const deliver = (channel: string) => (raw: string) => {
    let payload: unknown;
    try {
      payload = JSON.parse(raw);
    } catch {
      log.warn({ channel }, 'ignored a live event that is not JSON');
      return;
    }
    for (const listener of channels.get(channel)?.listeners ?? []) {
      try {
        listener(payload);
      } catch (err) {
        log.warn({ err, channel }, 'a live event listener failed');
      }
    }
  };

  function notifyExpression(channel: string, payload: unknown): SQL {
    const json = JSON.stringify(payload);
    if (Buffer.byteLength(json) > MAX_PAYLOAD_BYTES)
      throw new Error(`live event on ${channel} is too large (${json.length} bytes)`);
    return sql`pg_notify(${channel}, ${json})`;
  }

  const listening: Listening = database.pglite ? pgliteListening(database) : pgListening(database, log, reconnected);

  return {
    async publish(tx, channel, payload) {
      await tx.execute(sql`SELECT ${notifyExpression(channel, payload)}`);
    },
    notifyExpression,
    async subscribe(channel, listener) {
      if (closed) throw new Error('the event bus is closed');
      let entry = channels.get(channel);
      if (!entry) {
        entry = { listeners: new Set(), ready: listening.listen(channel, deliver(channel)) };
        channels.set(channel, entry);
        entry.ready.catch(() => channels.delete(channel));
      }
      await entry.ready;
      entry.listeners.add(listener);
      const listeners = entry.listeners;
      return () => void listeners.delete(listener);
    },
    onReconnect(listener) {
      reconnectListeners.add(listener);
      return () => void reconnectListeners.delete(listener);
    },
    async close() {
      closed = true;
      channels.clear();
      await listening.close();
    },
  };
}

function pgliteListening(database: Database): Listening {
  const client = database.pglite!;
  const stops: Array<() => Promise<void>> = [];
  return {
    async listen(channel, deliver) {
      stops.push(await client.listen(channel, deliver));
    },
    async close() {
      // The database may already be closed by then; nothing is left to stop.
      if (client.closed) return;
      await Promise.all(stops.map((stop) => stop().catch(() => undefined)));
    },
  };
}

function pgListening(database: Database, log: Logger, reconnected: () => void): Listening {
  const handlers = new Map<string, (raw: string) => void>();
  let current: pg.Client | undefined;
  let connecting: Promise<pg.Client> | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  let failures = 0;
  let listenedBefore = false;

  const quote = (channel: string) => `"${channel.replaceAll('"', '""')}"`;

  /** Tries again later, longer after each failure in a row; the next success calls `reconnected`. */
  function scheduleReconnect() {
    if (closed || retry || handlers.size === 0) return;
    const delay = Math.min(RECONNECT_MAX_MS, RECONNECT_FIRST_MS * 2 ** failures);
    failures += 1;
    retry = setTimeout(() => {
      retry = undefined;
      connect().catch((err: unknown) => log.warn({ err, failures }, 'live event reconnect failed'));
    }, delay);
    retry.unref();
  }

  /** One listening connection; once lost it is never used again, a new one takes its place. */
  async function open(): Promise<pg.Client> {
    // Named, so an administrator sees in pg_stat_activity which connection carries live events.
    const c = new pg.Client({ ...database.pool!.options, application_name: LISTENER_NAME });
    let gone = false;
    const lost = (err?: Error) => {
      if (gone) return;
      gone = true;
      if (current === c) current = undefined;
      c.removeAllListeners('error');
      c.on('error', () => undefined);
      c.end().catch(() => undefined);
      if (closed) return;
      log.warn({ err }, 'live event connection lost; listening again');
      scheduleReconnect();
    };
    c.on('notification', (msg) => {
      if (msg.payload !== undefined) handlers.get(msg.channel)?.(msg.payload);
    });
    c.on('error', lost);
    c.on('end', () => lost());
    try {
      await c.connect();
      for (const channel of handlers.keys()) await c.query(`LISTEN ${quote(channel)}`);
    } catch (err) {
      lost(err as Error);
      throw err;
    }
    if (gone) throw new Error('the live event connection was lost while it started listening');
    current = c;
    failures = 0;
    if (listenedBefore) reconnected();
    listenedBefore = true;
    return c;
  }

  function connect(): Promise<pg.Client> {
    if (current) return Promise.resolve(current);
    connecting ??= open().finally(() => {
      connecting = undefined;
    });
    return connecting;
  }

  return {
    async listen(channel, deliver) {
      handlers.set(channel, deliver);
      const c = await connect();
      await c.query(`LISTEN ${quote(channel)}`);
    },
    async close() {
      closed = true;
      clearTimeout(retry);
      const c = current ?? (await connecting?.catch(() => undefined));
      current = undefined;
      await c?.end().catch(() => undefined);
    },
  };
}
