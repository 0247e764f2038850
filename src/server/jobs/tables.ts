import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id, instant } from '../db/columns';

export const JOB_STATUSES = ['pending', 'running', 'done', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
export const jobStatusEnum = pgEnum('job_status', JOB_STATUSES);

/** Durable background work: timers (SLA, reminders), mail delivery, recurring reports. */
export const jobs = pgTable(
  'jobs',
  {
    id: id(),
    kind: text('kind').notNull(),
    payload: jsonb('payload').$type<unknown>().notNull(),
    runAt: instant('run_at').notNull(),
    status: jobStatusEnum('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(5),
    /** The worker holding the job, until locked_until; after that any worker may take it over. */
    lockedBy: text('locked_by'),
    lockedUntil: instant('locked_until'),
    /** At most one live job per key, e.g. "one SLA timer per request". */
    uniqueKey: text('unique_key'),
    lastError: text('last_error'),
    createdAt: createdAt(),
    finishedAt: instant('finished_at'),
  },
  (t) => [
    uniqueIndex('jobs_unique_key_live_uq')
      .on(t.uniqueKey)
      .where(sql`status in ('pending', 'running')`),
    index('jobs_due_idx')
      .on(t.runAt)
      .where(sql`status = 'pending'`),
    index('jobs_lease_idx')
      .on(t.lockedUntil)
      .where(sql`status = 'running'`),
  ],
);
