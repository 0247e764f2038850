import { currentLocale } from '@web/i18n';
import { dateFormat, TIME_ZONE } from '@web/ui/format';
import type { Role } from '@shared/org/enums';
import { can } from '@shared/auth/policies';

const intlLocale = () => (currentLocale() === 'de' ? 'de-DE' : 'en-GB');

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "3 Std.", "25 Min.", "2 Tg.": a span of time, rounded to the unit a person would use. */
export function formatSpan(ms: number): string {
  const abs = Math.abs(ms);
  const [value, unit] =
    abs < HOUR
      ? [Math.max(1, Math.round(abs / MINUTE)), 'minute']
      : abs < 48 * HOUR
        ? [Math.round(abs / HOUR), 'hour']
        : [Math.round(abs / DAY), 'day'];
  return new Intl.NumberFormat(intlLocale(), { style: 'unit', unit, unitDisplay: 'short' }).format(value);
}

/** "heute 15:30", "morgen 09:00" or "Mo., 06.05., 14:30": short, but never ambiguous. */
export function formatWhen(value: string | Date, now = new Date()): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  const day = (d: Date) => dateFormat('en-CA', { timeZone: TIME_ZONE }).format(d);
  const time = dateFormat(intlLocale(), { timeStyle: 'short', timeZone: TIME_ZONE }).format(date);
  const de = currentLocale() === 'de';
  if (day(date) === day(now)) return `${de ? 'heute' : 'today'} ${time}`;
  if (day(date) === day(new Date(now.getTime() + DAY))) return `${de ? 'morgen' : 'tomorrow'} ${time}`;
  return dateFormat(intlLocale(), {
    weekday: 'short',
    day: '2-digit',
    month: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: TIME_ZONE,
  }).format(date);
}

/** Work lists and reassigning many requests at once are for those who lead a team. */
export const canManageRequests = (role: Role) => can(role, 'requests.manage');
