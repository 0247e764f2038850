import i18next from 'i18next';
import type { SlotConflict } from '@shared/sales/test-drives';
import { currentLocale } from '@web/i18n';

const TIME_ZONE = 'Europe/Berlin';

export function formatTime(iso: string): string {
  return new Intl.DateTimeFormat(currentLocale() === 'de' ? 'de-DE' : 'en-GB', {
    timeZone: TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat(currentLocale() === 'de' ? 'de-DE' : 'en-GB', {
    timeZone: TIME_ZONE,
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));
}

/** "VW ID.4 M-AB 123 ist von 14:00 bis 15:00 für Müller, Anna gebucht." in the reader's language. */
export function conflictInWords(c: SlotConflict): string {
  const params = { car: c.car, from: formatTime(c.startsAt), to: formatTime(c.endsAt) };
  return c.kind === 'test_drive'
    ? i18next.t('testDrives.conflict.booked', { ...params, customer: c.customer ?? '' })
    : i18next.t('testDrives.conflict.blocked', { ...params, reason: c.reason ?? '' });
}
