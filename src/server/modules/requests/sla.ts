import type { SlaUnit } from '@shared/requests/enums';
import { addWorkingDays, addWorkingHours, nextOpening, type WorkingCalendar } from '@server/lib/working-time';

export interface FirstContactDeadline {
  amount: number;
  unit: SlaUnit;
}

/** R3.3: first contact within one working day, unless managers set another deadline for the type. */
export const DEFAULT_DEADLINE: FirstContactDeadline = { amount: 1, unit: 'working_days' };

/** When the first contact is due, by the location's hours and holidays. */
export function firstContactDue(
  calendar: WorkingCalendar,
  receivedAt: Date,
  deadline: FirstContactDeadline = DEFAULT_DEADLINE,
): Date {
  return deadline.unit === 'working_hours'
    ? addWorkingHours(calendar, receivedAt, deadline.amount)
    : addWorkingDays(calendar, receivedAt, deadline.amount);
}

/** The first moment the location is open on or after the given day starts (Berlin), for "back from absence". */
export function firstWorkingHourFrom(calendar: WorkingCalendar, instant: Date): Date {
  return nextOpening(calendar, instant);
}

/** Job kinds and their unique keys: one SLA timer per request, one return notice per person and absence. */
export const SLA_JOB = 'request.first-contact-due';
export const RETURN_JOB = 'request.inform-return';
export const slaKey = (requestId: string) => `request-sla:${requestId}`;
export const returnKey = (userId: string, untilDate: string) => `request-return:${userId}:${untilDate}`;
