import { currentLocale } from '../i18n';

/** Dealer groups work in German time, wherever the browser thinks it is. */
export const TIME_ZONE = 'Europe/Berlin';

const intlLocale = () => (currentLocale() === 'de' ? 'de-DE' : 'en-GB');

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A date formatter, made once per locale and options: building one costs far more than formatting with it,
 * and a list formats a date in every row.
 */
export function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    dateFormats.set(key, format);
  }
  return format;
}

function toDate(value: Date | string) {
  return typeof value === 'string' ? new Date(value) : value;
}

/** "Montag, 6. Mai 2024" */
export function formatLongDate(value: Date | string) {
  return dateFormat(intlLocale(), { dateStyle: 'full', timeZone: TIME_ZONE }).format(toDate(value));
}

/** A calendar day ("2024-05-06") as "06.05.2024": a day, not an instant, so no time zone moves it. */
export function formatDay(day: string) {
  const [y, m, d] = day.split('-').map(Number);
  return dateFormat(intlLocale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(Date.UTC(y!, m! - 1, d!)));
}

/** "06.05.2024, 14:30" */
export function formatDateTime(value: Date | string) {
  return dateFormat(intlLocale(), { dateStyle: 'medium', timeStyle: 'short', timeZone: TIME_ZONE }).format(
    toDate(value),
  );
}

/** The hour of day in Berlin, for a greeting that fits the time. */
export function berlinHour(value: Date = new Date()) {
  return Number(dateFormat('en-GB', { hour: 'numeric', hourCycle: 'h23', timeZone: TIME_ZONE }).format(value));
}
