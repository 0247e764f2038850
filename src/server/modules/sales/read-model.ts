import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '@server/db/client';
import { rows } from '@server/db/client';

/** The funnel's steps, each counted once per opportunity that reached it in the period. */
export const FUNNEL_STEPS = ['lead', 'test_drive', 'offer', 'contract', 'delivered'] as const;
export type FunnelStep = (typeof FUNNEL_STEPS)[number];

export interface FunnelFilter {
  from: Date;
  to: Date;
  locationIds: string[];
  ownerId?: string;
  source?: string;
}

export interface FunnelRow {
  step: FunnelStep;
  count: number;
}

export interface LostRow {
  reason: string;
  brand: string | null;
  count: number;
}

export interface PipelineRow {
  stage: string;
  count: number;
  valueCents: number;
}

const inLocations = (column: SQL, f: Pick<FunnelFilter, 'locationIds'>) =>
  sql`${column} in (${sql.join(
    f.locationIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  )})`;

/** Consultant and source narrow the opportunities; the location is filtered where the rows are read. */
const narrowSql = (f: Pick<FunnelFilter, 'ownerId' | 'source'>) =>
  sql`${f.ownerId ? sql`and o.owner_id = ${f.ownerId}::uuid` : sql``}
  ${f.source ? sql`and o.source = ${f.source}` : sql``}`;

const filterSql = (f: Pick<FunnelFilter, 'locationIds' | 'ownerId' | 'source'>) =>
  sql`${inLocations(sql`o.location_id`, f)} ${narrowSql(f)}`;

/**
 * A stage change in the period, of the filter's locations, reaching a step after the lead. Stage
 * changes carry their opportunity's location: a location's funnel reads its own year of changes
 * (location, time index), not the whole group's.
 */
const reachedSql = (f: FunnelFilter) =>
  sql`${inLocations(sql`c.location_id`, f)} and c.at >= ${f.from} and c.at < ${f.to}
          and c.to_stage in ('test_drive', 'offer', 'contract', 'delivered') ${narrowSql(f)}`;

/**
 * The sales funnel of a period (R2.3–R2.7): leads are opportunities opened in it; the later steps
 * count the opportunities whose stage reached test drive, offer, contract or delivery in it (from the
 * stage changes, so a cancelled contract still counts as signed). Reports calls this; sales owns the tables.
 */
export async function salesFunnel(db: DbOrTx, f: FunnelFilter): Promise<FunnelRow[]> {
  if (f.locationIds.length === 0) return FUNNEL_STEPS.map((step) => ({ step, count: 0 }));
  const found = await rows<{ step: FunnelStep; count: number }>(
    db,
    sql`select 'lead' as step, count(*)::int as count from opportunities o
        where o.created_at >= ${f.from} and o.created_at < ${f.to} and ${filterSql(f)}
      union all
      select c.to_stage as step, count(distinct c.opportunity_id)::int as count
        from opportunity_stage_changes c join opportunities o on o.id = c.opportunity_id
        where ${reachedSql(f)}
        group by c.to_stage`,
  );
  const byStep = new Map(found.map((r) => [r.step, Number(r.count)]));
  return FUNNEL_STEPS.map((step) => ({ step, count: byStep.get(step) ?? 0 }));
}

export type FunnelDimension = 'source' | 'owner' | 'location';

export interface FunnelBreakdownRow {
  /** The source text, consultant id or location id; null for opportunities without a source. */
  key: string | null;
  counts: Record<FunnelStep, number>;
}

const DIMENSION_SQL = {
  source: sql`o.source`,
  owner: sql`o.owner_id::text`,
  location: sql`o.location_id::text`,
} as const;

/** The same funnel split by source, consultant or location, one row per value that has a lead or a step. */
export async function salesFunnelBreakdown(
  db: DbOrTx,
  f: FunnelFilter,
  by: FunnelDimension,
): Promise<FunnelBreakdownRow[]> {
  if (f.locationIds.length === 0) return [];
  const key = DIMENSION_SQL[by];
  const found = await rows<{ key: string | null; step: FunnelStep; count: number }>(
    db,
    sql`select ${key} as key, 'lead' as step, count(*)::int as count from opportunities o
        where o.created_at >= ${f.from} and o.created_at < ${f.to} and ${filterSql(f)}
        group by 1
      union all
      select ${key} as key, c.to_stage as step, count(distinct c.opportunity_id)::int as count
        from opportunity_stage_changes c join opportunities o on o.id = c.opportunity_id
        where ${reachedSql(f)}
        group by 1, 2`,
  );
  const byKey = new Map<string | null, Record<FunnelStep, number>>();
  for (const r of found) {
    const counts =
      byKey.get(r.key) ?? (Object.fromEntries(FUNNEL_STEPS.map((s) => [s, 0])) as Record<FunnelStep, number>);
    counts[r.step] = Number(r.count);
    byKey.set(r.key, counts);
  }
  return [...byKey].map(([k, counts]) => ({ key: k, counts }));
}

/** Why opportunities closed in the period were lost, with the brand bought instead. */
export async function salesLostReasons(db: DbOrTx, f: FunnelFilter): Promise<LostRow[]> {
  if (f.locationIds.length === 0) return [];
  const found = await rows<LostRow>(
    db,
    sql`select o.lost_reason as reason, o.lost_to_brand as brand, count(*)::int as count from opportunities o
        where o.status = 'lost' and o.closed_at >= ${f.from} and o.closed_at < ${f.to} and ${filterSql(f)}
        group by o.lost_reason, o.lost_to_brand order by count(*) desc, o.lost_reason, o.lost_to_brand`,
  );
  return found.map((r) => ({ ...r, count: Number(r.count) }));
}

/** Open opportunities per stage now, with their expected value. */
export async function salesOpenPipeline(db: DbOrTx, f: Omit<FunnelFilter, 'from' | 'to'>): Promise<PipelineRow[]> {
  if (f.locationIds.length === 0) return [];
  const found = await rows<PipelineRow>(
    db,
    sql`select o.stage, count(*)::int as count, coalesce(sum(o.expected_value_cents), 0)::bigint as "valueCents"
        from opportunities o where o.status = 'open' and ${filterSql(f)}
        group by o.stage`,
  );
  return found.map((r) => ({ stage: r.stage, count: Number(r.count), valueCents: Number(r.valueCents) }));
}

/*
 * For the lifecycle report's re-purchase conversion, counted over thousands of re-purchase
 * activities in one statement: whether the contact (SQL expression) opened an opportunity, or
 * signed a contract, in the window [from, to) of timestamptz expressions.
 */
export const salesConversionSql = {
  openedOpportunity: (contactId: string, from: string, to: string) =>
    `EXISTS (SELECT 1 FROM opportunities o WHERE o.contact_id = ${contactId}
       AND o.created_at >= ${from} AND o.created_at < ${to})`,
  signedContract: (contactId: string, from: string, to: string) =>
    `EXISTS (SELECT 1 FROM opportunities o JOIN opportunity_stage_changes c ON c.opportunity_id = o.id
       WHERE o.contact_id = ${contactId} AND c.to_stage = 'contract' AND c.at >= ${from} AND c.at < ${to})`,
};
