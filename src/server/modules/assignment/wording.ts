import { toLocal } from '@server/lib/zoned-time';

/*
 * German wording for what assignment tells people: the explanation steps the
 * rule tester shows, notification texts and alert mails. German is what the
 * staff of every location reads; the explanation is data, not UI chrome.
 */

const TIME_ZONE = 'Europe/Berlin';

const pad = (n: number) => String(n).padStart(2, '0');

/** The calendar day (YYYY-MM-DD) of an instant in Berlin: absences are whole days there. */
export function berlinDate(instant: Date): string {
  const l = toLocal(instant, TIME_ZONE);
  return `${l.year}-${pad(l.month)}-${pad(l.day)}`;
}

/** 2026-03-14 → 14.03.2026 */
export function germanDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${d}.${m}.${y}`;
}

/** An instant as dd.mm.yyyy HH:mm in Berlin. */
export function germanDateTime(instant: Date): string {
  const l = toLocal(instant, TIME_ZONE);
  return `${pad(l.day)}.${pad(l.month)}.${l.year} ${pad(l.hour)}:${pad(l.minute)}`;
}

/** "abwesend bis 14.03.2026": never why, since whoever reads the request reads this (see absence-privacy.ts). */
export function absenceText(absence: { endsOn: string }): string {
  return `abwesend bis ${germanDate(absence.endsOn)}`;
}

export const names = (people: Array<{ displayName: string }>) => people.map((p) => p.displayName).join(', ');
