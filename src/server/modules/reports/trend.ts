import type { Trend } from '@shared/requests/home';
import type { Database } from '@server/db/client';
import { addDays, fromLocal, toLocal } from '@server/lib/zoned-time';
import { type Calendars, withOneWorkingDay } from './monitoring';
import { cohortCte, cohortParams, MEASURE_CONDITION } from './monitoring-sql';

const TIME_ZONE = 'Europe/Berlin';
export const TREND_WEEKS = 8;

const isoDay = (d: { year: number; month: number; day: number }) =>
  `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

/** Monday of the Berlin week `now` falls in, `step` weeks later (negative: earlier). */
export function berlinWeekStart(now: Date, step = 0) {
  const today = toLocal(now, TIME_ZONE);
  const monday = addDays(today.year, today.month, today.day, -today.weekday + 7 * step);
  return { date: isoDay(monday), instant: fromLocal(monday.year, monday.month, monday.day, 0, TIME_ZONE) };
}

/** Today in Berlin as YYYY-MM-DD. */
export const berlinToday = (now: Date) => isoDay(toLocal(now, TIME_ZONE));

/**
 * Per week and location, one query: the received requests (as the report's
 * cohort, grouped by location) counted by the week they came in. Weeks start
 * on Monday in Berlin, whatever the server's time zone.
 */
const TREND_SQL = `WITH ${cohortCte('location')}
  SELECT to_char(date_trunc('week', r.received_at AT TIME ZONE '${TIME_ZONE}'), 'YYYY-MM-DD') AS week,
         r.gkey AS location_id,
         min(r.glabel) AS location,
         count(*)::int AS received,
         count(*) FILTER (WHERE ${MEASURE_CONDITION.contacted_one_day})::int AS contacted_one_day,
         count(*) FILTER (WHERE ${MEASURE_CONDITION.late})::int AS overdue
    FROM cohort r
   GROUP BY 1, 2`;

interface TrendRow {
  week: string;
  location_id: string;
  location: string;
  received: number;
  contacted_one_day: number;
  overdue: number;
}

/**
 * The last eight weeks (this one included) of first contact within one
 * working day and of deadlines missed, per location; every location gets
 * every week, so a quiet week shows as a gap in the line, not a jump.
 */
export async function weeklyTrend(
  database: Database,
  locations: Array<{ id: string; name: string }>,
  now: Date,
  calendars: Calendars,
): Promise<Trend> {
  const first = berlinWeekStart(now, -(TREND_WEEKS - 1));
  const weeks = Array.from({ length: TREND_WEEKS }, (_, i) => berlinWeekStart(now, i - (TREND_WEEKS - 1)).date);
  if (locations.length === 0) return { weeks, points: [] };
  const cohort = await withOneWorkingDay(
    database,
    {
      start: first.instant,
      end: berlinWeekStart(now, 1).instant,
      asOf: now,
      locationIds: locations.map((l) => l.id),
      type: null,
      groupBy: 'location',
      now,
      oneDay: { ids: [], due: [] },
    },
    calendars,
  );
  const found = await database.query<TrendRow>(TREND_SQL, cohortParams(cohort));
  const byKey = new Map(found.map((r) => [`${r.week}|${r.location_id}`, r]));
  const points = locations.flatMap((location) =>
    weeks.map((week) => {
      const row = byKey.get(`${week}|${location.id}`);
      const received = Number(row?.received ?? 0);
      const contacted = Number(row?.contacted_one_day ?? 0);
      return {
        week,
        locationId: location.id,
        location: location.name,
        received,
        contactedWithinOneWorkingDay: contacted,
        contactedWithinOneWorkingDayPct: received === 0 ? null : Math.round((contacted / received) * 1000) / 10,
        overdue: Number(row?.overdue ?? 0),
      };
    }),
  );
  return { weeks, points };
}
