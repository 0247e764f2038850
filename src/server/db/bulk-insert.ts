import { getTableColumns, sql } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from './client';

/** Rows per INSERT statement; each statement sends its rows as one JSON parameter. */
const BATCH = 2_000;

/**
 * Inserts rows of a table with one statement per batch: the rows travel as a
 * single JSON parameter and json_populate_recordset turns them into the
 * table's row type (enums, arrays, dates included). Building a multi-row
 * INSERT with thousands of bound parameters costs far more, in the query
 * builder and in the driver, than the database needs to store the rows.
 * Every row must carry the same keys (the table's property names).
 */
export async function bulkInsert<T extends PgTable>(
  tx: DbOrTx,
  table: T,
  rows: Array<Partial<T['$inferInsert']>>,
): Promise<void> {
  if (rows.length === 0) return;
  const columns = getTableColumns(table) as Record<string, { name: string }>;
  const keys = Object.keys(rows[0]!).filter((key) => columns[key]);
  const names = sql.raw(keys.map((key) => `"${columns[key]!.name}"`).join(', '));
  const tableName = sql.raw(`"${getTableConfig(table).name}"`);
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH).map((row) => {
      const out: Record<string, unknown> = {};
      for (const key of keys) out[columns[key]!.name] = (row as Record<string, unknown>)[key] ?? null;
      return out;
    });
    await tx.execute(
      sql`INSERT INTO ${tableName} (${names}) SELECT ${names} FROM json_populate_recordset(NULL::${tableName}, ${JSON.stringify(batch)}::json)`,
    );
  }
}
