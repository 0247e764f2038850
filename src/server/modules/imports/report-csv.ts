import type { ImportAction, ImportReport } from '@shared/imports/schemas';
import type { Locale } from '@shared/org/enums';
import { csvLine } from '@server/lib/csv';
import { CSV_BOM } from './csv-write';
import { reasonIn } from './reason-words';

const WORDS = {
  de: {
    header: ['Zeile', 'Ergebnis', 'Hinweise', 'Kontakt-ID', 'Fahrzeug-ID'],
    actions: { create: 'angelegt', update: 'aktualisiert', skip: 'übersprungen', reject: 'abgelehnt' },
    wouldBe: (action: string) => `würde ${action}`,
  },
  en: {
    header: ['Row', 'Result', 'Notes', 'Contact ID', 'Vehicle ID'],
    actions: { create: 'created', update: 'updated', skip: 'skipped', reject: 'rejected' },
    wouldBe: (action: string) => `would be ${action}`,
  },
} satisfies Record<Locale, { header: string[]; actions: Record<ImportAction, string>; wouldBe: (a: string) => string }>;

/** The per-row report as a CSV for Excel, in the reader's language (German by default); a dry run says "würde …". */
export function reportCsv(report: ImportReport, locale: Locale = 'de'): string {
  const words = WORDS[locale] ?? WORDS.de;
  const lines = [CSV_BOM + csvLine(words.header)];
  for (const r of report.rows) {
    const action = report.dryRun ? words.wouldBe(words.actions[r.action]) : words.actions[r.action];
    const notes = r.reasons
      .map((reason) => `${reason.column ?? reason.field}: ${reasonIn(locale, reason.message)}`)
      .join(' | ');
    lines.push(csvLine([r.row, action, notes, r.contactId ?? '', r.vehicleId ?? '']));
  }
  return lines.join('');
}
