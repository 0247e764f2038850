import { notificationText } from '@shared/texts/notifications';
import { defineJob } from '@server/jobs/definition';
import { z } from 'zod';
import type { WriteBatch } from '@server/db/together';
import type { RequestsContext } from './context';
import * as repo from './repo';
import { isOpen } from './view';

/** The reminder when the window the customer asked to be called back in opens: one per request. */
export const CALLBACK_WINDOW_JOB = 'request.callback-window-opens';
const windowKey = (requestId: string) => `request-callback-window:${requestId}`;

const WindowPayload = z.object({ requestId: z.uuid() });

export interface CallbackWindow {
  from: Date | null;
  to: Date | null;
}

/**
 * The first-contact deadline of a request with a callback window agreed with the
 * customer ("tomorrow 14–16 h"). The deadline is the window's END: calling before
 * the window means a customer who said he cannot talk, so the request is only late
 * once the whole window has passed without a call; the reminder at the window's
 * start is what makes the assignee call on time. With only a start given, the
 * rule's deadline holds, unless the start is later than it (nobody can be late for
 * a call the customer asked not to get yet). A window already over when the request
 * comes in is the customer's wish no more, and the rule's deadline holds.
 */
export function dueWithCallbackWindow(ruleDue: Date, window: CallbackWindow, receivedAt: Date): Date {
  if (window.to && window.to > receivedAt) return window.to;
  if (window.from && window.from > ruleDue) return window.from;
  return ruleDue;
}

/**
 * When the window opens, the location's managers are told to have the customer called now,
 * for a request that came in without an assignee; nobody when the customer has been reached
 * already or the request is closed. A request with an assignee has the call in their
 * calendar instead (callback-activity.ts), whose reminder is the one reminder: this job
 * stays quiet once such a call exists (the request was assigned after intake).
 */
export function createCallbackReminder(ctx: RequestsContext) {
  const { deps, jobs, contacts, assignment, notifications } = ctx;
  const callbackWindowJob = defineJob({
    kind: CALLBACK_WINDOW_JOB,
    payload: WindowPayload,
    handler: async ({ requestId }) => {
      const request = await repo.findRequest(deps.db, requestId);
      if (!request || request.firstContactedAt || !isOpen(request.status) || request.callbackActivityId) return;
      const recipients = request.assigneeId ? [request.assigneeId] : await assignment.managersOf(request.locationId);
      const customer = (await contacts.refs([request.contactId])).get(request.contactId)?.displayName ?? '';
      const text = notificationText('notification.callbackWindow', {
        number: request.number,
        type: request.type,
        customer,
        subject: request.subject,
        from: request.callbackFrom?.toISOString() ?? null,
        to: request.callbackTo?.toISOString() ?? null,
      });
      await deps.db.transaction(async (tx) => {
        for (const userId of recipients) {
          await notifications.notify(tx, userId, {
            kind: 'request.callback_window',
            text,
            link: `/requests/${requestId}`,
            data: { requestId, number: request.number },
          });
        }
      });
    },
    transactional: false,
  });
  jobs.register(callbackWindowJob);

  return {
    /** Schedules the reminder at the window's start, when that is still ahead. */
    scheduleIn(batch: WriteBatch, requestId: string, window: CallbackWindow): void {
      if (!window.from || window.from <= deps.clock.now()) return;
      jobs.scheduleIn(batch, callbackWindowJob, { requestId }, { runAt: window.from, uniqueKey: windowKey(requestId) });
    },
  };
}
