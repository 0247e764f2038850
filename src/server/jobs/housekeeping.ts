import type { Logger } from 'pino';
import type { Services } from '../services';

/**
 * Purges expired sessions, old login attempts and live events too old to replay every quarter
 * hour. Idempotent, so any process may run it.
 */
export function startHousekeeping(services: Services, log: Logger, everyMs = 15 * 60_000): () => void {
  const run = () =>
    Promise.all([services.auth.purgeExpired(), services.notifications.pruneLiveEvents()]).catch((err: unknown) =>
      log.warn({ err }, 'housekeeping failed'),
    );
  const timer = setInterval(run, everyMs);
  timer.unref();
  void run();
  return () => clearInterval(timer);
}
