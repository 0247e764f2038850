import { currentLocale } from '@web/i18n';
import { dateFormat, TIME_ZONE } from '@web/ui/format';

const intlLocale = () => (currentLocale() === 'de' ? 'de-DE' : 'en-GB');
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * "06.05.2024". Calendar dates (YYYY-MM-DD) are shown as stored, without a
 * time-zone shift; timestamps are shown as the day in Berlin.
 */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const match = DATE_ONLY.exec(value);
  const date = match
    ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12))
    : new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return dateFormat(intlLocale(), {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: match ? 'UTC' : TIME_ZONE,
  }).format(date);
}

/** True when a calendar date or timestamp lies before today. */
export function isPast(value: string | null | undefined, now = new Date()): boolean {
  if (!value) return false;
  const day = DATE_ONLY.test(value) ? value : new Date(value).toISOString().slice(0, 10);
  return day < now.toISOString().slice(0, 10);
}

/** Today as YYYY-MM-DD in Berlin, for date pickers' maximum. */
export function todayInBerlin(now = new Date()): string {
  return dateFormat('en-CA', { timeZone: TIME_ZONE }).format(now);
}

/** The UTC offset Berlin has on a given calendar day, e.g. "+02:00" in summer. */
function berlinOffset(day: string): string {
  const noon = new Date(`${day}T12:00:00Z`);
  const name = dateFormat('en-US', { timeZone: TIME_ZONE, timeZoneName: 'longOffset' })
    .formatToParts(noon)
    .find((part) => part.type === 'timeZoneName')?.value;
  const offset = name?.replace('GMT', '') ?? '';
  return offset || '+00:00';
}

/** The last second of a calendar day in Berlin as an ISO timestamp ("blocked until 31.05." holds all of the 31st). */
export function berlinEndOfDay(day: string): string {
  return new Date(`${day}T23:59:59${berlinOffset(day)}`).toISOString();
}

/** The start of a calendar day in Berlin as an ISO timestamp. */
export function berlinStartOfDay(day: string): string {
  return new Date(`${day}T00:00:00${berlinOffset(day)}`).toISOString();
}
