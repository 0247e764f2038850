import type { z } from 'zod';
import type { MonitoringReport, MonitoringRow } from '@shared/requests/monitoring';
import type { Database } from '@server/db/client';
import type { MailInput, MailService } from '@server/integrations/mail/service';
import { addDays, toLocal } from '@server/lib/zoned-time';
import type { Locale } from '@shared/org/enums';
import { type Translate, translator } from '@shared/texts/translate';
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
  locale: Locale;
  location_ids: string[];
}

/** Active managers with every location they work at (home plus further ones). */
async function activeManagers(database: Database): Promise<Manager[]> {
  return database.query<Manager>(
    `SELECT u.id, u.email, u.first_name, u.last_name, u.locale,
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

/** A calendar day as its reader writes it: 03.03.2026 in German, 03/03/2026 in English. */
const dayIn = (locale: Locale, iso: string) =>
  locale === 'de'
    ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`
    : `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

const share = (pct: number | null) => (pct === null ? '–' : `${formatPct(pct)} %`);

/** The table's columns: the heading's text key and the cell. */
const COLUMNS: Array<[string, (r: Row) => string]> = [
  ['received', (r) => String(r.received)],
  ['withinDay', (r) => String(r.contactedWithinOneWorkingDay)],
  ['share', (r) => share(r.contactedWithinOneWorkingDayPct)],
  ['inDeadline', (r) => String(r.contactedWithinDeadline)],
  ['share', (r) => share(r.contactedWithinDeadlinePct)],
  ['attempts', (r) => String(r.attempts)],
  ['open', (r) => String(r.open)],
  ['overdue', (r) => String(r.overdue)],
  ['done', (r) => String(r.done)],
  ['lost', (r) => String(r.lost)],
];

/** A fixed-width table that stays readable in any mail client's plain-text view. */
export function summaryTable(report: Report, t: Translate = translator('de')): string {
  const rows = [...report.rows, report.total];
  const heads = COLUMNS.map(([key]) => t(`mail.dailySummary.${key}`));
  const locationHead = t('mail.dailySummary.location');
  const labelWidth = Math.max(locationHead.length, ...rows.map((r) => r.label.length));
  const widths = COLUMNS.map(([, value], i) => Math.max(heads[i]!.length, ...rows.map((r) => value(r).length)));
  const line = (label: string, cells: string[]) =>
    [label.padEnd(labelWidth), ...cells.map((c, i) => c.padStart(widths[i]!))].join('  ').trimEnd();
  const header = line(locationHead, heads);
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
  const t = translator(manager.locale);
  return [
    t('mail.dailySummary.hello', { name: `${manager.first_name} ${manager.last_name}` }),
    '',
    t('mail.dailySummary.intro', { day: dayIn(manager.locale, day) }),
    '',
    summaryTable(report, t),
    '',
    t('mail.dailySummary.legendWithinDay'),
    t('mail.dailySummary.legendInDeadline'),
    t('mail.dailySummary.legendCohort'),
    t('mail.dailySummary.legendCohortEnd'),
    report.total.overdue > 0
      ? t('mail.dailySummary.overdueWarning', { count: report.total.overdue })
      : t('mail.dailySummary.allInTime'),
    '',
    t('mail.dailySummary.details'),
    '',
    t('mail.dailySummary.footer'),
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
      // In the manager's own language, German unless they chose otherwise.
      subject: translator(manager.locale)('mail.dailySummary.subject', {
        day: dayIn(manager.locale, day),
        received: report.total.received,
        overdue: report.total.overdue,
      }),
      text: summaryText(manager, day, report),
      related: { type: 'daily_summary', id: manager.id },
    });
  }
  await database.db.transaction(async (tx) => {
    for (const m of mails) await mail.enqueue(tx, m);
  });
  return managers.length;
}
