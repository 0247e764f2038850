import type { Database } from '../src/server/db/client';
import { deleteMeta, readMeta, writeMeta } from './database';

/** The tables the generator fills; their secondary indexes are built once after loading, which is far faster. */
export const LOADED_TABLES = [
  'contacts',
  'contact_phones',
  'contact_emails',
  'contact_blocks',
  'vehicles',
  'vehicle_contacts',
  'timeline_entries',
];

interface IndexDefinition {
  name: string;
  definition: string;
}

/**
 * Drops the secondary indexes (not primary keys) of the loaded tables. Their
 * definitions are kept in bench_meta first, so an interrupted run rebuilds them.
 */
export async function dropSecondaryIndexes(
  database: Database,
  tables: string[] = LOADED_TABLES,
  key = 'dropped_indexes',
): Promise<void> {
  const pending = await readMeta<IndexDefinition[]>(database, key);
  if (pending) return;
  const indexes = await database.query<IndexDefinition>(
    `SELECT i.indexname AS name, i.indexdef AS definition
       FROM pg_indexes i
      WHERE i.schemaname = 'public' AND i.tablename = ANY($1)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    [tables],
  );
  await writeMeta(database, key, indexes);
  for (const index of indexes) await database.exec(`DROP INDEX IF EXISTS "${index.name}"`);
}

/** Rebuilds what dropSecondaryIndexes removed, reporting each index as it is built. */
export async function restoreSecondaryIndexes(
  database: Database,
  progress: (line: string) => void,
  key = 'dropped_indexes',
): Promise<void> {
  const indexes = await readMeta<IndexDefinition[]>(database, key);
  if (!indexes) return;
  for (const index of indexes) {
    const started = performance.now();
    // Two parallel workers at most: the machine is shared.
    await database.exec(
      `BEGIN; SET LOCAL maintenance_work_mem = '512MB'; SET LOCAL max_parallel_maintenance_workers = 2;
       ${index.definition.replace(/^CREATE (UNIQUE )?INDEX /, 'CREATE $1INDEX IF NOT EXISTS ')}; COMMIT;`,
    );
    progress(`  index ${index.name} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  }
  await deleteMeta(database, key);
}

/**
 * The search bar's word-prefix tier reads a btree on contacts.search_name
 * (text_pattern_ops) that carries id, home location and merged_into_id for
 * index-only scans. Migration 0005 creates it; this covers a benchmark
 * database generated before that migration (same name, so a no-op otherwise).
 */
export const SEARCH_PREFIX_INDEX =
  'CREATE INDEX IF NOT EXISTS contacts_search_name_prefix_idx ON contacts (search_name text_pattern_ops) INCLUDE (id, home_location_id, merged_into_id)';

export async function ensureSearchPrefixIndex(database: Database, progress: (line: string) => void): Promise<void> {
  const existing = await database.query("SELECT 1 FROM pg_indexes WHERE indexname = 'contacts_search_name_prefix_idx'");
  if (existing.length > 0) return;
  progress('  index contacts_search_name_prefix_idx …');
  await database.exec(`BEGIN; SET LOCAL maintenance_work_mem = '512MB'; ${SEARCH_PREFIX_INDEX}; COMMIT;`);
}
