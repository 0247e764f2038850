import type { Logger } from 'pino';
import { z } from 'zod';
import type { DbOrTx } from '../db/client';
import type { ClaimedJob } from './repo';

export interface JobContext {
  /**
   * The job's transaction for transactional kinds: what the handler writes
   * commits together with the job being marked done. Otherwise the plain database.
   */
  tx: DbOrTx;
  job: ClaimedJob;
  /** The clock's time at which the worker picked the job up. */
  now: Date;
  /** When the job runs again should this attempt fail; null on its last attempt. */
  retryAt: Date | null;
  log: Logger;
}

export type JobHandler<P> = (payload: P, ctx: JobContext) => Promise<void>;

export interface JobSpec<P> {
  kind: string;
  /**
   * The payload's shape, checked when the job is scheduled (a wrong payload is the
   * caller's error) and again when it runs (a stored payload that no longer fits
   * fails the job for good, naming the field: retrying would not make it fit).
   */
  payload: z.ZodType<P>;
  handler: JobHandler<P>;
  /** Attempts before the job is failed for good (default 5). */
  maxAttempts?: number;
  /** Delay before attempt n+1 after attempt n failed: a function of n, or a base in ms doubled per attempt (default 30 s, at most 1 h). */
  backoff?: number | ((attempt: number) => number);
  /**
   * Run the handler inside the transaction that marks the job done (default).
   * Turn off for handlers that talk to the outside world (SMTP, HTTP), so no
   * transaction stays open while they wait on the network.
   */
  transactional?: boolean;
}

/** A job kind tied to its payload's shape and its handler; scheduling takes it, so kind and payload cannot disagree. */
export interface JobDefinition<P> {
  readonly kind: string;
  readonly payload: z.ZodType<P>;
  readonly handler: JobHandler<P>;
  readonly maxAttempts: number;
  readonly backoff: (attempt: number) => number;
  readonly transactional: boolean;
}

/** The payload of a kind that needs none, e.g. a recurring one. */
export const NoPayload = z.object({});

const MAX_BACKOFF_MS = 3_600_000;

export const exponentialBackoff = (baseMs: number) => (attempt: number) =>
  Math.min(baseMs * 2 ** Math.max(0, attempt - 1), MAX_BACKOFF_MS);

export function defineJob<P>(spec: JobSpec<P>): JobDefinition<P> {
  const backoff = spec.backoff ?? 30_000;
  return Object.freeze({
    kind: spec.kind,
    payload: spec.payload,
    handler: spec.handler,
    maxAttempts: spec.maxAttempts ?? 5,
    backoff: typeof backoff === 'number' ? exponentialBackoff(backoff) : backoff,
    transactional: spec.transactional ?? true,
  });
}

/** A payload that does not fit its kind's shape; at scheduling it is the caller's mistake, at run time no retry mends it. */
export class JobPayloadError extends Error {
  constructor(kind: string, error: z.ZodError) {
    const fields = error.issues.map((i) => `${i.path.join('.') || 'payload'} (${i.message})`);
    super(`the payload does not fit job kind "${kind}": ${fields.join('; ')}`);
    this.name = 'JobPayloadError';
  }
}

/** The payload as the definition's schema reads it, or a JobPayloadError naming what does not fit. */
export function checkedPayload<P>(definition: JobDefinition<P>, payload: unknown): P {
  const parsed = definition.payload.safeParse(payload);
  if (!parsed.success) throw new JobPayloadError(definition.kind, parsed.error);
  return parsed.data;
}
