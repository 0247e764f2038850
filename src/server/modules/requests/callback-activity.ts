import { addDays, fromLocal, toLocal } from '@server/lib/zoned-time';
import type { DbOrTx } from '@server/db/client';
import type { JobDefinition } from '@server/jobs/definition';
import type { RequestsContext } from './context';
import * as repo from './repo';
import { slaKey } from './sla';
import { isOpen } from './view';

/** An activity lasts at most two weeks; a vaguer window keeps only its start in the calendar. */
const LONGEST_WINDOW_MS = 14 * 86_400_000;
const ZONE = 'Europe/Berlin';

/** The activity as this module hears of it when it moves. */
export interface MovedActivity {
  id: string;
  requestId: string | null;
  allDay: boolean;
  startsAt: Date;
  endsAt: Date | null;
}

/**
 * Whether a request's callback window becomes a call in the assignee's calendar:
 * there is an assignee, the window has a start, the customer has not been reached
 * yet, and the window is not over.
 */
export function keepsCallbackWindow(
  r: { assigneeId: string | null; callbackFrom: Date | null; callbackTo: Date | null; firstContactedAt?: Date | null },
  now: Date,
): boolean {
  if (!r.assigneeId || !r.callbackFrom || r.firstContactedAt) return false;
  return (r.callbackTo ?? r.callbackFrom) > now;
}

function nextBerlinMidnight(instant: Date): Date {
  const local = toLocal(instant, ZONE);
  const next = addDays(local.year, local.month, local.day, 1);
  return fromLocal(next.year, next.month, next.day, 0, ZONE);
}

/**
 * The agreed callback window as an appointment (R0.5, issue "wherever it belongs"): the call
 * is in the assignee's calendar from the window's start to its end and reminds them at the
 * start; it follows the request to a new assignee and ends when the request is closed; moving
 * it moves the window and the first-contact deadline (the window's end) with it.
 */
export function createCallbackAppointments(
  ctx: RequestsContext,
  firstContactDueJob: JobDefinition<{ requestId: string }>,
) {
  const { deps, jobs, activities } = ctx;

  /** Plans the call for a request that keeps a window; returns its id, or null when there is none to plan. */
  async function plan(tx: DbOrTx, row: repo.RequestRow): Promise<string | null> {
    if (!isOpen(row.status) || !keepsCallbackWindow(row, deps.clock.now())) return null;
    const from = row.callbackFrom!;
    const to = row.callbackTo && row.callbackTo.getTime() - from.getTime() <= LONGEST_WINDOW_MS ? row.callbackTo : null;
    const activityId = await activities.planCallback(tx, {
      requestId: row.id,
      ownerId: row.assigneeId!,
      contactId: row.contactId,
      locationId: row.locationId,
      from,
      to,
      subject: `${row.number} · ${row.subject}`.slice(0, 200),
    });
    await repo.setCallbackActivity(tx, row.id, activityId);
    return activityId;
  }

  return {
    plan,

    /** The request has a new assignee: the call goes to them, or is planned now if it had nobody before. */
    async followAssignee(tx: DbOrTx, row: repo.RequestRow, byId: string | null): Promise<void> {
      if (!row.assigneeId) return;
      if (row.callbackActivityId) {
        await activities.handOver(tx, row.callbackActivityId, row.assigneeId, byId);
        return;
      }
      await plan(tx, row);
    },

    /** The request was closed: its open call is done when the customer was reached, else cancelled. */
    async close(tx: DbOrTx, row: repo.RequestRow, byId: string | null, note: string | null): Promise<void> {
      if (!row.callbackActivityId) return;
      await activities.close(tx, row.callbackActivityId, byId, { reached: Boolean(row.firstContactedAt), note });
    },

    /**
     * The call was moved in the calendar: the window moves with it, and so does the
     * first-contact deadline (the window's end; an all-day call, the end of its day)
     * with its timer, unless the customer was reached already. In the mover's transaction.
     */
    async moved(tx: DbOrTx, activity: MovedActivity, byId: string | null): Promise<void> {
      if (!activity.requestId) return;
      const row = await repo.findRequest(tx, activity.requestId, true);
      if (!row || row.callbackActivityId !== activity.id || !isOpen(row.status)) return;
      const now = deps.clock.now();
      const from = activity.startsAt;
      const to = activity.endsAt ?? (activity.allDay ? nextBerlinMidnight(from) : null);
      const dueAt = to ?? from;
      const reached = Boolean(row.firstContactedAt);
      await repo.updateRequest(
        tx,
        row.id,
        { callbackFrom: from, callbackTo: to, ...(reached ? {} : { firstContactDueAt: dueAt }) },
        now,
      );
      await repo.insertEvents(tx, [
        {
          requestId: row.id,
          at: now,
          actorId: byId,
          kind: 'callback_moved',
          data: {
            activityId: activity.id,
            from: from.toISOString(),
            to: to?.toISOString() ?? null,
            firstContactDueAt: reached ? null : dueAt.toISOString(),
          },
        },
      ]);
      if (!reached) {
        await jobs.schedule(
          tx,
          firstContactDueJob,
          { requestId: row.id },
          { runAt: dueAt, uniqueKey: slaKey(row.id), replace: true },
        );
      }
    },
  };
}
