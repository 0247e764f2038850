import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { type Database, openPglite, openPostgres } from '../src/server/db/client';
import { runMigrations } from '../src/server/db/migrate';
import type { Services } from '../src/server/services';
import type { OpeningHours } from '../src/shared/org/schemas';
import type { RequestType } from '../src/shared/requests/enums';
import { FIRST_NAMES, LAST_NAMES } from './names';

export interface IntakeBenchOptions {
  database: Database;
  /** Measured requests (after a short warm-up): 10,000 take about half a minute, long enough to call it sustained. */
  requests?: number;
  /** Requests in flight at once, each on its own keep-alive connection. */
  concurrency?: number;
  log?: (line: string) => void;
}

export interface IntakeBenchResult {
  requests: number;
  concurrency: number;
  requestsPerSecond: number;
  /** Latency percentiles in milliseconds. */
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

const LOCATION_CODE = 'BINT';
const ADMIN_EMAIL = 'bench-intake-admin@example.test';
const PASSWORD = 'bench-intake-password';
const ALL_DAY = [{ from: '00:00', to: '23:59' }];
const HOURS: OpeningHours = {
  mon: ALL_DAY,
  tue: ALL_DAY,
  wed: ALL_DAY,
  thu: ALL_DAY,
  fri: ALL_DAY,
  sat: ALL_DAY,
  sun: [],
};
const STAFF = [
  ...Array.from({ length: 4 }, (_, i) => ({
    role: 'sales' as const,
    department: 'sales' as const,
    name: `Verkauf${i + 1}`,
  })),
  ...Array.from({ length: 3 }, (_, i) => ({
    role: 'service' as const,
    department: 'service' as const,
    name: `Service${i + 1}`,
  })),
  { role: 'parts' as const, department: 'parts' as const, name: 'Teile' },
  { role: 'manager' as const, department: 'sales' as const, name: 'Leitung' },
  { role: 'admin' as const, department: null, name: 'Admin' },
];

/** A location open around the clock with staff and assignment rules of every strategy; created once per database. */
async function ensureSetup(app: FastifyInstance, services: Services, database: Database) {
  let [location] = await database.query<{ id: string }>('SELECT id FROM locations WHERE code = $1', [LOCATION_CODE]);
  if (!location) {
    location = await services.org.createLocation(null, {
      name: 'Autohaus Bench Intake',
      code: LOCATION_CODE,
      street: 'Benchstraße 1',
      postalCode: '80331',
      city: 'München',
      phone: '+49 89 100000',
      email: null,
      federalState: 'BY',
      openingHours: HOURS,
      active: true,
    });
  }
  const ids: Record<string, string[]> = {};
  for (const s of STAFF) {
    const email = s.role === 'admin' ? ADMIN_EMAIL : `bench-intake-${s.name.toLowerCase()}@example.test`;
    let [user] = await database.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [email]);
    if (!user) {
      const created = await services.org.createUser(
        null,
        {
          email,
          firstName: s.name,
          lastName: 'Bench',
          role: s.role,
          homeLocationId: location.id,
          locationIds: [],
          department: s.department,
          phoneExtension: null,
          locale: 'de',
          active: true,
          password: PASSWORD,
        },
        { mustChangePassword: false },
      );
      user = created.user;
    }
    (ids[s.role] ??= []).push(user.id);
  }

  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: ADMIN_EMAIL, password: PASSWORD },
  });
  if (login.statusCode !== 200) throw new Error(`bench login failed: ${login.statusCode} ${login.body}`);
  const headers = {
    cookie: login.cookies.map((c) => `${c.name}=${c.value}`).join('; '),
    'x-csrf-token': login.json().csrfToken as string,
  };

  const rules = await app.inject({ method: 'GET', url: '/api/assignment/rules', headers });
  const existing = new Set((rules.json() as Array<{ name: string }>).map((r) => r.name));
  const match = (types: RequestType[]) => ({ types, locationIds: [location.id], brands: [], sources: [] });
  const wanted = [
    { name: 'Bench Verkauf reihum', match: match(['sales_lead']), strategy: 'round_robin', groupUserIds: ids.sales },
    {
      name: 'Bench Service geringste Last',
      match: match(['service_appointment', 'callback']),
      strategy: 'least_loaded',
      groupUserIds: ids.service,
    },
    {
      name: 'Bench Teile fest',
      match: match(['parts']),
      strategy: 'fixed_user',
      userId: ids.parts![0],
      groupUserIds: [],
    },
  ];
  for (const rule of wanted.filter((r) => !existing.has(r.name))) {
    const res = await app.inject({ method: 'POST', url: '/api/assignment/rules', headers, payload: rule });
    if (res.statusCode !== 201) throw new Error(`bench rule failed: ${res.statusCode} ${res.body}`);
  }

  // Staff work their queues off: earlier runs' requests are closed, so least-loaded
  // assignment counts a working day's open requests, not every run's ever made.
  await database.query(
    `UPDATE customer_requests SET status = 'done', closed_at = now(), updated_at = now()
      WHERE location_id = $1 AND status IN ('new', 'assigned', 'in_progress', 'waiting')`,
    [location.id],
  );
  // As autovacuum would leave it (some servers run without): the closed rows' dead index
  // entries gone, and statistics that know the tables' sizes, so point lookups stay point lookups.
  await database.exec('VACUUM customer_requests');
  await database.exec('ANALYZE');

  const key = await app.inject({
    method: 'POST',
    url: '/api/admin/api-keys',
    headers,
    payload: { name: `bench intake ${Date.now()}`, scopes: ['intake'] },
  });
  if (key.statusCode !== 201) throw new Error(`bench API key failed: ${key.statusCode} ${key.body}`);
  return key.json().secret as string;
}

