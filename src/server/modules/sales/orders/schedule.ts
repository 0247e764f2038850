import { isOpen, type WorkingCalendar } from '@server/lib/working-time';
import { addDays, fromLocal, toLocal } from '@server/lib/zoned-time';

const ZONE = 'Europe/Berlin';
/** Handed over two weeks after the order unless the customer agreed a date. */
export const DEFAULT_DELIVERY_DAYS = 14;
const DELIVERY_MINUTE = 10 * 60;
/** An appointment of one hour. */
export const DELIVERY_MINUTES = 60;

/**
 * The default handover: 14 days after the order at 10:00 Berlin time, moved to the next day the
 * location is open at 10:00 (weekends, public holidays of its federal state, closed days).
 */
export function defaultDeliveryAt(calendar: WorkingCalendar, orderedAt: Date): Date {
  const today = toLocal(orderedAt, ZONE);
  for (let step = DEFAULT_DELIVERY_DAYS; step < DEFAULT_DELIVERY_DAYS + 60; step++) {
    const d = addDays(today.year, today.month, today.day, step);
    const at = fromLocal(d.year, d.month, d.day, DELIVERY_MINUTE, ZONE);
    if (isOpen(calendar, at)) return at;
  }
  // A location open on no day at 10:00 (hours not kept): the plain date, for the consultant to move.
  const d = addDays(today.year, today.month, today.day, DEFAULT_DELIVERY_DAYS);
  return fromLocal(d.year, d.month, d.day, DELIVERY_MINUTE, ZONE);
}
