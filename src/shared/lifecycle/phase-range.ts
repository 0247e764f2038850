import { type LifecyclePhase, monthsSince, PHASE_LAST_MONTH } from './phase';

/*
 * Lifecycle phases as ranges of delivery dates on a given day (Europe/Berlin calendar days), so
 * lists and selections walk the delivery-date index instead of computing every vehicle's phase.
 * Shared by the vehicle list, the customer list and campaign selections.
 */

const DAY = 86_400_000;
const toDate = (day: string) => new Date(`${day}T00:00:00Z`);
const isoDay = (date: Date) => date.toISOString().slice(0, 10);
export const addDays = (day: string, days: number) => isoDay(new Date(toDate(day).getTime() + days * DAY));

/** The same calendar day `months` months earlier, clamped to the month's last day. */
export function monthsBefore(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) - months;
  const year = Math.floor(index / 12);
  const month = index - year * 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return isoDay(new Date(Date.UTC(year, month, Math.min(d, last))));
}

/**
 * The latest delivery day whose vehicle has been held at least `k` whole months on `today`, by
 * the lifecycle's own month count (monthsSince), so SQL and the customer record agree at every
 * month end.
 */
export function latestDeliveryWithMonths(k: number, today: string): string {
  let day = monthsBefore(today, k);
  while (monthsSince(addDays(day, 1), today) >= k) day = addDays(day, 1);
  while (monthsSince(day, today) < k) day = addDays(day, -1);
  return day;
}

/** Delivery days [from, to] of a phase on `today`; months of ownership a..b mean a-1..b-1 whole months. */
export function phaseDeliveryRange(phase: LifecyclePhase, today: string): [string | null, string | null] {
  const bounds: Record<LifecyclePhase, [number, number | null]> = {
    getting_to_know: [1, PHASE_LAST_MONTH.getting_to_know],
    usage: [PHASE_LAST_MONTH.getting_to_know + 1, PHASE_LAST_MONTH.usage],
    reorientation: [PHASE_LAST_MONTH.usage + 1, PHASE_LAST_MONTH.reorientation],
    after36: [PHASE_LAST_MONTH.reorientation + 1, null],
  };
  const [first, last] = bounds[phase];
  const to = latestDeliveryWithMonths(first - 1, today);
  const from = last === null ? null : addDays(latestDeliveryWithMonths(last, today), 1);
  return [from, to];
}
