import type { Logger } from 'pino';
import type { EventBus, Unsubscribe } from './event-bus';
import type { SseStreams } from './sse';

export interface SessionWatchOptions {
  streams: SseStreams;
  /** Of these sessions, the ones still open (not ended, not expired, user active). */
  openSessions(ids: string[]): Promise<Set<string>>;
  bus: EventBus;
  /** The channel a trigger notifies whenever session rows are deleted. */
  endedChannel: string;
  everyMs: number;
  log: Logger;
}

/**
 * An event stream is authorised once, when it opens; its session may end
 * while it stays open — logout, expiry, deactivation, revocation, a password
 * change elsewhere. The streams' sessions are checked again whenever session
 * rows are deleted (whoever deletes them) and every few seconds for those
 * that merely expire, and the streams of ended sessions are closed: nothing
 * meant for a user reaches a browser that is no longer theirs.
 */
export function watchSessions(options: SessionWatchOptions) {
  const { streams, bus, log } = options;
  let timer: NodeJS.Timeout | undefined;
  let unsubscribe: Promise<Unsubscribe | undefined> | undefined;
  let offReconnect: Unsubscribe | undefined;
  let running: Promise<void> | undefined;
  let again = false;

  async function checkNow(): Promise<void> {
    const ids = streams.sessionIds();
    if (ids.length === 0) return;
    const ended = streams.endAllBut(await options.openSessions(ids));
    if (ended > 0) log.info({ ended }, 'closed live event streams of ended sessions');
  }

  /** One check at a time; a request during one runs once more after it. */
  function check(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = checkNow()
      .catch((err: unknown) => log.warn({ err }, 'could not check the sessions of live event streams'))
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          void check();
        }
      });
    return running;
  }

  return {
    /** Starts watching with the first stream; cheap to call for every stream. */
    start() {
      if (!timer) {
        timer = setInterval(() => void check(), options.everyMs);
        timer.unref();
      }
      unsubscribe ??= bus
        .subscribe(options.endedChannel, () => void check())
        .catch((err: unknown) => {
          unsubscribe = undefined;
          log.warn({ err }, 'could not listen for ended sessions; checking on the interval only');
          return undefined;
        });
      // Sessions that ended while the process was not listening are found at once.
      offReconnect ??= bus.onReconnect(() => void check());
    },
    check,
    async stop() {
      clearInterval(timer);
      timer = undefined;
      offReconnect?.();
      (await unsubscribe)?.();
      await running;
    },
  };
}
