import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { Logger } from 'pino';
import type { Database, DbOrTx } from '../db/client';
import type { Clock } from '../lib/clock';
import { type JobContext, JobPayloadError } from './definition';
import { type JobRegistry, type RegisteredJob, recurringKey } from './registry';
import * as repo from './repo';

/** The channel on which scheduling a due job wakes the workers early. */
export const JOBS_CHANNEL = 'crm_jobs';

/** What the worker needs of the event bus: wake-ups when a due job was committed. */
export interface WakeUps {
  subscribe(channel: string, listener: () => void): Promise<() => void>;
}

export interface WorkerOptions {
  database: Database;
  clock: Clock;
  log: Logger;
  registry: JobRegistry;
  wakeUps?: WakeUps;
  /** Called once when the worker starts, e.g. to release mail held while SMTP was not configured. */
  onStart?: ReadonlyArray<() => Promise<void>>;
  pollMs?: number;
  /** How long a claimed job stays with this worker before another may take it over. */
  leaseMs?: number;
  batchSize?: number;
}

class LeaseLost extends Error {}

const MAX_ERROR_LENGTH = 2000;
// An error message may quote whatever the handler read; text columns refuse NUL and lone surrogates.
const UNSTORABLE =
  // eslint-disable-next-line no-control-regex
  /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function errorText(err: unknown): string {
  let text: string;
  try {
    text = err instanceof Error ? err.message : String(err);
  } catch {
    text = 'the job failed with an error that cannot be shown';
  }
  return text.slice(0, MAX_ERROR_LENGTH).replace(UNSTORABLE, '\uFFFD');
}

/**
 * Runs due jobs. Any number of processes may run a worker against one
 * PostgreSQL database: claiming uses FOR UPDATE SKIP LOCKED, so each job runs
 * once; a crashed worker's jobs are taken over when their lease expires.
 */
export class JobWorker {
  readonly id = `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly batchSize: number;
  private timer?: NodeJS.Timeout;
  private unsubscribe?: () => void;
  private current?: Promise<unknown>;
  private again = false;
  private stopping = false;
  private recurringEnsured = false;

  constructor(private readonly options: WorkerOptions) {
    this.pollMs = options.pollMs ?? 1000;
    this.leaseMs = options.leaseMs ?? 5 * 60_000;
    this.batchSize = options.batchSize ?? 5;
  }

  /** Polls for due jobs until stopped; on PostgreSQL a NOTIFY from schedule() wakes it at once. */
  async start(): Promise<void> {
    if (this.timer) return;
    for (const hook of this.options.onStart ?? []) await hook();
    this.timer = setInterval(() => this.tick(), this.pollMs);
    this.timer.unref();
    try {
      if (this.options.wakeUps)
        this.unsubscribe = await this.options.wakeUps.subscribe(JOBS_CHANNEL, () => this.tick());
    } catch (err) {
      this.options.log.warn({ err }, 'job wake-ups unavailable; polling only');
    }
    this.tick();
  }

  /** Stops polling and waits for the job in hand to finish. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearInterval(this.timer);
    this.timer = undefined;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    await this.current?.catch(() => undefined);
    this.stopping = false;
  }

  private tick(): void {
    if (this.stopping || !this.timer) return;
    if (this.current) {
      this.again = true;
      return;
    }
    this.current = this.runDue()
      .catch((err: unknown) => this.options.log.error({ err }, 'job worker pass failed'))
      .finally(() => {
        this.current = undefined;
        if (this.again && !this.stopping) {
          this.again = false;
          this.tick();
        }
      });
  }

  /** Runs every job due at `now` (the clock's time by default); returns how many ran. */
  async runDue(now: Date = this.options.clock.now()): Promise<number> {
    if (!this.recurringEnsured) {
      await this.ensureRecurring(now);
      this.recurringEnsured = true;
    }
    let ran = 0;
    while (!this.stopping) {
      const claimed = await repo.claimDue(this.options.database, this.id, now, this.leaseMs, this.batchSize);
      if (claimed.length === 0) break;
      for (const job of claimed) {
        await this.execute(job, now);
        ran++;
      }
    }
    return ran;
  }

  /** Gives every recurring kind its next run, unless one is already planned. */
  async ensureRecurring(now: Date = this.options.clock.now()): Promise<void> {
    for (const definition of this.options.registry.recurring()) {
      await this.scheduleNext(this.options.database.db, definition, now);
    }
  }

  private async scheduleNext(tx: DbOrTx, definition: RegisteredJob, now: Date) {
    await repo.insertJob(tx, {
      kind: definition.kind,
      payload: {},
      runAt: definition.recurrence!.next(now),
      maxAttempts: definition.maxAttempts,
      uniqueKey: recurringKey(definition.kind),
      now,
    });
  }

  private async execute(job: repo.ClaimedJob, now: Date): Promise<void> {
    const { database, registry, log } = this.options;
    const definition = registry.get(job.kind);
    const retryAt =
      definition && job.attempts < job.maxAttempts ? new Date(now.getTime() + definition.backoff(job.attempts)) : null;
    const jobLog = log.child({ jobId: job.id, kind: job.kind, attempt: job.attempts });
    const context = (tx: DbOrTx): JobContext => ({ tx, job, now, retryAt, log: jobLog });
    // The next run of a recurring kind is planned in the same transaction that finishes this one.
    const finish = async (tx: DbOrTx) => {
      if (!(await repo.markDone(tx, job.id, this.id, now))) throw new LeaseLost();
      if (definition?.recurrence && job.uniqueKey === recurringKey(job.kind))
        await this.scheduleNext(tx, definition, now);
    };
    try {
      if (!definition) throw new Error(`no handler is registered for job kind "${job.kind}"`);
      if (job.attempts > job.maxAttempts) throw new Error('the job was taken over after its worker stopped too often');
      // A stored payload that no longer fits fails here, before any of the handler's work.
      const run = definition.bind(job.payload);
      if (definition.transactional) {
        await database.db.transaction(async (tx) => {
          await finish(tx);
          await run(context(tx));
        });
      } else {
        await run(context(database.db));
        await database.db.transaction(finish);
      }
    } catch (err) {
      if (err instanceof LeaseLost) {
        jobLog.warn('job lease expired while running; another worker took it over');
        return;
      }
      const nextTry = err instanceof JobPayloadError ? null : retryAt;
      const final = nextTry === null;
      jobLog[final ? 'error' : 'warn'](
        { err, retryAt: nextTry },
        final ? 'job failed for good' : 'job failed; will retry',
      );
      try {
        await database.db.transaction(async (tx) => {
          await repo.markFailedAttempt(tx, job.id, this.id, errorText(err), nextTry, now);
          if (final && definition?.recurrence && job.uniqueKey === recurringKey(job.kind))
            await this.scheduleNext(tx, definition, now);
        });
      } catch (markErr) {
        // The job stays claimed; once its lease runs out a worker takes it up again. The others go on now.
        jobLog.error({ err: markErr }, 'could not record the failed attempt');
      }
    }
  }
}
