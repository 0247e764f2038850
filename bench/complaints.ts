import type { Database } from '../src/server/db/client';
import { login, type Session, staff } from './calendar';
import { ensureMetaTable, readMeta, writeMeta } from './database';
import { contactIdSql, type DatasetSize, pick, uuidSql, vehicleIdSql } from './generate';
import type { BenchApp } from './http';
import { type Measurement, measure } from './stats';

/** Bump when the generated complaints change shape, so old ones are regenerated. */
const COMPLAINTS_VERSION = 1;
export const COMPLAINT_COUNT = 100_000;
const SIMILAR_TARGET_MS = 50;
const CATEGORIES = `ARRAY['vehicle_defect','workshop_quality','delivery_date','sales_promise','invoice','staff_behaviour','parts','other']`;
const SEVERITIES = `ARRAY['low','medium','high','critical']`;
const DEPARTMENTS = `ARRAY['sales','service','parts','administration']`;
/* The customers' words: a handful of typical complaints, each with a varying detail, so the trigram index has real work. */
const TEXTS = `ARRAY[
  'Das Fahrzeug wurde %s Wochen später als zugesagt geliefert, niemand hat uns informiert.',
  'Nach der Inspektion klappert es an der Heckklappe, Auftrag %s wurde nicht sauber erledigt.',
  'Die Klimaanlage riecht muffig und kühlt nicht richtig, schon %s Mal reklamiert.',
  'Die Rechnung %s enthält Positionen, die nicht vereinbart waren.',
  'Der Verkäufer hatte Winterräder zugesagt, die nicht geliefert wurden (Vertrag %s).',
  'Das bestellte Ersatzteil %s passt nicht, wir warten seit Wochen.',
  'Unfreundliche Behandlung am Serviceschalter am %s. Termin.',
  'Ladeklappe schließt nicht, Fehlermeldung %s im Display.',
  'Motorkontrollleuchte leuchtet nach %s km wieder auf.',
  'Lackschaden nach der Fahrzeugwäsche in der Werkstatt, Auftrag %s.'
]`;

/**
 * 100,000 complaint cases with their requests over the last three years, spread over the data
 * set's customers and their cars (so one customer, one car and one model have earlier cases),
 * a third closed with costs, satisfaction and outcome. Numbers R-9000001 … and A-9000001 … stay
 * clear of the app's own counters.
 */
