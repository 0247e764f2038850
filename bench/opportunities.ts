import type { Database } from '../src/server/db/client';
import { ACTIVITY_LOCATIONS, activityLocationCode } from './activities';
import { login, type Session, staff } from './calendar';
import { ensureMetaTable, readMeta, writeMeta } from './database';
import { contactIdSql, type DatasetSize, pick, uuidSql } from './generate';
import type { BenchApp } from './http';
import { type Measurement, measure } from './stats';

/** Bump when the generated opportunities change shape, so old ones are regenerated. */
const OPPORTUNITIES_VERSION = 2;
const BOARD_TARGET_MS = 50;
const FUNNEL_TARGET_MS = 300;
const STAGES = `ARRAY['new','contacted','test_drive','offer','negotiation','contract','delivered']`;
const SOURCES = `ARRAY['Showroom','Website','mobile.de','Telefon','Herstelleranfrage']`;
const LOST_REASONS = `ARRAY['price','financing_declined','bought_elsewhere','no_longer_interested','unreachable']`;

/** One opportunity per five contacts: 200,000 for the full data set. */
export const opportunityCount = (size: DatasetSize) => Math.max(2_000, Math.floor(size.contacts / 5));

/**
 * Opportunities spread over the 50 thirty-person houses of the activities data set, owned by
 * their consultants: a fifth still open in every stage but "delivered", the rest won or lost
 * over the last two years, the lost ones with a reason (a brand when bought elsewhere). Every
 * opportunity has its stage changes, three days apart from its creation, so the funnel has history.
 * Numbers V-5000001 … stay clear of the app's own counter.
 */
export async function ensureOpportunities(database: Database, size: DatasetSize, log: (line: string) => void) {
  await ensureMetaTable(database);
  const total = opportunityCount(size);
  const dataset = await readMeta<{ generatedAt: string }>(database, 'dataset');
  const existing = await readMeta<{ version: number; count: number; datasetGeneratedAt: string }>(
    database,
    'opportunities',
  );
  if (
    existing?.version === OPPORTUNITIES_VERSION &&
    existing.count === total &&
    existing.datasetGeneratedAt === dataset?.generatedAt
  ) {
    log(`opportunities: reusing ${total.toLocaleString('en')}`);
    return;
  }
  log(`opportunities: generating ${total.toLocaleString('en')}`);
  const codes = Array.from({ length: ACTIVITY_LOCATIONS }, (_, i) => activityLocationCode(i + 1));
  await database.exec(`DELETE FROM opportunities WHERE number LIKE 'V-5%'`);
  await database.query(
    `WITH sellers AS (
       SELECT u.id, u.home_location_id AS location_id,
              row_number() OVER (PARTITION BY u.home_location_id ORDER BY u.email) AS k
         FROM users u JOIN locations l ON l.id = u.home_location_id
        WHERE l.code = ANY($1) AND u.role = 'sales'),
     houses AS (SELECT DISTINCT location_id, dense_rank() OVER (ORDER BY location_id) AS h FROM sellers)
     INSERT INTO opportunities (id, number, contact_id, owner_id, location_id, stage, status, interest_kind,
                                interest_make, interest_model, source, expected_value_cents, stage_changed_at, created_at,
                                lost_reason, lost_to_brand, closed_at)
     SELECT ${uuidSql(`'o' || g.n`)}, 'V-' || (5000000 + g.n), ${contactIdSql(`(1 + ${pick('g.n', 61, size.contacts)})`)},
            s.id, s.location_id,
            CASE WHEN closed THEN CASE WHEN ${pick('g.n', 62, 3)} = 0 THEN 'delivered' ELSE (${STAGES})[1 + ${pick('g.n', 63, 6)}] END
                 ELSE (${STAGES})[1 + ${pick('g.n', 63, 6)}] END,
            CASE WHEN NOT closed THEN 'open' WHEN ${pick('g.n', 62, 3)} = 0 THEN 'won' ELSE 'lost' END,
            'new', 'VW', 'ID.4', (${SOURCES})[1 + ${pick('g.n', 69, 5)}], 2000000 + ${pick('g.n', 64, 4_000_000)},
            now() - (${pick('g.n', 65, 720)} || ' days')::interval, now() - (${pick('g.n', 66, 730)} || ' days')::interval,
            CASE WHEN closed AND ${pick('g.n', 62, 3)} <> 0 THEN (${LOST_REASONS})[1 + ${pick('g.n', 70, 5)}] END,
            CASE WHEN closed AND ${pick('g.n', 62, 3)} <> 0 AND ${pick('g.n', 70, 5)} = 2 THEN 'BMW' END,
            CASE WHEN closed THEN LEAST(now(), now() - (${pick('g.n', 66, 730)} || ' days')::interval + interval '30 days') END
       FROM (SELECT n, ${pick('n', 60, 5)} <> 0 AS closed FROM generate_series(1, ${total}) AS n) g
       JOIN houses ho ON ho.h = 1 + ${pick('g.n', 67, ACTIVITY_LOCATIONS)}
       JOIN sellers s ON s.location_id = ho.location_id AND s.k = 1 + ${pick('g.n', 68, 12)}`,
    [codes],
  );
  await database.exec(
    `INSERT INTO opportunity_stage_changes (opportunity_id, location_id, at, from_stage, to_stage, status)
     SELECT o.id, o.location_id, LEAST(now(), o.created_at + (i * 3 || ' days')::interval), (${STAGES})[i], (${STAGES})[i + 1],
            CASE WHEN (${STAGES})[i + 1] = 'delivered' THEN 'won' ELSE 'open' END
       FROM opportunities o
       CROSS JOIN LATERAL generate_series(1, array_position(${STAGES}, o.stage) - 1) AS i
      WHERE o.number LIKE 'V-5%'`,
  );
  await database.exec('ANALYZE opportunities');
  await database.exec('ANALYZE opportunity_stage_changes');
  await writeMeta(database, 'opportunities', {
    version: OPPORTUNITIES_VERSION,
    count: total,
    datasetGeneratedAt: dataset?.generatedAt ?? null,
  });
}

