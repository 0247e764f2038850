import type { Location } from '@shared/org/schemas';
import { WEEKDAYS } from '@shared/org/enums';
import { isPublicHoliday } from '@server/lib/working-time';

/** Today's calendar date in Berlin. */
export function berlinDate(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(now);
}

function shift(day: string, days: number): Date {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d;
}

/**
 * The location's scheduled day before `today`: the last earlier day it is open (opening hours
 * on that weekday, no public holiday). Checks run on opening days, so this is when the
 * previous check took place.
 */
export function previousScheduledDay(location: Pick<Location, 'openingHours' | 'federalState'>, today: string): string {
  for (let back = 1; back <= 14; back++) {
    const d = shift(today, -back);
    const weekday = (d.getUTCDay() + 6) % 7; // Monday first, as WEEKDAYS
    const hours = location.openingHours[WEEKDAYS[weekday]!];
    const day = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: d.getUTCDay() };
    if (hours.length > 0 && !isPublicHoliday(location.federalState, day)) return d.toISOString().slice(0, 10);
  }
  return shift(today, -1).toISOString().slice(0, 10);
}

/**
 * A check message belongs to today's check or to the previous one still being written up: its
 * day may be today or back to the previous scheduled day, never in the future. Null when fine,
 * else the earliest day allowed.
 */
export function checkDayProblem(
  location: Pick<Location, 'openingHours' | 'federalState'>,
  checkDay: string,
  now: Date,
): { code: 'in_future' } | { code: 'check_day_out_of_window'; earliest: string } | null {
  const today = berlinDate(now);
  if (checkDay > today) return { code: 'in_future' };
  const earliest = previousScheduledDay(location, today);
  if (checkDay < earliest) return { code: 'check_day_out_of_window', earliest };
  return null;
}
