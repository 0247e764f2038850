/**
 * Dates as lead portals write them. Accepted (Europe/Berlin wherever no zone is given):
 * - ISO 8601 with zone: "2026-03-02T10:15:00+01:00", "…Z", "…+0100";
 * - ISO 8601 without zone: "2026-03-02T10:15:00", "2026-03-02 10:15", "2026-03-02";
 * - ISO 8601 basic, as the ADF spec's examples: "20260302T101500+0100", "20260302";
 * - German: "02.03.2026", "2.3.2026 10:15", "02.03.2026, 10:15:30 Uhr";
 * - unix time in seconds (10 digits) or milliseconds (13 digits).
 * Impossible calendar dates ("31.02.2026") are unusable, never rolled over into March.
 */

const ZONE = 'Europe/Berlin';

/** The instant; a date without a time of day means the start of that day in Berlin. */
export interface ParsedDate {
  date: Date;
}

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  zone: string | null;
}

const ISO_EXTENDED =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2}|[+-]\d{2})?$/i;
const ISO_BASIC = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?)?(Z|[+-]\d{4})?$/i;
const GERMAN = /^(\d{1,2})\.(\d{1,2})\.(\d{4}),?(?:\s+(\d{1,2})[:.](\d{2})(?::(\d{2}))?(?:\s*uhr)?)?$/i;
const UNIX = /^\d{10}(?:\d{3})?$/;

export function parseLeadDate(raw: string): ParsedDate | null {
  const text = raw.trim();
  if (UNIX.test(text)) {
    const ms = text.length === 13 ? Number(text) : Number(text) * 1000;
    return { date: new Date(ms) };
  }
  const parts = matchParts(text);
  if (!parts || !isRealDate(parts)) return null;
  const local = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  const offsetMs = parts.zone ? zoneOffsetMs(parts.zone) : berlinOffsetMs(local);
  return { date: new Date(local - offsetMs) };
}

function matchParts(text: string): Parts | null {
  const iso = ISO_EXTENDED.exec(text) ?? ISO_BASIC.exec(text);
  if (iso) {
    const [, y, mo, d, h, mi, s, zone] = iso;
    return {
      year: +y!,
      month: +mo!,
      day: +d!,
      hour: +(h ?? 0),
      minute: +(mi ?? 0),
      second: +(s ?? 0),
      zone: zone ?? null,
    };
  }
  const german = GERMAN.exec(text);
  if (german) {
    const [, d, mo, y, h, mi, s] = german;
    return { year: +y!, month: +mo!, day: +d!, hour: +(h ?? 0), minute: +(mi ?? 0), second: +(s ?? 0), zone: null };
  }
  return null;
}

function isRealDate(p: Parts): boolean {
  if (p.month < 1 || p.month > 12 || p.day < 1 || p.hour > 23 || p.minute > 59 || p.second > 59) return false;
  const probe = new Date(Date.UTC(p.year, p.month - 1, p.day));
  return probe.getUTCMonth() === p.month - 1 && probe.getUTCDate() === p.day;
}

function zoneOffsetMs(zone: string): number {
  if (/^z$/i.test(zone)) return 0;
  const digits = zone.replace(':', '');
  const sign = digits.startsWith('-') ? -1 : 1;
  const hours = Number(digits.slice(1, 3));
  const minutes = Number(digits.slice(3, 5) || 0);
  return sign * (hours * 60 + minutes) * 60_000;
}

const berlinParts = new Intl.DateTimeFormat('en-US', {
  timeZone: ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

/** Berlin's offset from UTC at the instant `utcMs`. */
function offsetAt(utcMs: number): number {
  const parts = Object.fromEntries(berlinParts.formatToParts(new Date(utcMs)).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!);
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/** Offset for a Berlin wall-clock time given as if it were UTC (two passes settle DST changes). */
function berlinOffsetMs(localAsUtc: number): number {
  const first = offsetAt(localAsUtc);
  return offsetAt(localAsUtc - first);
}

/** The calendar date (YYYY-MM-DD) of an instant in Berlin. */
export function berlinDate(date: Date): string {
  const parts = Object.fromEntries(berlinParts.formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month!.padStart(2, '0')}-${parts.day!.padStart(2, '0')}`;
}
