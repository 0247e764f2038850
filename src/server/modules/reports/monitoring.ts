import type { z } from 'zod';
import { ATTEMPT_CHANNELS, LOST_REASONS } from '@shared/requests/enums';
import type {
  MonitoringDrillQuery,
  MonitoringQuery,
  MonitoringReport,
  MonitoringRow,
} from '@shared/requests/monitoring';
import type { RequestListItem } from '@shared/requests/schemas';
import type { Database } from '@server/db/client';
import type { UserActor } from '@server/http/access';
import { ForbiddenError } from '@server/http/errors';
import { addWorkingDays, type WorkingCalendar } from '@server/lib/working-time';
import { addDays, fromLocal } from '@server/lib/zoned-time';
import type { OrgService } from '@server/modules/org';
import {
  type Cohort,
  COHORT_RECEIPTS_SQL,
  cohortParams,
  cohortReceiptsParams,
  drillSql,
  type GroupBy,
  reportSql,
} from './monitoring-sql';

export type MonitoringQueryInput = z.infer<typeof MonitoringQuery>;
export type MonitoringDrillInput = z.infer<typeof MonitoringDrillQuery>;
type Report = z.infer<typeof MonitoringReport>;
type Row = z.infer<typeof MonitoringRow>;

const TIME_ZONE = 'Europe/Berlin';
export const DRILL_LIMIT = 200;

/** Start of a Berlin calendar day (YYYY-MM-DD) as an instant. */
export function berlinDayStart(date: string, step = 0): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const day = addDays(y, m, d, step);
  return fromLocal(day.year, day.month, day.day, 0, TIME_ZONE);
}

/** The locations an actor may report on: admins all (or the one asked for), managers their own. */
export async function reportLocations(org: OrgService, actor: UserActor, locationId?: string): Promise<string[]> {
  if (actor.role === 'admin') {
    return locationId ? [locationId] : (await org.listLocations()).map((l) => l.id);
  }
  if (locationId) {
    if (!actor.locationIds.includes(locationId)) throw new ForbiddenError('You do not work at this location.');
    return [locationId];
  }
  return actor.locationIds;
}

/** Each location's opening hours and federal state: what "one working day" means there. */
export type Calendars = ReadonlyMap<string, WorkingCalendar>;

export async function locationCalendars(org: OrgService): Promise<Calendars> {
  const locations = await org.listLocations();
  return new Map(locations.map((l) => [l.id, { openingHours: l.openingHours, federalState: l.federalState }]));
}

export function cohortOf(
  query: { from: string; to: string; type?: string; groupBy: GroupBy },
  locationIds: string[],
  now: Date,
): Cohort {
  const start = berlinDayStart(query.from);
  const end = berlinDayStart(query.to, 1);
  return {
    start,
    end,
    asOf: end.getTime() < now.getTime() ? end : now,
    locationIds,
    type: query.type ?? null,
    groupBy: query.groupBy,
    now,
    oneDay: { ids: [], due: [] },
  };
}

/**
 * The standard's deadline for every request of the cohort — first contact
 * within one working day (R3.3), in the location's opening hours and without
 * its federal state's public holidays — whatever deadline a manager set for
 * the type. Opening hours and holidays are known to code, not to SQL, so the
 * deadlines go into the report's query as a list.
 */
export async function withOneWorkingDay(database: Database, cohort: Cohort, calendars: Calendars): Promise<Cohort> {
  if (cohort.locationIds.length === 0) return cohort;
  const rows = await database.query<{ id: string; location_id: string; received_at: Date | string }>(
    COHORT_RECEIPTS_SQL,
    cohortReceiptsParams(cohort),
  );
  const ids: string[] = [];
  const due: string[] = [];
  for (const row of rows) {
    const calendar = calendars.get(row.location_id);
    if (!calendar) continue;
    try {
      due.push(addWorkingDays(calendar, new Date(row.received_at), 1).toISOString());
      ids.push(row.id);
    } catch {
      // A location without any opening hours has no working day; its requests count as not in time.
    }
  }
  return { ...cohort, oneDay: { ids, due } };
}

