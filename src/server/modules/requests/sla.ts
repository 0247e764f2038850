import type { RequestType } from '../../../shared/requests/enums';
import { addWorkingDays, nextOpening, type WorkingCalendar } from '../../lib/working-time';

/**
 * Working days until the first contact is due, per request type (R3.3: one
 * working day). Kept as one table so a dealer group that promises faster
 * answers for complaints, say, changes one number here.
 */
export const SLA_WORKING_DAYS: Readonly<Record<RequestType, number>> = {
  sales_lead: 1,
  service_appointment: 1,
  callback: 1,
  parts: 1,
  complaint: 1,
  general: 1,
};

/** When the first contact is due: n working days after receipt, by the location's hours and holidays. */
export function firstContactDue(calendar: WorkingCalendar, receivedAt: Date, type: RequestType): Date {
  return addWorkingDays(calendar, receivedAt, SLA_WORKING_DAYS[type]);
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
