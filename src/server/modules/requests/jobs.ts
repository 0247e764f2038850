import { createCallbackAppointments } from './callback-activity';
import { createCallbackReminder } from './callback-window';
import type { RequestsContext } from './context';
import { createEscalation } from './escalation';
import { createReturnNotice } from './return-notice';

export type RequestJobs = ReturnType<typeof createRequestJobs>;

/** The module's timers, registered once per service; intake schedules them, the worker runs them. */
export function createRequestJobs(ctx: RequestsContext) {
  const escalation = createEscalation(ctx);
  return {
    escalation,
    returnNotice: createReturnNotice(ctx),
    callbackReminder: createCallbackReminder(ctx),
    callbackAppointments: createCallbackAppointments(ctx, escalation.firstContactDueJob),
  };
}
