import { fromLocal, toLocal } from '@server/lib/zoned-time';
import { APPOINTMENT_TYPES, type ActivityType } from '@shared/activities/enums';

/** Every location is in Germany: activities are planned and shown in Berlin time. */
export const ZONE = 'Europe/Berlin';

/** When an all-day task is reminded of on its day, Berlin time: the start of a working morning. */
export const ALL_DAY_REMINDER_MINUTE = 8 * 60;

const pad = (n: number) => String(n).padStart(2, '0');

/** The Berlin calendar day of an instant, as YYYY-MM-DD. */
export function berlinDay(instant: Date): string {
  const l = toLocal(instant, ZONE);
  return `${l.year}-${pad(l.month)}-${pad(l.day)}`;
}

/** The instant a Berlin wall clock shows minuteOfDay on that day (DST handled). */
export function berlinTime(day: string, minuteOfDay = 0): Date {
  const [y, m, d] = day.split('-').map(Number);
  return fromLocal(y!, m!, d!, minuteOfDay, ZONE);
}

/** The day n calendar days after a Berlin day. */
export function addDaysTo(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const next = new Date(Date.UTC(y!, m! - 1, d! + n));
  return next.toISOString().slice(0, 10);
}

/** Default lead time: 15 minutes before a meeting, at the due time of a call or other task. */
export const defaultReminderMinutes = (type: ActivityType) => (APPOINTMENT_TYPES.includes(type) ? 15 : 0);

/**
 * When the owner is reminded: minutes before the start; an all-day task at 08:00 on
 * its day (less the lead time). Null: no reminder.
 */
export function reminderTime(a: {
  allDay: boolean;
  dueOn: string | null;
  startsAt: Date;
  reminderMinutesBefore: number | null;
}): Date | null {
  if (a.reminderMinutesBefore === null) return null;
  const base = a.allDay && a.dueOn ? berlinTime(a.dueOn, ALL_DAY_REMINDER_MINUTE) : a.startsAt;
  return new Date(base.getTime() - a.reminderMinutesBefore * 60_000);
}

/** Open and past due: an all-day task from the day after its day, a timed one from its end (or start). */
export function isOverdue(
  a: { status: string; allDay: boolean; dueOn: string | null; startsAt: Date; endsAt: Date | null },
  now: Date,
): boolean {
  if (a.status !== 'open') return false;
  if (a.allDay && a.dueOn) return a.dueOn < berlinDay(now);
  return (a.endsAt ?? a.startsAt) < now;
}