export async function ensureComplaints(database: Database, size: DatasetSize, log: (line: string) => void) {
  await ensureMetaTable(database);
  const dataset = await readMeta<{ generatedAt: string }>(database, 'dataset');
  const existing = await readMeta<{ version: number; count: number; datasetGeneratedAt: string }>(
    database,
    'complaints',
  );
  if (
    existing?.version === COMPLAINTS_VERSION &&
    existing.count === COMPLAINT_COUNT &&
    existing.datasetGeneratedAt === dataset?.generatedAt
  ) {
    log(`complaints: reusing ${COMPLAINT_COUNT.toLocaleString('en')}`);
    return;
  }
  log(`complaints: generating ${COMPLAINT_COUNT.toLocaleString('en')}`);
  await database.exec(`DELETE FROM complaint_cases WHERE number LIKE 'R-9%'`);
  await database.exec(`DELETE FROM customer_requests WHERE number LIKE 'A-9%' AND type = 'complaint'`);
  // A car of the data set (v), its owner, and the first location; 1 in 4 complaints name no car.
  const vehicleOf = `(1 + ${pick('g.n', 81, size.vehicles)})`;
  await database.exec(
    `CREATE TEMP TABLE bench_complaint_seed AS
     SELECT g.n, v.id AS vehicle_id, ${contactIdSql(`least(${size.contacts}, 1 + ((${vehicleOf} - 1) * 5) / 6)`)} AS contact_id,
            lower(v.make || ' ' || v.model) AS model,
            ${pick('g.n', 82, 4)} <> 0 AS with_car,
            now() - (${pick('g.n', 83, 1095)} || ' days')::interval - (${pick('g.n', 84, 600)} || ' minutes')::interval AS opened_at,
            houses.ids[1 + ${pick('g.n', 85, 50)} % cardinality(houses.ids)] AS location_id,
            format((${TEXTS})[1 + ${pick('g.n', 86, 10)}], ${pick('g.n', 87, 90000)}::text) AS message,
            ${pick('g.n', 88, 3)} = 0 AS closed
       FROM generate_series(1, ${COMPLAINT_COUNT}) AS g(n)
       CROSS JOIN (SELECT array_agg(id ORDER BY code) AS ids FROM locations WHERE code LIKE 'BA__') houses
       JOIN vehicles v ON v.id = ${vehicleIdSql(vehicleOf)}`,
  );
  await database.exec(
    `INSERT INTO customer_requests (id, number, type, channel, location_id, subject, message, contact_id, vehicle_id,
                                    status, received_at, created_at, updated_at)
     SELECT ${uuidSql(`'rq' || s.n`)}, 'A-' || (9000000 + s.n), 'complaint', 'phone', s.location_id, 'Reklamation', s.message,
            s.contact_id, CASE WHEN s.with_car THEN s.vehicle_id END, CASE WHEN s.closed THEN 'done' ELSE 'in_progress' END::request_status,
            s.opened_at, s.opened_at, s.opened_at
       FROM bench_complaint_seed s`,
  );
  await database.exec(
    `INSERT INTO complaint_cases (id, number, request_id, contact_id, location_id, status, category, severity, department,
                                  justified, description, vehicle_id, model, parts_cents, labour_cents,
                                  goodwill_manufacturer_cents, goodwill_dealer_cents, minutes_spent, satisfaction,
                                  satisfaction_scale, outcome, opened_at, acknowledged_at, closed_at, created_at, updated_at)
     SELECT ${uuidSql(`'cc' || s.n`)}, 'R-' || (9000000 + s.n), ${uuidSql(`'rq' || s.n`)}, s.contact_id, s.location_id,
            CASE WHEN s.closed THEN 'closed' ELSE 'in_remedy' END,
            (${CATEGORIES})[1 + ${pick('s.n', 89, 8)}], (${SEVERITIES})[1 + ${pick('s.n', 90, 4)}],
            (${DEPARTMENTS})[1 + ${pick('s.n', 91, 4)}],
            CASE WHEN NOT s.closed THEN 'open' WHEN ${pick('s.n', 92, 3)} = 0 THEN 'no' ELSE 'yes' END,
            s.message, CASE WHEN s.with_car THEN s.vehicle_id END, CASE WHEN s.with_car THEN s.model END,
            CASE WHEN s.closed THEN ${pick('s.n', 93, 50000)} ELSE 0 END, CASE WHEN s.closed THEN ${pick('s.n', 94, 40000)} ELSE 0 END,
            CASE WHEN s.closed THEN ${pick('s.n', 95, 30000)} ELSE 0 END, CASE WHEN s.closed THEN ${pick('s.n', 96, 20000)} ELSE 0 END,
            ${pick('s.n', 97, 600)}, CASE WHEN s.closed THEN 1 + ${pick('s.n', 98, 5)} END, CASE WHEN s.closed THEN 'five' END,
            CASE WHEN s.closed THEN 'Kulanzlösung mit dem Kunden vereinbart' END,
            s.opened_at, s.opened_at + interval '5 hours', CASE WHEN s.closed THEN s.opened_at + interval '6 days' END,
            s.opened_at, s.opened_at
       FROM bench_complaint_seed s`,
  );
  await database.exec('DROP TABLE bench_complaint_seed');
  await database.exec('ANALYZE complaint_cases');
  await writeMeta(database, 'complaints', {
    version: COMPLAINTS_VERSION,
    count: COMPLAINT_COUNT,
    datasetGeneratedAt: dataset?.generatedAt ?? null,
  });
}

/**
 * "Similar cases" while qualifying, through its HTTP route: a random open complaint's earlier
 * cases of the same customer, car, model and category, and with similar words.
 */
export async function measureComplaintsSimilar(
  bench: BenchApp,
  database: Database,
  samples = 300,
): Promise<Measurement> {
  const managers: Session[] = await Promise.all((await staff(database, 'manager', 10)).map((u) => login(bench, u)));
  if (managers.length === 0) throw new Error('complaints: no generated managers');
  const byLocation = new Map(managers.map((m) => [m.locationId, m]));
  const cases = await database.query<{ id: string; location_id: string }>(
    `SELECT id, location_id FROM complaint_cases WHERE number LIKE 'R-9%' AND location_id = ANY($1)
      ORDER BY hashtext(id::text) LIMIT ${samples}`,
    [[...byLocation.keys()]],
  );
  let found = 0;
  const times = await measure(
    cases,
    async (c, timed) => {
      const url = `/api/complaints/${c.id}/similar`;
      const who = byLocation.get(c.location_id)!;
      const res = await bench.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
      if (res.statusCode !== 200) throw new Error(`complaints ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
      if (!timed) found += (res.json() as { items: unknown[] }).items.length;
    },
    50,
  );
  return {
    name: `similar complaints while qualifying (${COMPLAINT_COUNT.toLocaleString('en')} complaints)`,
    samples: times,
    targetP95Ms: SIMILAR_TARGET_MS,
    note: `${Math.round(found / Math.min(50, cases.length))} similar cases per complaint`,
  };
}
