import type { z } from 'zod';
import { ATTEMPT_CHANNELS, LOST_REASONS } from '@shared/requests/enums';
import type { MonitoringReport, MonitoringRow } from '@shared/requests/monitoring';
import { csvField } from '@server/lib/csv';

type Report = z.infer<typeof MonitoringReport>;
type Row = z.infer<typeof MonitoringRow>;

export const CHANNEL_NAMES: Record<(typeof ATTEMPT_CHANNELS)[number], string> = {
  phone: 'Telefon',
  email: 'E-Mail',
  sms: 'SMS',
  letter: 'Brief',
  in_person: 'Persönlich',
};

export const LOST_REASON_NAMES: Record<(typeof LOST_REASONS)[number], string> = {
  not_reached: 'nicht erreicht',
  bought_elsewhere: 'woanders gekauft',
  no_interest: 'kein Interesse',
  price: 'Preis',
  no_stock: 'nicht lieferbar',
  duplicate: 'Dublette',
  spam: 'Spam',
  other: 'Sonstiges',
};

export const GROUP_NAMES = {
  location: 'Standort',
  team: 'Team',
  person: 'Mitarbeiter',
  source: 'Quelle / Kampagne',
} as const;

/** German decimal comma, as Excel expects it in a German locale. */
export const formatPct = (pct: number | null) => (pct === null ? '' : pct.toFixed(1).replace('.', ','));

function values(row: Row): Array<string | number> {
  return [
    row.label,
    row.received,
    row.contactedWithinOneWorkingDay,
    formatPct(row.contactedWithinOneWorkingDayPct),
    row.contactedWithinDeadline,
    formatPct(row.contactedWithinDeadlinePct),
    row.attempts,
    ...ATTEMPT_CHANNELS.map((ch) => row.attemptsByChannel[ch] ?? 0),
    row.open,
    row.overdue,
    row.done,
    row.lost,
    ...LOST_REASONS.map((r) => row.lostReasons[r] ?? 0),
  ];
}

/** The report as CSV for Excel: UTF-8 with BOM, ';' separated, German headers, total row last. */
export function monitoringCsv(report: Report): string {
  const header = [
    GROUP_NAMES[report.groupBy],
    'Eingegangen',
    'Kontaktiert innerhalb 1 Arbeitstag',
    'Quote in %',
    'Kontaktiert in der Frist',
    'Quote Frist in %',
    'Kontaktversuche',
    ...ATTEMPT_CHANNELS.map((ch) => `Versuche ${CHANNEL_NAMES[ch]}`),
    'Offen',
    'Überfällig',
    'Erledigt',
    'Verloren',
    ...LOST_REASONS.map((r) => `Verloren: ${LOST_REASON_NAMES[r]}`),
  ];
  const lines = [header, ...report.rows.map(values), values(report.total)].map((cells) =>
    cells.map(csvField).join(';'),
  );
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