type RawRow = Record<string, unknown> & { is_total: boolean; key: string | null; label: string | null };

function presentRow(raw: RawRow): Row {
  const n = (name: string) => Number(raw[name] ?? 0);
  const received = n('received');
  const pct = (count: number) => (received === 0 ? null : Math.round((count / received) * 1000) / 10);
  return {
    key: raw.is_total ? 'total' : String(raw.key),
    label: raw.is_total ? 'Gesamt' : String(raw.label ?? raw.key),
    received,
    contactedWithinOneWorkingDay: n('contacted_one_day'),
    contactedWithinOneWorkingDayPct: pct(n('contacted_one_day')),
    contactedWithinDeadline: n('contacted'),
    contactedWithinDeadlinePct: pct(n('contacted')),
    attempts: n('attempts'),
    attemptsByChannel: Object.fromEntries(
      ATTEMPT_CHANNELS.map((ch) => [ch, n(`attempts_${ch}`)]),
    ) as Row['attemptsByChannel'],
    open: n('open'),
    overdue: n('overdue'),
    done: n('done'),
    lost: n('lost'),
    lostReasons: Object.fromEntries(LOST_REASONS.map((r) => [r, n(`lost_${r}`)])) as Row['lostReasons'],
  };
}

const emptyTotal = (): Row => presentRow({ is_total: true, key: null, label: null });

/** The monitoring figures of one cohort: a row per group and the total. */
export async function monitoringReport(
  database: Database,
  cohort: Cohort,
  range: { from: string; to: string },
  calendars: Calendars,
): Promise<Report> {
  const rows =
    cohort.locationIds.length === 0
      ? []
      : await database.query<RawRow>(
          reportSql(cohort.groupBy),
          cohortParams(await withOneWorkingDay(database, cohort, calendars)),
        );
  const presented = rows.map(presentRow);
  return {
    from: range.from,
    to: range.to,
    groupBy: cohort.groupBy,
    rows: presented.filter((r) => r.key !== 'total'),
    total: presented.find((r) => r.key === 'total') ?? emptyTotal(),
  };
}

interface DrillRow {
  id: string;
  number: string;
  type: RequestListItem['type'];
  channel: RequestListItem['channel'];
  subject: string;
  status: RequestListItem['status'];
  priority: RequestListItem['priority'];
  location_id: string;
  received_at: Date | string;
  first_contact_due_at: Date | string | null;
  first_contacted_at: Date | string | null;
  overdue: boolean;
  contact_id: string;
  contact_name: string;
  blocked: boolean;
  assignee_id: string | null;
  assignee_name: string | null;
  attempt_count: number;
}

const iso = (v: Date | string) => new Date(v).toISOString();

/** The requests behind one figure of one row, newest first. */
export async function monitoringRequests(
  database: Database,
  cohort: Cohort,
  drill: { key: string; measure: MonitoringDrillInput['measure'] },
  calendars: Calendars,
): Promise<RequestListItem[]> {
  if (cohort.locationIds.length === 0) return [];
  const rows = await database.query<DrillRow>(drillSql(cohort.groupBy, drill.measure, DRILL_LIMIT), [
    ...cohortParams(await withOneWorkingDay(database, cohort, calendars)),
    drill.key,
  ]);
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    type: r.type,
    channel: r.channel,
    subject: r.subject,
    status: r.status,
    priority: r.priority,
    contact: { id: r.contact_id, displayName: r.contact_name, blocked: r.blocked },
    assignee: r.assignee_id ? { id: r.assignee_id, displayName: r.assignee_name ?? '' } : null,
    locationId: r.location_id,
    receivedAt: iso(r.received_at),
    firstContactDueAt: r.first_contact_due_at ? iso(r.first_contact_due_at) : null,
    firstContactedAt: r.first_contacted_at ? iso(r.first_contacted_at) : null,
    overdue: Boolean(r.overdue),
    attemptCount: Number(r.attempt_count),
  }));
}
