import type { z } from 'zod';
import type { MonitoringReport, MonitoringRow } from '@shared/requests/monitoring';
import type { Database } from '@server/db/client';
import type { MailInput, MailService } from '@server/integrations/mail/service';
import { addDays, toLocal } from '@server/lib/zoned-time';
import { formatPct } from './csv';
import { type Calendars, cohortOf, monitoringReport } from './monitoring';

export const DAILY_SUMMARY_JOB = 'reports.daily-summary';
export const DAILY_SUMMARY_SCHEDULE = 'daily at 07:00 Europe/Berlin';

type Report = z.infer<typeof MonitoringReport>;
type Row = z.infer<typeof MonitoringRow>;

interface Manager {
  id: string;
  email: string;
  first_name: string;
  last_name: string;
  location_ids: string[];
}

/** Active managers with every location they work at (home plus further ones). */
async function activeManagers(database: Database): Promise<Manager[]> {
  return database.query<Manager>(
    `SELECT u.id, u.email, u.first_name, u.last_name,
            array_cat(ARRAY[u.home_location_id], COALESCE(array_agg(ul.location_id) FILTER (WHERE ul.location_id IS NOT NULL), '{}'))::text[] AS location_ids
     FROM users u
     LEFT JOIN user_locations ul ON ul.user_id = u.id AND ul.location_id <> u.home_location_id
     WHERE u.role = 'manager' AND u.active
     GROUP BY u.id
     ORDER BY u.last_name, u.first_name`,
  );
}

/** The Berlin calendar day before `now`, as YYYY-MM-DD. */
export function berlinYesterday(now: Date): string {
  const today = toLocal(now, 'Europe/Berlin');
  const d = addDays(today.year, today.month, today.day, -1);
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

const germanDate = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

const share = (pct: number | null) => (pct === null ? '–' : `${formatPct(pct)} %`);

const COLUMNS: Array<[string, (r: Row) => string]> = [
  ['Eingang', (r) => String(r.received)],
  ['≤1 AT', (r) => String(r.contactedWithinOneWorkingDay)],
  ['Quote', (r) => share(r.contactedWithinOneWorkingDayPct)],
  ['In Frist', (r) => String(r.contactedWithinDeadline)],
  ['Quote', (r) => share(r.contactedWithinDeadlinePct)],
  ['Versuche', (r) => String(r.attempts)],
  ['Offen', (r) => String(r.open)],
  ['Überfällig', (r) => String(r.overdue)],
  ['Erledigt', (r) => String(r.done)],
  ['Verloren', (r) => String(r.lost)],
];

/** A fixed-width table that stays readable in any mail client's plain-text view. */
export function summaryTable(report: Report): string {
  const rows = [...report.rows, report.total];
  const labelWidth = Math.max('Standort'.length, ...rows.map((r) => r.label.length));
  const widths = COLUMNS.map(([head, value]) => Math.max(head.length, ...rows.map((r) => value(r).length)));
  const line = (label: string, cells: string[]) =>
    [label.padEnd(labelWidth), ...cells.map((c, i) => c.padStart(widths[i]!))].join('  ').trimEnd();
  const header = line(
    'Standort',
    COLUMNS.map(([head]) => head),
  );
  const body = report.rows.map((r) =>
    line(
      r.label,
      COLUMNS.map(([, value]) => value(r)),
    ),
  );
  const rule = '-'.repeat(header.length);
  return [
    header,
    rule,
    ...body,
    rule,
    line(
      report.total.label,
      COLUMNS.map(([, value]) => value(report.total)),
    ),
  ].join('\n');
}

function summaryText(manager: Manager, day: string, report: Report): string {
  return [
    `Guten Morgen ${manager.first_name} ${manager.last_name},`,
    '',
    `hier die Zahlen zu den Kundenanfragen vom ${germanDate(day)} an Ihren Standorten:`,
    '',
    summaryTable(report),
    '',
    '≤1 AT = innerhalb eines Arbeitstags kontaktiert (nach Öffnungszeiten und Feiertagen des Standorts).',
    'In Frist = innerhalb der Frist kontaktiert, die für die Art der Anfrage eingestellt ist.',
    'Offen, überfällig, erledigt und verloren beziehen sich auf die an diesem Tag eingegangenen Anfragen,',
    'Stand Tagesende.',
    report.total.overdue > 0
      ? `Achtung: ${report.total.overdue} Anfrage(n) wurden nicht rechtzeitig kontaktiert und sind noch offen.`
      : 'Alle Anfragen wurden fristgerecht bearbeitet oder sind noch in der Frist.',
    '',
    'Details und Export finden Sie im CRM unter „Auswertungen → Monitoring“.',
    '',
    'Diese E-Mail wurde automatisch erstellt.',
  ].join('\n');
}

/**
 * One e-mail per active manager with yesterday's figures for their locations
 * (R3.5). The figures are read first and the mails queued together in one
 * transaction afterwards, so no transaction stays open during the queries.
 */
export async function sendDailySummaries(
  database: Database,
  mail: MailService,
  now: Date,
  calendars: Calendars,
): Promise<number> {
  const day = berlinYesterday(now);
  const managers = await activeManagers(database);
  const mails: MailInput[] = [];
  for (const manager of managers) {
    const cohort = cohortOf({ from: day, to: day, groupBy: 'location' }, manager.location_ids, now);
    const report = await monitoringReport(database, cohort, { from: day, to: day }, calendars);
    mails.push({
      to: manager.email,
      subject: `Tagesübersicht Kundenanfragen ${germanDate(day)}: ${report.total.received} eingegangen, ${report.total.overdue} überfällig`,
      text: summaryText(manager, day, report),
      related: { type: 'daily_summary', id: manager.id },
    });
  }
  await database.db.transaction(async (tx) => {
    for (const m of mails) await mail.enqueue(tx, m);
  });
  return managers.length;
}
