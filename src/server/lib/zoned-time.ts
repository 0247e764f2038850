/**
 * Wall-clock time in a time zone (Europe/Berlin for every location today)
 * without a date library: Intl tells the local parts of an instant, and the
 * reverse is found by correcting for the zone offset at that moment.
 */
export interface LocalDateTime {
  year: number;
  month: number; // 1–12
  day: number;
  hour: number;
  minute: number;
  /** 0 = Monday … 6 = Sunday */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string) {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/*
 * Asking Intl costs tens of microseconds, and a report computes deadlines for
 * thousands of requests (five conversions each). A zone's offset only changes
 * on a quarter hour (every transition in the tz database since 1970 does), so
 * it is asked once per zone and quarter hour and the local time is then plain
 * arithmetic. The cache is dropped when it grows large: a year of quarter
 * hours is 35,000 entries.
 */
const QUARTER_HOUR = 15 * 60_000;
const MAX_CACHED_OFFSETS = 100_000;
const offsets = new Map<string, Map<number, number>>();

/** Milliseconds to add to an instant for the wall clock in the zone. */
function offsetAt(ms: number, timeZone: string): number {
  let zone = offsets.get(timeZone);
  if (!zone) {
    zone = new Map();
    offsets.set(timeZone, zone);
  }
  const bucket = Math.floor(ms / QUARTER_HOUR);
  let offset = zone.get(bucket);
  if (offset === undefined) {
    const start = bucket * QUARTER_HOUR;
    const parts = Object.fromEntries(
      formatter(timeZone)
        .formatToParts(new Date(start))
        .map((p) => [p.type, p.value]),
    );
    const shown = Date.UTC(
      Number(parts.year),
      Number(parts.month) - 1,
      Number(parts.day),
      Number(parts.hour),
      Number(parts.minute),
      Number(parts.second),
    );
    offset = shown - start;
    if (zone.size >= MAX_CACHED_OFFSETS) zone.clear();
    zone.set(bucket, offset);
  }
  return offset;
}

export function toLocal(instant: Date, timeZone: string): LocalDateTime {
  const shown = new Date(instant.getTime() + offsetAt(instant.getTime(), timeZone));
  return {
    year: shown.getUTCFullYear(),
    month: shown.getUTCMonth() + 1,
    day: shown.getUTCDate(),
    hour: shown.getUTCHours(),
    minute: shown.getUTCMinutes(),
    weekday: (shown.getUTCDay() + 6) % 7,
  };
}

/** The instant at which the wall clock in timeZone shows the given local date and minute of day. */
export function fromLocal(year: number, month: number, day: number, minuteOfDay: number, timeZone: string): Date {
  const guess = Date.UTC(year, month - 1, day, 0, minuteOfDay);
  // Two corrections settle the offset even across a DST change.
  let instant = guess;
  for (let i = 0; i < 2; i++) {
    const local = toLocal(new Date(instant), timeZone);
    const shown = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
    instant += guess - shown;
  }
  return new Date(instant);
}

/** The calendar day after (or before, with a negative step) a local date. */
export function addDays(year: number, month: number, day: number, step: number) {
  const d = new Date(Date.UTC(year, month - 1, day + step));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    weekday: (d.getUTCDay() + 6) % 7,
  };
}
