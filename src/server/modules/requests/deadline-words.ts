/** Our customers' clocks: the deadline is said in the dealer's time. */
const ZONE = 'Europe/Berlin';

function partsOf(at: Date, locale: string) {
  const parts = new Intl.DateTimeFormat(locale, {
    timeZone: ZONE,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    weekday: part('weekday'),
    day: part('day'),
    month: part('month'),
    time: `${part('hour')}:${part('minute')}`,
  };
}

/**
 * A first-contact deadline as a sentence part: "Montag, 7. Dezember, 12:00 Uhr" or
 * "Monday, 7 December, 12:00". Working-hours deadlines end at any hour; they read the same way.
 */
export function deadlineInWords(at: Date, locale: 'de' | 'en'): string {
  if (locale === 'en') {
    const p = partsOf(at, 'en-GB');
    return `${p.weekday}, ${p.day} ${p.month}, ${p.time}`;
  }
  const p = partsOf(at, 'de-DE');
  return `${p.weekday}, ${p.day}. ${p.month}, ${p.time} Uhr`;
}
