import type { Database } from '../src/server/db/client';
import { ACTIVITY_LOCATIONS, activityLocationCode } from './activities';
import { login, type Session, staff } from './calendar';
import { ensureMetaTable, readMeta, writeMeta } from './database';
import { contactIdSql, type DatasetSize, pick, uuidSql } from './generate';
import type { BenchApp } from './http';
import { type Measurement, measure } from './stats';

/** Bump when the generated opportunities change shape, so old ones are regenerated. */
const OPPORTUNITIES_VERSION = 1;
const BOARD_TARGET_MS = 50;
const STAGES = `ARRAY['new','contacted','test_drive','offer','negotiation','contract','delivered']`;

/** One opportunity per five contacts: 200,000 for the full data set. */
export const opportunityCount = (size: DatasetSize) => Math.max(2_000, Math.floor(size.contacts / 5));

/**
 * Opportunities spread over the 50 thirty-person houses of the activities data set, owned by
 * their consultants: a fifth still open in every stage but "delivered", the rest won or lost
 * over the last two years. Numbers V-5000001 … stay clear of the app's own counter.
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
                                interest_make, interest_model, source, expected_value_cents, stage_changed_at, created_at)
     SELECT ${uuidSql(`'o' || g.n`)}, 'V-' || (5000000 + g.n), ${contactIdSql(`(1 + ${pick('g.n', 61, size.contacts)})`)},
            s.id, s.location_id,
            CASE WHEN closed THEN CASE WHEN ${pick('g.n', 62, 3)} = 0 THEN 'delivered' ELSE (${STAGES})[1 + ${pick('g.n', 63, 6)}] END
                 ELSE (${STAGES})[1 + ${pick('g.n', 63, 6)}] END,
            CASE WHEN NOT closed THEN 'open' WHEN ${pick('g.n', 62, 3)} = 0 THEN 'won' ELSE 'lost' END,
            'new', 'VW', 'ID.4', 'Showroom', 2_000_000 + ${pick('g.n', 64, 4_000_000)},
            now() - (${pick('g.n', 65, 720)} || ' days')::interval, now() - (${pick('g.n', 66, 730)} || ' days')::interval
       FROM (SELECT n, ${pick('n', 60, 5)} <> 0 AS closed FROM generate_series(1, ${total}) AS n) g
       JOIN houses ho ON ho.h = 1 + ${pick('g.n', 67, ACTIVITY_LOCATIONS)}
       JOIN sellers s ON s.location_id = ho.location_id AND s.k = 1 + ${pick('g.n', 68, 12)}`,
    [codes],
  );
  await database.exec('ANALYZE opportunities');
  await writeMeta(database, 'opportunities', {
    version: OPPORTUNITIES_VERSION,
    count: total,
    datasetGeneratedAt: dataset?.generatedAt ?? null,
  });
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
