import type pg from 'pg';
import type { Db } from './client';
import { isRolledBack, isTransientDatabaseError } from './transient';

/**
 * Trying again after a passing database fault (see transient.ts), where that
 * cannot write anything twice: a transaction that failed before its COMMIT
 * was rolled back whole and can be run again; a single read can be repeated;
 * a statement that may have committed cannot. A few quick tries ride out a
 * dropped connection; a database that stays away is the caller's 503.
 */
export const RETRY_ATTEMPTS = 3;
/** Short enough to stay well inside a request, long enough for the pool to connect anew. */
const FIRST_DELAY_MS = 40;

const pause = (attempt: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, FIRST_DELAY_MS * 4 ** (attempt - 1) * (0.5 + Math.random())));

/** Runs the operation up to RETRY_ATTEMPTS times while it fails with a passing fault that `mayRetry` allows. */
export async function retryTransient<T>(
  operation: () => Promise<T>,
  mayRetry: (error: unknown) => boolean = isTransientDatabaseError,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (attempt >= RETRY_ATTEMPTS || !mayRetry(error)) throw error;
      await pause(attempt);
    }
  }
}

/**
 * Makes `db.transaction` run the whole transaction again after a passing
 * fault before its COMMIT. Once the callback has finished, a failure is the
 * COMMIT's own: unless the database says it rolled back (serialization
 * failure, deadlock), the transaction may have committed, and is not re-run.
 * The callback must therefore do nothing but database work, as all ours do.
 */
export function retryTransactions(db: Db): void {
  const transaction = db.transaction.bind(db);
  db.transaction = ((callback, config) => {
    let committing = false;
    return retryTransient(
      () => {
        committing = false;
        return transaction(async (tx) => {
          const result = await callback(tx);
          committing = true;
          return result;
        }, config);
      },
      (error) => isTransientDatabaseError(error) && (!committing || isRolledBack(error)),
    );
  }) as Db['transaction'];
}

/** Statements that only read: no data-modifying CTE, no function known to write or lock. */
const READ = /^\s*(?:select|with)\b/i;
const WRITES =
  /\b(?:insert|update|delete|merge|nextval|setval|pg_notify|pg_advisory\w*|for\s+(?:no\s+key\s+)?update|for\s+(?:key\s+)?share)\b/i;

export const isPlainRead = (text: unknown): boolean =>
  typeof text === 'string' && READ.test(text) && !WRITES.test(text);

/**
 * Repeats a single read outside a transaction (the pool hands it a fresh
 * connection) after a passing fault. Writes, and statements inside a
 * transaction (which run on a client of their own), are left alone.
 */
export function retryReads(pool: pg.Pool): void {
  const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  pool.query = ((...args: unknown[]) => {
    const [config, values, callback] = args;
    const text = typeof config === 'string' ? config : (config as { text?: unknown } | undefined)?.text;
    const usesCallback = typeof values === 'function' || typeof callback === 'function';
    if (usesCallback || !isPlainRead(text)) return query(...args);
    return retryTransient(() => query(...args) as Promise<unknown>);
  }) as typeof pool.query;
}
