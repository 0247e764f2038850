import type { Logger } from 'pino';
import type { z } from 'zod';
import type { DbOrTx } from '../db/client';
import type { Recurrence } from './recurrence';
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

export type JobHandler<P = unknown> = (payload: P, ctx: JobContext) => Promise<void>;

export interface JobOptions<P = unknown> {
  /**
   * The payload's shape. A job whose stored payload does not fit fails for
   * good at once, naming the field: retrying would not make it fit.
   */
  payload?: z.ZodType<P>;
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

export interface JobDefinition {
  kind: string;
  handler: JobHandler;
  maxAttempts: number;
  backoff: (attempt: number) => number;
  transactional: boolean;
  payload?: z.ZodType;
  recurrence?: Recurrence;
}

const MAX_BACKOFF_MS = 3_600_000;

export const exponentialBackoff = (baseMs: number) => (attempt: number) =>
  Math.min(baseMs * 2 ** Math.max(0, attempt - 1), MAX_BACKOFF_MS);

/** The handlers this process knows; every process registers the same ones at start-up. */
export class JobRegistry {
  private readonly definitions = new Map<string, JobDefinition>();

  register<P>(kind: string, handler: JobHandler<P>, options: JobOptions<P> = {}): void {
    if (this.definitions.has(kind)) throw new Error(`job kind "${kind}" is registered twice`);
    const backoff = options.backoff ?? 30_000;
    this.definitions.set(kind, {
      kind,
      handler: handler as JobHandler,
      maxAttempts: options.maxAttempts ?? 5,
      backoff: typeof backoff === 'number' ? exponentialBackoff(backoff) : backoff,
      transactional: options.transactional ?? true,
      payload: options.payload,
    });
  }

  setRecurrence(kind: string, recurrence: Recurrence): void {
    const definition = this.definitions.get(kind);
    if (!definition) throw new Error(`register job kind "${kind}" before giving it a schedule`);
    definition.recurrence = recurrence;
  }

  get(kind: string): JobDefinition | undefined {
    return this.definitions.get(kind);
  }

  recurring(): JobDefinition[] {
    return [...this.definitions.values()].filter((d) => d.recurrence);
  }
}

/** The unique key of a recurring kind's next run. */
export const recurringKey = (kind: string) => `every:${kind}`;
