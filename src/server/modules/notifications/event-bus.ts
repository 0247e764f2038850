import { type SQL, sql } from 'drizzle-orm';
import pg from 'pg';
import type { Logger } from 'pino';
import type { Database, DbOrTx } from '../../db/client';

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

export function createEventBus(database: Database, log: Logger): EventBus {
  const channels = new Map<string, Channel>();
  let closed = false;

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

  const listening: Listening = database.pglite ? pgliteListening(database) : pgListening(database, log);

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

function pgListening(database: Database, log: Logger): Listening {
  const handlers = new Map<string, (raw: string) => void>();
  let client: Promise<pg.Client> | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;

  const quote = (channel: string) => `"${channel.replaceAll('"', '""')}"`;

  function connect(): Promise<pg.Client> {
    client ??= (async () => {
      const c = new pg.Client(database.pool!.options);
      c.on('notification', (msg) => {
        if (msg.payload !== undefined) handlers.get(msg.channel)?.(msg.payload);
      });
      // A lost connection loses LISTEN too: reconnect and listen again. Events sent meanwhile are
      // missed; clients reload their lists when the stream reconnects, so nothing stays stale.
      const lost = (err?: Error) => {
        client = undefined;
        c.removeAllListeners('error');
        c.on('error', () => undefined);
        if (closed) return;
        log.warn({ err }, 'live event connection lost; reconnecting');
        retry = setTimeout(() => {
          if (!closed && handlers.size > 0) {
            connect().catch((e: unknown) => {
              log.warn({ err: e }, 'live event reconnect failed');
              lost();
            });
          }
        }, 1000);
        retry.unref();
      };
      c.on('error', lost);
      c.on('end', () => lost());
      await c.connect();
      for (const channel of handlers.keys()) await c.query(`LISTEN ${quote(channel)}`);
      return c;
    })();
    const attempt = client;
    attempt.catch(() => {
      if (client === attempt) client = undefined;
    });
    return attempt;
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
      const c = client;
      client = undefined;
      if (c) await (await c.catch(() => undefined))?.end().catch(() => undefined);
    },
  };
}