interface LoadResult {
  latencies: number[];
  errors: number;
  firstError: string;
  milliseconds: number;
}

/**
 * The load runs in a worker thread: building and timing the requests must not
 * share the event loop with the server it measures (as a separate load
 * generator would not in production).
 */
function driveInWorker(job: {
  origin: string;
  secret: string;
  run: string;
  from: number;
  count: number;
  concurrency: number;
}): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./intake-load.mjs', import.meta.url), {
      workerData: { ...job, locationCode: LOCATION_CODE, names: { first: FIRST_NAMES, last: LAST_NAMES } },
    });
    worker.once('message', (result: LoadResult) => resolve(result));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`intake load worker exited with ${code}`));
    });
  });
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/**
 * Sustained intake over real HTTP (target: ≥ 300 requests/s on
 * PostgreSQL): POST /api/intake/requests with distinct Idempotency-Keys,
 * `concurrency` at a time, each creating a contact, applying the
 * assignment rules, notifying the assignee and scheduling the SLA timer.
 */
export async function benchIntake({
  database,
  requests = 10_000,
  concurrency = 16,
  log = () => {},
}: IntakeBenchOptions): Promise<IntakeBenchResult> {
  // Mail configured as in production, so every assignment queues its alert mail and send job;
  // the jobs do not run here, nothing is sent.
  const config = loadConfig({
    LOG_LEVEL: 'error',
    CRM_DEMO: 'false',
    CRM_JOBS: 'false',
    SMTP_URL: 'smtp://127.0.0.1:2525',
  });
  const { app, services } = await buildApp({ config, database, logger: pino({ level: 'error' }) });
  await app.ready();
  try {
    const secret = await ensureSetup(app, services, database);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const run = Date.now().toString(36);
    const drive = (from: number, count: number) => driveInWorker({ origin, secret, run, from, count, concurrency });

    const warmUp = Math.min(200, Math.ceil(requests / 10));
    await drive(0, warmUp);
    log(`intake: warmed up with ${warmUp} requests, measuring ${requests} at concurrency ${concurrency}`);
    const measured = await drive(warmUp, requests);
    const { errors } = measured;
    if (errors > 0) log(`intake: ${errors} failed requests, first: ${measured.firstError}`);
    const latencies = measured.latencies.sort((a, b) => a - b);
    const seconds = measured.milliseconds / 1000;
    const round = (n: number) => Math.round(n * 10) / 10;
    return {
      requests,
      concurrency,
      requestsPerSecond: Math.round(requests / seconds),
      p50: round(percentile(latencies, 50)),
      p95: round(percentile(latencies, 95)),
      p99: round(percentile(latencies, 99)),
      errors,
    };
  } finally {
    await app.close();
  }
}

// Run directly: `DATABASE_URL=postgres://… npx tsx bench/intake.ts` (PGlite in memory without it).
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const url = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
  const database = url ? openPostgres(url, 16) : await openPglite({});
  await runMigrations(database);
  const requests = Number(process.env.BENCH_INTAKE_REQUESTS ?? 10_000);
  const result = await benchIntake({ database, requests, log: (line) => console.log(line) });
  console.log(`intake on ${url ? 'PostgreSQL' : 'PGlite'}:`, JSON.stringify(result));
  await database.close();
}
