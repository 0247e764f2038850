import Holidays from 'date-holidays';
import { WEEKDAYS, type FederalState } from '@shared/org/enums';
import type { OpeningHours } from '@shared/org/schemas';
import { addDays, fromLocal, toLocal } from './zoned-time';

export interface WorkingCalendar {
  openingHours: OpeningHours;
  federalState: FederalState;
  timeZone?: string;
}

const TIME_ZONE = 'Europe/Berlin';
const holidayCalendars = new Map<FederalState, Holidays>();

function holidaysOf(state: FederalState): Holidays {
  let h = holidayCalendars.get(state);
  if (!h) {
    h = new Holidays('DE', state);
    holidayCalendars.set(state, h);
  }
  return h;
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

interface Day {
  year: number;
  month: number;
  day: number;
  weekday: number;
}

/**
 * date-holidays takes milliseconds per question, and a report asks about every
 * day of a year: each state's public holidays are listed once per year instead
 * (as "YYYY-MM-DD", their local calendar day).
 */
const holidayYears = new Map<string, Set<string>>();

const pad2 = (n: number) => String(n).padStart(2, '0');

/** Statutory public holidays only: regional observances (e.g. Augsburger Friedensfest) do not close a dealer. */
export function isPublicHoliday(state: FederalState, day: Day): boolean {
  const key = `${state}:${day.year}`;
  let dates = holidayYears.get(key);
  if (!dates) {
    const listed = holidaysOf(state).getHolidays(day.year);
    dates = new Set(listed.filter((h) => h.type === 'public').map((h) => h.date.slice(0, 10)));
    holidayYears.set(key, dates);
  }
  return dates.has(`${day.year}-${pad2(day.month)}-${pad2(day.day)}`);
}

/** A year's statutory public holidays of a federal state, in order, named in the given language. */
export function publicHolidays(
  state: FederalState,
  year: number,
  language = 'de',
): Array<{ date: string; name: string }> {
  return holidaysOf(state)
    .getHolidays(year, language)
    .filter((h) => h.type === 'public')
    .map((h) => ({ date: h.date.slice(0, 10), name: h.name }));
}

/** Opening intervals of a day in minutes after midnight; empty when closed or a public holiday. */
function openIntervals(calendar: WorkingCalendar, day: Day): Array<[number, number]> {
  if (isPublicHoliday(calendar.federalState, day)) return [];
  const intervals = calendar.openingHours[WEEKDAYS[day.weekday]!] ?? [];
  return intervals.map((i) => [minutes(i.from), minutes(i.to)] as [number, number]).sort((a, b) => a[0] - b[0]);
}

const MAX_SCAN_DAYS = 60;

/** The instant itself when the location is open then, else the next moment it opens. */
export function nextOpening(calendar: WorkingCalendar, instant: Date): Date {
  const tz = calendar.timeZone ?? TIME_ZONE;
  const local = toLocal(instant, tz);
  const minuteNow = local.hour * 60 + local.minute;
  let day: Day = local;
  for (let i = 0; i < MAX_SCAN_DAYS; i++) {
    for (const [from, to] of openIntervals(calendar, day)) {
      if (i === 0 && minuteNow >= to) continue;
      if (i === 0 && minuteNow >= from) return instant;
      return fromLocal(day.year, day.month, day.day, from, tz);
    }
    day = addDays(day.year, day.month, day.day, 1);
  }
  throw new Error('The location has no opening hours in the next 60 days');
}

/**
 * "Within n working days": the same wall-clock time on the n-th next day the
 * location is open, counted from the moment it is next open. A request that
 * arrives on Friday at 16:00 is due on the next working day at 16:00 (or at
 * closing time, when that day closes earlier); one that arrives on Sunday
 * counts from Monday's opening. Public holidays of the location's federal
 * state are not working days.
 */
export function addWorkingDays(calendar: WorkingCalendar, instant: Date, days: number): Date {
  const tz = calendar.timeZone ?? TIME_ZONE;
  const start = nextOpening(calendar, instant);
  const local = toLocal(start, tz);
  const minuteOfDay = local.hour * 60 + local.minute;
  let day: Day = local;
  let remaining = days;
  for (let i = 0; i < MAX_SCAN_DAYS * Math.max(1, days); i++) {
    day = addDays(day.year, day.month, day.day, 1);
    const intervals = openIntervals(calendar, day);
    if (intervals.length === 0) continue;
    if (--remaining > 0) continue;
    const opens = intervals[0]![0];
    const closes = intervals.at(-1)![1];
    // Within the day's hours keep the time of day; in a lunch break, take the next opening.
    const inside = intervals.find(([from, to]) => minuteOfDay >= from && minuteOfDay <= to);
    const next = intervals.find(([from]) => from > minuteOfDay);
    const at = inside ? minuteOfDay : minuteOfDay < opens ? opens : (next?.[0] ?? closes);
    return fromLocal(day.year, day.month, day.day, at, tz);
  }
  throw new Error('The location has no opening hours in the scanned period');
}

/**
 * "Within n working hours": n hours of the location's opening time after the
 * moment it is next open; closed hours, nights, weekends and public holidays
 * do not count. Four working hours from Friday 16:00 at a place open until
 * 18:00 and again on Monday at 08:00 end on Monday at 10:00.
 */
export function addWorkingHours(calendar: WorkingCalendar, instant: Date, hours: number): Date {
  const tz = calendar.timeZone ?? TIME_ZONE;
  const start = nextOpening(calendar, instant);
  const local = toLocal(start, tz);
  let from = local.hour * 60 + local.minute;
  let day: Day = local;
  let remaining = Math.round(hours * 60);
  for (let i = 0; i < MAX_SCAN_DAYS * Math.max(1, Math.ceil(hours / 8)); i++) {
    for (const [opens, closes] of openIntervals(calendar, day)) {
      if (closes <= from) continue;
      const begin = Math.max(opens, from);
      if (remaining <= closes - begin) return fromLocal(day.year, day.month, day.day, begin + remaining, tz);
      remaining -= closes - begin;
    }
    day = addDays(day.year, day.month, day.day, 1);
    from = 0;
  }
  throw new Error('The location has no opening hours in the scanned period');
}

/** Whether the location is open at that instant (for "call now" hints and proposals). */
export function isOpen(calendar: WorkingCalendar, instant: Date): boolean {
  return nextOpening(calendar, instant).getTime() === instant.getTime();
}

/**
 * The next time the location closes for the day after the instant: the end of the
 * day's last opening interval (a lunch break is no closing). Checked in after
 * closing, it is the next working day's closing.
 */
export function nextClosing(calendar: WorkingCalendar, instant: Date): Date {
  const tz = calendar.timeZone ?? TIME_ZONE;
  const local = toLocal(instant, tz);
  const minuteNow = local.hour * 60 + local.minute;
  let day: Day = local;
  for (let i = 0; i < MAX_SCAN_DAYS; i++) {
    const closes = openIntervals(calendar, day).at(-1)?.[1];
    if (closes !== undefined && (i > 0 || closes > minuteNow))
      return fromLocal(day.year, day.month, day.day, closes, tz);
    day = addDays(day.year, day.month, day.day, 1);
  }
  throw new Error('The location has no opening hours in the next 60 days');
}

/**
 * The location's open hours between two instants (nights, weekends and public holidays do not
 * count): how long something took "in working hours". Zero when `to` is not after `from`.
 */
export function workingHoursBetween(calendar: WorkingCalendar, from: Date, to: Date): number {
  if (to <= from) return 0;
  const tz = calendar.timeZone ?? TIME_ZONE;
  const start = toLocal(from, tz);
  let day: Day = start;
  let minutesOpen = 0;
  // A long-running case is counted up to a year; beyond that the figure says enough.
  for (let i = 0; i < 400; i++) {
    for (const [opens, closes] of openIntervals(calendar, day)) {
      const a = fromLocal(day.year, day.month, day.day, opens, tz).getTime();
      const b = fromLocal(day.year, day.month, day.day, closes, tz).getTime();
      const overlap = Math.min(b, to.getTime()) - Math.max(a, from.getTime());
      if (overlap > 0) minutesOpen += overlap / 60_000;
    }
    const next = addDays(day.year, day.month, day.day, 1);
    if (fromLocal(next.year, next.month, next.day, 0, tz) >= to) break;
    day = next;
  }
  return minutesOpen / 60;
}
