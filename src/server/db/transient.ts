/**
 * Which database errors are passing faults: the connection dropped (the
 * server restarted, an administrator or a failover ended the backend), the
 * server is starting up, or it aborted the transaction to resolve a
 * serialization conflict or a deadlock. Trying again a moment later may
 * well succeed, so the client is told 503 with Retry-After rather than 500,
 * and the server itself tries again where that cannot write anything twice.
 */

/** SQLSTATEs of a passing fault; class 08 (connection exception) is matched as a whole. */
const TRANSIENT_SQLSTATES = new Set([
  '57P01', // admin_shutdown: the backend was terminated (pg_terminate_backend, a restart)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: the server is starting up or shutting down
  '40001', // serialization_failure
  '40P01', // deadlock_detected
  '53300', // too_many_connections
]);

/** Both mean the transaction was rolled back: nothing of it was committed. */
const ROLLED_BACK_SQLSTATES = new Set(['40001', '40P01']);

/** Socket errors of the driver's connection. */
const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH']);

/** node-postgres reports a lost or unusable connection only in words. */
const LOST_CONNECTION =
  /Connection terminated|connection error and is not queryable|Client was closed and is not queryable|timeout exceeded when trying to connect|terminating connection due to administrator command/i;

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  cause?: unknown;
}

/** The error and the errors it wraps (Drizzle wraps the driver's error as `cause`). */
function* chain(error: unknown): Generator<ErrorLike> {
  let current = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    yield current as ErrorLike;
    current = (current as ErrorLike).cause;
  }
}

const sqlstate = (e: ErrorLike) => (typeof e.code === 'string' ? e.code : '');

export function isTransientDatabaseError(error: unknown): boolean {
  for (const e of chain(error)) {
    const code = sqlstate(e);
    if (TRANSIENT_SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code) || NETWORK_CODES.has(code)) return true;
    if (typeof e.message === 'string' && LOST_CONNECTION.test(e.message)) return true;
  }
  return false;
}

/** The database said so itself: the transaction was rolled back, whenever it failed. */
export function isRolledBack(error: unknown): boolean {
  for (const e of chain(error)) if (ROLLED_BACK_SQLSTATES.has(sqlstate(e))) return true;
  return false;
}
