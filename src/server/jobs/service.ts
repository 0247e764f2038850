import type { SQL } from 'drizzle-orm';
import type { Database, DbOrTx } from '../db/client';
import type { WriteBatch } from '../db/together';
import type { Deps } from '../deps';
import { checkedPayload, type JobDefinition } from './definition';
import { JobRegistry } from './registry';
import { parseRecurrence } from './recurrence';
import * as repo from './repo';
import { JOBS_CHANNEL, JobWorker, type WorkerOptions } from './worker';

export interface ScheduleOptions {
  runAt: Date;
  /** At most one pending or running job per key, e.g. `request-sla:<id>`. */
  uniqueKey?: string;
  /** With a key: move an existing pending job to this time and payload (default: keep the existing one). */
  replace?: boolean;
}

/** What scheduling needs of the event bus: a NOTIFY that wakes the workers once the job commits. */
export interface JobSignals {
  publish(tx: DbOrTx, channel: string, payload: unknown): Promise<void>;
  notifyExpression(channel: string, payload: unknown): SQL;
  subscribe(channel: string, listener: () => void): Promise<() => void>;
}

export type JobsService = ReturnType<typeof createJobsService>;

/**
 * Durable jobs in the application database. Scheduling takes the caller's
 * transaction, so a request and its SLA timer commit (or roll back) together.
 */
export function createJobsService({ database, clock, log, config }: Deps, signals?: JobSignals) {
  const registry = new JobRegistry();
  const onStart: Array<() => Promise<void>> = [];

  const createWorker = (options: Partial<WorkerOptions> = {}) =>
    new JobWorker({
      database,
      clock,
      log,
      registry,
      wakeUps: signals,
      onStart,
      pollMs: config.jobs.pollMs,
      ...options,
    });

  return {
    /** Throws JobPayloadError, before anything is written, when the payload does not fit the definition. */
    async schedule<P>(
      tx: DbOrTx,
      definition: JobDefinition<P>,
      payload: P,
      options: ScheduleOptions,
    ): Promise<{ id: string; created: boolean }> {
      const now = clock.now();
      const result = await repo.insertJob(tx, {
        ...options,
        kind: definition.kind,
        payload: checkedPayload(definition, payload),
        maxAttempts: definition.maxAttempts,
        now,
      });
      if (signals && options.runAt <= now) await signals.publish(tx, JOBS_CHANNEL, {});
      return result;
    },

    /**
     * The same, as part of the caller's write batch (one statement with its
     * other writes). A job whose key is live already is kept; no `replace`.
     */
    scheduleIn<P>(
      batch: WriteBatch,
      definition: JobDefinition<P>,
      payload: P,
      options: Omit<ScheduleOptions, 'replace'>,
    ): void {
      const now = clock.now();
      batch.write(
        repo.jobInsert({
          ...options,
          kind: definition.kind,
          payload: checkedPayload(definition, payload),
          maxAttempts: definition.maxAttempts,
          now,
        }),
      );
      if (signals && options.runAt <= now) batch.effect(signals.notifyExpression(JOBS_CHANNEL, {}));
    },

    /** Cancels the pending job with this key; returns whether there was one. */
    async cancel(tx: DbOrTx, uniqueKey: string): Promise<boolean> {
      return (await repo.cancelByKey(tx, uniqueKey, clock.now())) > 0;
    },

    /** Makes this process able to run the definition's jobs; returns it for scheduling. */
    register<P>(definition: JobDefinition<P>): JobDefinition<P> {
      registry.register(definition);
      return definition;
    },

    /**
     * Runs a registered kind on a schedule, e.g. "daily at 07:00 Europe/Berlin"; each run plans the next.
     * Recurring runs carry an empty payload, so the definition's schema must accept `{}`.
     */
    every<P>(definition: JobDefinition<P>, spec: string): void {
      checkedPayload(definition, {});
      registry.setRecurrence(definition.kind, parseRecurrence(spec));
    },

    /** Work to do whenever a worker starts in this process. */
    onWorkerStart(hook: () => Promise<void>): void {
      onStart.push(hook);
    },

    /** This process's worker; main starts it when CRM_JOBS is on, tests call runDue. */
    worker: createWorker(),

    /** Another worker, e.g. on a second connection to race the first in tests. */
    createWorker(options: Partial<WorkerOptions> & { database?: Database } = {}): JobWorker {
      return createWorker(options);
    },
  };
}
