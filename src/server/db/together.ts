import { sql, type SQLWrapper } from 'drizzle-orm';
import type { DbOrTx } from './client';

/**
 * Runs several writes whose results nobody needs as one statement (data-
 * modifying CTEs): one round trip instead of one each, which is what a busy
 * intake pays for. They must not depend on each other's rows.
 */
export async function writeTogether(tx: DbOrTx, writes: SQLWrapper[]): Promise<void> {
  if (writes.length === 0) return;
  if (writes.length === 1) {
    await tx.execute(writes[0]!.getSQL());
    return;
  }
  // getSQL: a query builder embedded as itself would come wrapped in parentheses, which a CTE refuses.
  const parts = writes.map((write, i) => sql`${sql.raw(`w${i}`)} AS (${write.getSQL()})`);
  await tx.execute(sql`WITH ${sql.join(parts, sql`, `)} SELECT 1`);
}
