import path from 'node:path';
import { type Database, openPglite, openPostgres } from '../src/server/db/client';
import { runMigrations } from '../src/server/db/migrate';

export interface BenchTarget {
  database: Database;
  /** A short name for the printed report. */
  label: string;
  /** PGlite runs in this process on one core; its targets are relaxed (see report.ts). */
  embedded: boolean;
}

export const PGLITE_DIR = path.resolve('.bench-data/pglite');

/**
 * BENCH_DATABASE_URL or DATABASE_URL selects PostgreSQL; otherwise an embedded
 * PGlite under .bench-data/pglite, kept between runs so the data is generated once.
 */
export async function openBenchDatabase(env: NodeJS.ProcessEnv = process.env): Promise<BenchTarget> {
  const url = env.BENCH_DATABASE_URL || env.DATABASE_URL;
  const database = url ? openPostgres(url, 4) : await openPglite({ dataDir: PGLITE_DIR });
  await runMigrations(database);
  const label = url
    ? `PostgreSQL (${new URL(url).pathname.slice(1) || 'default'})`
    : `PGlite (${path.relative(process.cwd(), PGLITE_DIR)})`;
  return { database, label, embedded: !url };
}

/** A small key/value table of the benchmark itself: marks a finished dataset and remembers dropped indexes. */
export async function ensureMetaTable(database: Database): Promise<void> {
  await database.exec('CREATE TABLE IF NOT EXISTS bench_meta (key text PRIMARY KEY, value jsonb NOT NULL)');
}

export async function readMeta<T>(database: Database, key: string): Promise<T | null> {
  const rows = await database.query<{ value: T }>('SELECT value FROM bench_meta WHERE key = $1', [key]);
  return rows[0]?.value ?? null;
}

export async function writeMeta(database: Database, key: string, value: unknown): Promise<void> {
  await database.query(
    'INSERT INTO bench_meta (key, value) VALUES ($1, $2::jsonb) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    [key, JSON.stringify(value)],
  );
}

export async function deleteMeta(database: Database, key: string): Promise<void> {
  await database.query('DELETE FROM bench_meta WHERE key = $1', [key]);
}
