/**
 * Berlin wall-clock arithmetic for the calendar: the dealer works in Europe/Berlin whatever the
 * browser's zone, and a day in the grid is a Berlin day (23 or 25 hours long at the DST change).
 */
export const TIME_ZONE = 'Europe/Berlin';

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

const pad2 = (n: number) => String(n).padStart(2, '0');

/** The Berlin calendar day ("YYYY-MM-DD") and minute of the day of an instant. */
export function berlinParts(instant: Date | string): { day: string; minutes: number } {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  const parts = Object.fromEntries(partsFormat.formatToParts(date).map((p) => [p.type, p.value]));
  return {
    day: `${parts.year}-${parts.month}-${parts.day}`,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

/** How far Berlin's clock is ahead of UTC at an instant, in milliseconds. */
function offsetAt(ms: number): number {
  const { day, minutes } = berlinParts(new Date(ms));
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d, 0, minutes) - Math.floor(ms / 60_000) * 60_000;
}

/** The instant at a Berlin wall-clock time; a time skipped by the DST change lands an hour later. */
export function berlinInstant(day: string, minutes: number): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d, 0, minutes);
  const first = offsetAt(wall);
  const candidate = wall - first;
  const second = offsetAt(candidate);
  if (second === first) return new Date(candidate);
  const other = wall - second;
  // Either the other offset fits (near the change), or the wall time does not exist (skipped in spring).
  return new Date(offsetAt(other) === second ? other : wall - Math.min(first, second));
}

export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d + n));
  return `${date.getUTCFullYear()}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`;
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayIndex(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}

export function startOfWeek(day: string): string {
  return addDays(day, -weekdayIndex(day));
}

export function startOfMonth(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

export function addMonths(day: string, n: number): string {
  const [y, m] = day.split('-').map(Number) as [number, number];
  const date = new Date(Date.UTC(y, m - 1 + n, 1));
  return `${date.getUTCFullYear()}-${pad2(date.getUTCMonth() + 1)}-01`;
}

export function todayBerlin(now = new Date()): string {
  return berlinParts(now).day;
}

/** "14:30" */
export function hhmm(minutes: number): string {
  return `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}

/** Minutes after midnight of "14:30"; NaN when not a time. */
export function parseHhmm(value: string): number {
  const match = /^(\d{1,2}):(\d{2})/.exec(value);
  return match ? Number(match[1]) * 60 + Number(match[2]) : Number.NaN;
}

/** The instant as ISO 8601 with its Berlin offset, as the API takes it ("2026-03-02T10:15:00+01:00"). */
export function toOffsetIso(instant: Date): string {
  const { day, minutes } = berlinParts(instant);
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const offset = Math.round((Date.UTC(y, m - 1, d, 0, minutes) - instant.getTime()) / 60_000);
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `${day}T${hhmm(minutes)}:00${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}
