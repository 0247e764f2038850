import { type SQL, sql } from 'drizzle-orm';
import type { Database, DbOrTx } from '../db/client';

/** A job as the worker holds it after claiming it. */
export interface ClaimedJob {
  id: string;
  kind: string;
  payload: unknown;
  runAt: Date;
  attempts: number;
  maxAttempts: number;
  uniqueKey: string | null;
}

export interface NewJob {
  kind: string;
  payload: unknown;
  runAt: Date;
  maxAttempts: number;
  uniqueKey?: string;
  /** With a uniqueKey: move the live job to the new time and payload instead of keeping it. */
  replace?: boolean;
  now: Date;
}

const rows = <T>(result: unknown) => (result as { rows: T[] }).rows;
const LIVE = sql.raw(`status IN ('pending', 'running')`);

/**
 * The insert of a new job, not yet run, for a caller that sends it with its
 * other writes: a job whose key is live already is kept as it is.
 */
export function jobInsert(job: Omit<NewJob, 'replace'>): SQL {
  const values = sql`(${job.kind}, ${JSON.stringify(job.payload ?? {})}::jsonb, ${job.runAt.toISOString()}::timestamptz,
    ${job.maxAttempts}, ${job.uniqueKey ?? null}, ${job.now.toISOString()}::timestamptz)`;
  const insert = sql`INSERT INTO jobs (kind, payload, run_at, max_attempts, unique_key, created_at) VALUES ${values}`;
  return job.uniqueKey ? sql`${insert} ON CONFLICT (unique_key) WHERE ${LIVE} DO NOTHING` : insert;
}

export async function insertJob(tx: DbOrTx, job: NewJob): Promise<{ id: string; created: boolean }> {
  const values = sql`(${job.kind}, ${JSON.stringify(job.payload ?? {})}::jsonb, ${job.runAt.toISOString()}::timestamptz,
    ${job.maxAttempts}, ${job.uniqueKey ?? null}, ${job.now.toISOString()}::timestamptz)`;
  const insert = sql`INSERT INTO jobs (kind, payload, run_at, max_attempts, unique_key, created_at) VALUES ${values}`;
  if (!job.uniqueKey) {
    const [row] = rows<{ id: string }>(await tx.execute(sql`${insert} RETURNING id`));
    return { id: row!.id, created: true };
  }
  if (job.replace) {
    // A job already running keeps running, but gives up the key so the new one can take it.
    await tx.execute(sql`UPDATE jobs SET unique_key = NULL WHERE unique_key = ${job.uniqueKey} AND status = 'running'`);
    const [row] = rows<{ id: string; created: boolean }>(
      await tx.execute(sql`${insert}
        ON CONFLICT (unique_key) WHERE ${LIVE} DO UPDATE SET
          kind = EXCLUDED.kind, payload = EXCLUDED.payload, run_at = EXCLUDED.run_at,
          max_attempts = EXCLUDED.max_attempts, attempts = 0, last_error = NULL
        RETURNING id, (xmax = 0) AS created`),
    );
    return { id: row!.id, created: row!.created };
  }
  const [row] = rows<{ id: string }>(
    await tx.execute(sql`${insert} ON CONFLICT (unique_key) WHERE ${LIVE} DO NOTHING RETURNING id`),
  );
  if (row) return { id: row.id, created: true };
  const [existing] = rows<{ id: string }>(
    await tx.execute(sql`SELECT id FROM jobs WHERE unique_key = ${job.uniqueKey} AND ${LIVE}`),
  );
  return { id: existing!.id, created: false };
}

/** Cancels the pending job with this key; a job already running finishes. */
export async function cancelByKey(tx: DbOrTx, uniqueKey: string, now: Date): Promise<number> {
  const result = rows<{ id: string }>(
    await tx.execute(sql`UPDATE jobs SET status = 'cancelled', finished_at = ${now.toISOString()}::timestamptz
      WHERE unique_key = ${uniqueKey} AND status = 'pending' RETURNING id`),
  );
  return result.length;
}

/**
 * Takes up to `limit` due jobs for this worker. SKIP LOCKED lets several
 * processes claim side by side without ever taking the same job; a running job
 * whose lease ran out (its worker died) is due again.
 */
export async function claimDue(
  database: Database,
  workerId: string,
  now: Date,
  leaseMs: number,
  limit: number,
): Promise<ClaimedJob[]> {
  const result = await database.query<{
    id: string;
    kind: string;
    payload: unknown;
    run_at: Date | string;
    attempts: number;
    max_attempts: number;
    unique_key: string | null;
  }>(
    `UPDATE jobs SET status = 'running', locked_by = $1, locked_until = $2, attempts = attempts + 1
     WHERE id IN (
       SELECT id FROM jobs
       WHERE (status = 'pending' AND run_at <= $3) OR (status = 'running' AND locked_until < $3)
       ORDER BY run_at
       LIMIT $4
       FOR UPDATE SKIP LOCKED)
     RETURNING id, kind, payload, run_at, attempts, max_attempts, unique_key`,
    [workerId, new Date(now.getTime() + leaseMs).toISOString(), now.toISOString(), limit],
  );
  return result
    .map((r) => ({
      id: r.id,
      kind: r.kind,
      payload: r.payload,
      runAt: new Date(r.run_at),
      attempts: r.attempts,
      maxAttempts: r.max_attempts,
      uniqueKey: r.unique_key,
    }))
    .sort((a, b) => a.runAt.getTime() - b.runAt.getTime());
}

/** Marks the job done if this worker still holds it; false when its lease went to another worker. */
export async function markDone(tx: DbOrTx, id: string, workerId: string, now: Date): Promise<boolean> {
  const result = rows<{ id: string }>(
    await tx.execute(sql`UPDATE jobs SET status = 'done', finished_at = ${now.toISOString()}::timestamptz,
        locked_by = NULL, locked_until = NULL, last_error = NULL
      WHERE id = ${id} AND locked_by = ${workerId} AND status = 'running' RETURNING id`),
  );
  return result.length === 1;
}

/** After a failed attempt: back to pending at retryAt, or failed for good when retryAt is null. */
export async function markFailedAttempt(
  tx: DbOrTx,
  id: string,
  workerId: string,
  error: string,
  retryAt: Date | null,
  now: Date,
): Promise<void> {
  await tx.execute(
    retryAt
      ? sql`UPDATE jobs SET status = 'pending', run_at = ${retryAt.toISOString()}::timestamptz, last_error = ${error},
          locked_by = NULL, locked_until = NULL
        WHERE id = ${id} AND locked_by = ${workerId} AND status = 'running'`
      : sql`UPDATE jobs SET status = 'failed', finished_at = ${now.toISOString()}::timestamptz, last_error = ${error},
          locked_by = NULL, locked_until = NULL
        WHERE id = ${id} AND locked_by = ${workerId} AND status = 'running'`,
  );
}
