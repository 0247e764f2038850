import type { ImportAction, ImportReport } from '../../../shared/imports/schemas';
import { CSV_BOM, csvLine } from './csv-write';

const ACTION_LABELS: Record<ImportAction, string> = {
  create: 'angelegt',
  update: 'aktualisiert',
  skip: 'übersprungen',
  reject: 'abgelehnt',
};

/** The per-row report as a CSV for Excel; a dry run says "würde …". */
export function reportCsv(report: ImportReport): string {
  const lines = [CSV_BOM + csvLine(['Zeile', 'Ergebnis', 'Hinweise', 'Kontakt-ID', 'Fahrzeug-ID'])];
  for (const r of report.rows) {
    const action = report.dryRun ? `würde ${ACTION_LABELS[r.action]}` : ACTION_LABELS[r.action];
    const notes = r.reasons.map((reason) => `${reason.column ?? reason.field}: ${reason.message}`).join(' | ');
    lines.push(csvLine([r.row, action, notes, r.contactId ?? '', r.vehicleId ?? '']));
  }
  return lines.join('');
}
