import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ComplaintReport, ComplaintReportQuery } from '@shared/complaints/schemas';
import { type DbOrTx, rows } from '@server/db/client';
import type { UserActor } from '@server/http/access';
import { ForbiddenError } from '@server/http/errors';
import { addDays, fromLocal } from '@server/lib/zoned-time';
import { type WorkingCalendar, workingHoursBetween } from '@server/lib/working-time';

const berlinDay = (date: string, step = 0) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const day = addDays(y, m, d, step);
  return fromLocal(day.year, day.month, day.day, 0, 'Europe/Berlin');
};

const median = (values: number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return Math.round(value * 10) / 10;
};

const COST = sql.raw('(c.parts_cents + c.labour_cents + c.goodwill_manufacturer_cents + c.goodwill_dealer_cents)');

/**
 * Complaints of a period (by the day they came in) at the caller's locations: by category,
 * location, model and department with their cost; the median time to acknowledge and to
 * resolve in the location's working hours; cost and goodwill; repeat complaints (the same
 * customer or the same car complained within the 12 months before).
 */
export async function complaintReport(
  db: DbOrTx,
  actor: UserActor,
  query: z.output<typeof ComplaintReportQuery>,
  ports: { allLocations: () => Promise<Array<{ id: string; name: string; calendar: WorkingCalendar }>> },
): Promise<ComplaintReport> {
  if (query.locationId && actor.role !== 'admin' && !actor.locationIds.includes(query.locationId)) {
    throw new ForbiddenError('You do not work at this location.');
  }
  const locations = await ports.allLocations();
  const locationIds = query.locationId
    ? [query.locationId]
    : actor.role === 'admin'
      ? locations.map((l) => l.id)
      : actor.locationIds;
  const from = berlinDay(query.from).toISOString();
  const to = berlinDay(query.to, 1).toISOString();
  const ids = `{${locationIds.join(',')}}`;
  const scope = sql`c.opened_at >= ${from}::timestamptz AND c.opened_at < ${to}::timestamptz
                    AND c.location_id = ANY(${ids}::uuid[])`;

  const group = (column: string) =>
    rows<{ key: string | null; count: number; cost: number }>(
      db,
      sql`SELECT ${sql.raw(column)} AS key, count(*)::int AS count, coalesce(sum(${COST}), 0)::bigint AS cost
            FROM complaint_cases c WHERE ${scope} GROUP BY 1 ORDER BY 2 DESC, 1`,
    );
  const [byCategory, byLocation, byModel, byDepartment, totals, repeat, times] = await Promise.all([
    group('c.category'),
    group('c.location_id::text'),
    group('c.model'),
    group('c.department'),
    rows<Record<string, number>>(
      db,
      sql`SELECT count(*)::int AS total, coalesce(sum(c.parts_cents), 0)::bigint AS parts,
                 coalesce(sum(c.labour_cents), 0)::bigint AS labour,
                 coalesce(sum(c.goodwill_manufacturer_cents), 0)::bigint AS gm,
                 coalesce(sum(c.goodwill_dealer_cents), 0)::bigint AS gd,
                 coalesce(sum(c.minutes_spent), 0)::bigint AS minutes
            FROM complaint_cases c WHERE ${scope}`,
    ),
    rows<{ same_customer: number; same_vehicle: number }>(
      db,
      sql`SELECT
            count(*) FILTER (WHERE EXISTS (SELECT 1 FROM complaint_cases p WHERE p.contact_id = c.contact_id
                AND p.id <> c.id AND (p.opened_at, p.number) < (c.opened_at, c.number) AND p.opened_at >= c.opened_at - interval '12 months'))::int
              AS same_customer,
            count(*) FILTER (WHERE c.vehicle_id IS NOT NULL AND EXISTS (SELECT 1 FROM complaint_cases p
                WHERE p.vehicle_id = c.vehicle_id AND p.id <> c.id AND (p.opened_at, p.number) < (c.opened_at, c.number)
                  AND p.opened_at >= c.opened_at - interval '12 months'))::int AS same_vehicle
            FROM complaint_cases c WHERE ${scope}`,
    ),
    rows<{
      location_id: string;
      opened_at: string | Date;
      acknowledged_at: string | Date | null;
      closed_at: string | Date | null;
    }>(
      db,
      sql`SELECT c.location_id, c.opened_at, c.acknowledged_at, c.closed_at FROM complaint_cases c
           WHERE ${scope} AND (c.acknowledged_at IS NOT NULL OR c.closed_at IS NOT NULL) LIMIT 20000`,
    ),
  ]);
  const byId = new Map(locations.map((l) => [l.id, l]));
  const acknowledge: number[] = [];
  const resolve: number[] = [];
  for (const t of times) {
    const calendar = byId.get(t.location_id)?.calendar;
    if (!calendar) continue;
    const opened = new Date(t.opened_at);
    if (t.acknowledged_at) acknowledge.push(workingHoursBetween(calendar, opened, new Date(t.acknowledged_at)));
    if (t.closed_at) resolve.push(workingHoursBetween(calendar, opened, new Date(t.closed_at)));
  }
  const bucket = (r: { key: string | null; count: number; cost: number }) => ({
    key: r.key ?? '',
    count: Number(r.count),
    costCents: Number(r.cost),
  });
  const total = totals[0]!;
  const parts = Number(total.parts);
  const labour = Number(total.labour);
  const gm = Number(total.gm);
  const gd = Number(total.gd);
  return {
    total: Number(total.total),
    byCategory: byCategory.map(bucket),
    byLocation: byLocation.map((r) => ({ ...bucket(r), name: byId.get(r.key ?? '')?.name ?? '' })),
    byModel: byModel.map(bucket),
    byDepartment: byDepartment.map(bucket),
    acknowledgeHours: median(acknowledge),
    resolveHours: median(resolve),
    costs: {
      partsCents: parts,
      labourCents: labour,
      goodwillManufacturerCents: gm,
      goodwillDealerCents: gd,
      totalCents: parts + labour + gm + gd,
      minutesSpent: Number(total.minutes),
    },
    repeat: { sameCustomer: Number(repeat[0]!.same_customer), sameVehicle: Number(repeat[0]!.same_vehicle) },
  };
}
