import type { ServerResponse } from 'node:http';
import type { FastifyReply } from 'fastify';

const HEARTBEAT_MS = 25_000;
/** How long a browser waits before reconnecting a dropped stream. */
const RETRY_MS = 3000;

/** One open Server-Sent Events response. */
export interface SseStream {
  /** The login session the stream was opened with; it ends when that session does. */
  readonly sessionId: string;
  /** With an id, a browser that reconnects names it in Last-Event-ID and is sent what came after. */
  send(event: string, data: unknown, id?: number): void;
  end(): void;
  /** Called once when the client goes away or the stream is ended. */
  onClose(listener: () => void): void;
}

/**
 * Open event streams of this process, so a shutdown can end them: a
 * long-lived response would otherwise keep the server from closing.
 */
export class SseStreams {
  private readonly open = new Set<SseStream>();

  /** Takes the response over from Fastify and turns it into an event stream. */
  start(reply: FastifyReply, requestId: string, sessionId: string): SseStream {
    const log = reply.log;
    reply.hijack();
    const res: ServerResponse = reply.raw;
    // Headers set by hooks so far (helmet) are already on res; onSend no longer runs.
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      // Reverse proxies (nginx) would otherwise buffer the stream.
      'x-accel-buffering': 'no',
      'x-request-id': requestId,
    });
    const closeListeners: Array<() => void> = [];
    let closed = false;
    // Once ended or gone, nothing more is written: a write after the end would be an 'error'
    // event, and one without a listener ends the process.
    const write = (chunk: string) => {
      if (closed || res.writableEnded || res.destroyed) return;
      res.write(chunk);
    };
    res.on('error', (err) => log.debug({ err }, 'live event stream failed'));
    write(`retry: ${RETRY_MS}\n\n`);
    const heartbeat = setInterval(() => write(': heartbeat\n\n'), HEARTBEAT_MS);
    heartbeat.unref();

    const stream: SseStream = {
      sessionId,
      send(event, data, id) {
        write(`${id === undefined ? '' : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      },
      end() {
        if (closed) return;
        // Nothing more is written once ending, even before the socket reports 'close'.
        closed = true;
        if (!res.writableEnded) res.end();
      },
      onClose(listener) {
        if (closed) listener();
        else closeListeners.push(listener);
      },
    };
    res.on('close', () => {
      closed = true;
      clearInterval(heartbeat);
      this.open.delete(stream);
      for (const listener of closeListeners) {
        try {
          listener();
        } catch (err) {
          log.warn({ err }, 'cleaning up after a live event stream failed');
        }
      }
    });
    this.open.add(stream);
    return stream;
  }

  endAll(): void {
    for (const stream of this.open) stream.end();
  }

  /** The sessions behind the open streams. */
  sessionIds(): string[] {
    return [...new Set([...this.open].map((stream) => stream.sessionId))];
  }

  /** Ends the streams of sessions that are no longer open; returns how many it ended. */
  endAllBut(openSessions: Set<string>): number {
    let ended = 0;
    for (const stream of this.open) {
      if (openSessions.has(stream.sessionId)) continue;
      stream.end();
      ended += 1;
    }
    return ended;
  }

  get size(): number {
    return this.open.size;
  }
}
