import type { Database } from '@server/db/client';

/**
 * Runs one query with planner settings that hold for it alone (SET LOCAL in a
 * transaction, on one connection). Used where PostgreSQL's estimate misleads
 * it: for a common name it expects so many trigram matches that reading the
 * whole table "until LIMIT" looks cheaper than the index, and is 10× slower.
 */
export async function queryWithSettings<T>(
  database: Database,
  settings: string[],
  sql: string,
  params: unknown[],
): Promise<T[]> {
  const prelude = settings.map((s) => `SET LOCAL ${s}`).join('; ');
  if (database.pglite) {
    return database.pglite.transaction(async (tx) => {
      await tx.exec(prelude);
      return (await tx.query<T>(sql, params)).rows;
    });
  }
  const client = await database.pool!.connect();
  try {
    await client.query(`BEGIN; ${prelude}`);
    const result = await client.query(sql, params);
    await client.query('COMMIT');
    return result.rows as T[];
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
