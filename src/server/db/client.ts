import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { ExtractTablesWithRelations, SQL } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import type { Config } from '../config';
import { PreparingClient } from './preparing-client';
import { retryReads, retryTransactions } from './retry';
import * as schema from './schema';

export type Schema = typeof schema;
/** The Drizzle database, typed the same for PGlite and PostgreSQL. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Repositories accept either, so a service can run them inside its transaction. */
export type DbOrTx = Db | Tx;

/** Rows of a raw query; both engines answer with `{ rows }`. */
export async function rows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export type Engine = 'pglite' | 'postgres';

export interface Database {
  engine: Engine;
  db: Db;
  /** Runs plain SQL (several statements allowed); for maintenance and tests. */
  exec(sql: string): Promise<void>;
  /** Rows of a parameterised query, outside Drizzle; used by hot paths and benchmarks. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
  /** Only for PGlite: the embedded instance (tests dump and load it). */
  pglite?: PGlite;
  /** Only for PostgreSQL: the pool. */
  pool?: pg.Pool;
}

export const pgliteExtensions = { pg_trgm, unaccent };

// Bigint counts come back as strings from pg by default; counts we show fit in a JS number.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

/**
 * PGlite turns a JavaScript array into an array parameter only for array
 * types it knew when it started; it reads them from pg_type once. Types made
 * later in the same process (an enum by a migration) are sent as plain text,
 * which PostgreSQL refuses as a "malformed array literal", and read back as
 * text. Whatever creates types must therefore tell it to read them again.
 */
const CREATES_TYPES = /\b(?:create|alter)\s+(?:type|domain|extension|table)\b/i;

/** Lets PGlite learn the array types created since it started; see CREATES_TYPES. */
export async function refreshTypes(database: Database): Promise<void> {
  await database.pglite?.refreshArrayTypes();
}

export async function openPglite(options: { dataDir?: string; loadDataDir?: Blob | File } = {}): Promise<Database> {
  if (options.dataDir) fs.mkdirSync(options.dataDir, { recursive: true });
  const client = await PGlite.create({
    dataDir: options.dataDir,
    loadDataDir: options.loadDataDir,
    extensions: pgliteExtensions,
  });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  // PGlite has no connection to lose, but it aborts transactions like PostgreSQL does.
  retryTransactions(db);
  return {
    engine: 'pglite',
    db,
    pglite: client,
    exec: async (sql) => {
      await client.exec(sql);
      if (CREATES_TYPES.test(sql)) await client.refreshArrayTypes();
    },
    query: async <T>(sql: string, params: unknown[] = []) => (await client.query<T>(sql, params)).rows,
    close: () => client.close(),
  };
}

export function openPostgres(url: string, poolSize = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, Client: PreparingClient });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  // Nor may a client in use, e.g. by a transaction: the pool listens only to idle ones, and an
  // 'error' event nobody listens to is thrown. Its queries fail anyway and say why.
  pool.on('connect', (client) => client.on('error', () => undefined));
  retryReads(pool);
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  retryTransactions(db);
  return {
    engine: 'postgres',
    db,
    pool,
    exec: async (sql) => {
      await pool.query(sql);
    },
    query: async <T>(sql: string, params: unknown[] = []) => (await pool.query(sql, params)).rows as T[],
    close: () => pool.end(),
  };
}

export async function openDatabase(config: Config['database']): Promise<Database> {
  return config.kind === 'postgres'
    ? openPostgres(config.url, config.poolSize)
    : openPglite({ dataDir: config.dataDir });
}
