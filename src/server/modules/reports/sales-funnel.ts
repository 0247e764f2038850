import type { z } from 'zod';
import type { SalesFunnelBreakdownRow, SalesFunnelQuery, SalesFunnelReport } from '@shared/sales/funnel';
import type { Db } from '@server/db/client';
import type { UserActor } from '@server/http/access';
import { ForbiddenError } from '@server/http/errors';
import { addDaysTo, berlinTime } from '@server/modules/activities';
import { locationNames, userNames } from '@server/modules/org';
import {
  type FunnelBreakdownRow,
  salesFunnel,
  salesFunnelBreakdown,
  salesLostReasons,
  salesOpenPipeline,
} from '@server/modules/sales';

const rate = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : null);

/** Rows labelled and sorted by leads (most first), then by label. */
function labelled(rows: FunnelBreakdownRow[], names: Map<string, string>): SalesFunnelBreakdownRow[] {
  return rows
    .map((r) => ({
      key: r.key,
      label: r.key === null ? '' : (names.get(r.key) ?? r.key),
      counts: r.counts,
      contractRate: rate(r.counts.contract, r.counts.lead),
    }))
    .sort((a, b) => b.counts.lead - a.counts.lead || a.label.localeCompare(b.label, 'de'));
}

/**
 * The sales funnel (leads → test drives → offers → contracts → deliveries) of a period in Berlin
 * days, with conversion rates, lost reasons, the open pipeline and the same funnel per source,
 * consultant and location. Managers see their locations, consultants their own locations too; admins all.
 */
export async function salesFunnelReport(
  db: Db,
  actor: UserActor,
  q: z.output<typeof SalesFunnelQuery>,
  allLocationIds: () => Promise<string[]>,
): Promise<SalesFunnelReport> {
  if (q.locationId && actor.role !== 'admin' && !actor.locationIds.includes(q.locationId)) {
    throw new ForbiddenError('You do not work at this location.');
  }
  const locationIds = q.locationId
    ? [q.locationId]
    : actor.role === 'admin'
      ? await allLocationIds()
      : actor.locationIds;
  const filter = {
    from: berlinTime(q.from),
    to: berlinTime(addDaysTo(q.to, 1)),
    locationIds,
    ownerId: q.ownerId,
    source: q.source || undefined,
  };
  const [steps, lost, pipeline, bySource, byOwner, byLocation] = await Promise.all([
    salesFunnel(db, filter),
    salesLostReasons(db, filter),
    salesOpenPipeline(db, filter),
    salesFunnelBreakdown(db, filter, 'source'),
    salesFunnelBreakdown(db, filter, 'owner'),
    salesFunnelBreakdown(db, filter, 'location'),
  ]);
  const ids = (rows: FunnelBreakdownRow[]) => rows.flatMap((r) => (r.key ? [r.key] : []));
  const [people, places] = await Promise.all([userNames(db, ids(byOwner)), locationNames(db, ids(byLocation))]);
  const leads = steps[0]!.count;
  return {
    steps: steps.map((s, i) => ({
      ...s,
      rateFromPrevious: i === 0 ? null : rate(s.count, steps[i - 1]!.count),
      rateFromLeads: i === 0 ? null : rate(s.count, leads),
    })),
    lost,
    pipeline,
    bySource: labelled(bySource, new Map()),
    byConsultant: labelled(byOwner, people),
    byLocation: labelled(byLocation, places),
  };
}
