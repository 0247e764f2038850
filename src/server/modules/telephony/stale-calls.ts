import { and, inArray, lt } from 'drizzle-orm';
import { LIVE_CALL_STATES } from '@shared/telephony/enums';
import type { Deps } from '@server/deps';
import { defineJob, NoPayload } from '@server/jobs/definition';
import type { JobsService } from '@server/jobs/service';
import * as repo from './repo';
import type { createCallSink } from './sink';
import { calls } from './tables';
import { syncCallTimeline } from './timeline';

export const STALE_CALLS_JOB = 'telephony.close-stale-calls';
/** A call the phone system has said nothing about for this long has ended without our hearing of it. */
export const STALE_CALL_AFTER_MS = 4 * 3600_000;
const SCHEDULE = 'every 15 minutes';
const BATCH = 200;

/**
 * Closes calls left "ringing" or "answered" because their last event never came (a lost
 * link, a device dropped from monitoring): they end at the time we last heard of them, so
 * the cards go away and the history shows the call. Each call is closed in its own
 * transaction under its row lock; an event arriving meanwhile wins. Failures of a run are
 * the job system's to log and retry.
 */
export function registerStaleCalls(
  deps: Deps,
  jobs: JobsService,
  emitCall: ReturnType<typeof createCallSink>['emitCall'],
): void {
  const staleCallsJob = defineJob({
    kind: STALE_CALLS_JOB,
    payload: NoPayload,
    handler: async (_payload, { log, now }) => {
      const before = new Date(now.getTime() - STALE_CALL_AFTER_MS);
      const stale = await deps.db
        .select({ id: calls.id })
        .from(calls)
        .where(and(inArray(calls.state, [...LIVE_CALL_STATES]), lt(calls.updatedAt, before)))
        .limit(BATCH);
      let closed = 0;
      for (const { id } of stale) {
        await deps.db.transaction(async (tx) => {
          const call = await repo.findCall(tx, id, true);
          if (!call || !LIVE_CALL_STATES.includes(call.state) || call.updatedAt >= before) return;
          const endedAt = call.updatedAt;
          const updated = await repo.updateCall(
            tx,
            id,
            {
              state: 'ended',
              endedAt,
              endCause: 'noEvents',
              durationSeconds: call.answeredAt
                ? Math.max(0, Math.round((endedAt.getTime() - call.answeredAt.getTime()) / 1000))
                : null,
            },
            now,
          );
          await emitCall(tx, updated, updated.userIds, null);
          await syncCallTimeline(tx, updated);
          closed += 1;
        });
      }
      if (closed > 0) log.info({ closed }, 'calls without events for hours closed');
    },
    transactional: false,
    maxAttempts: 3,
  });
  jobs.register(staleCallsJob);
  jobs.every(staleCallsJob, SCHEDULE);
}