/**
 * The sales funnel of the last twelve months, as a sales manager opens it for their location
 * (steps, lost reasons, open pipeline and the breakdowns), through its HTTP route.
 */
export async function measureFunnel(bench: BenchApp, database: Database, samples = 200): Promise<Measurement> {
  const managers: Session[] = await Promise.all((await staff(database, 'manager', 10)).map((u) => login(bench, u)));
  if (managers.length === 0) throw new Error('funnel: no generated managers');
  const today = new Date().toISOString().slice(0, 10);
  const yearAgo = new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10);
  let leads = 0;
  const times = await measure(
    Array.from({ length: samples }, (_, i) => i),
    async (i, timed) => {
      const who = managers[i % managers.length]!;
      const url = `/api/reports/sales-funnel?from=${yearAgo}&to=${today}&locationId=${who.locationId}`;
      const res = await bench.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
      if (res.statusCode !== 200) throw new Error(`funnel ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
      if (!timed) leads += (res.json() as { steps: { count: number }[] }).steps[0]!.count;
    },
    50,
  );
  return {
    name: 'sales funnel report (one location, a year)',
    samples: times,
    targetP95Ms: FUNNEL_TARGET_MS,
    note: `${Math.round(leads / Math.min(50, samples))} leads per report`,
  };
}

/** The pipeline board of a 30-person location, as a sales manager opens it, through its HTTP route. */
export async function measurePipeline(bench: BenchApp, database: Database, samples = 300): Promise<Measurement> {
  const managers: Session[] = await Promise.all((await staff(database, 'manager', 10)).map((u) => login(bench, u)));
  if (managers.length === 0) throw new Error('board: no generated managers');
  let cards = 0;
  const times = await measure(
    Array.from({ length: samples }, (_, i) => i),
    async (i, timed) => {
      const who = managers[i % managers.length]!;
      const url = `/api/opportunities/board?locationId=${who.locationId}`;
      const res = await bench.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
      if (res.statusCode !== 200) throw new Error(`board ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
      if (!timed) cards += (res.json() as { columns: { items: unknown[] }[] }).columns.flatMap((c) => c.items).length;
    },
    100,
  );
  return {
    name: 'pipeline board (30-person location)',
    samples: times,
    targetP95Ms: BOARD_TARGET_MS,
    note: `${Math.round(cards / Math.min(100, samples))} cards per board`,
  };
}
