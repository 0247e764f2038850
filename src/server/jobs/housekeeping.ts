import type { Logger } from 'pino';
import type { Services } from '../services';

/** Purges expired sessions and old login attempts every quarter hour. Idempotent, so any process may run it. */
export function startHousekeeping(services: Services, log: Logger, everyMs = 15 * 60_000): () => void {
  const run = () => services.auth.purgeExpired().catch((err: unknown) => log.warn({ err }, 'housekeeping failed'));
  const timer = setInterval(run, everyMs);
  timer.unref();
  void run();
  return () => clearInterval(timer);
}
