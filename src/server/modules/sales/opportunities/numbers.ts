import { sql } from 'drizzle-orm';
import { type DbOrTx, rows } from '@server/db/client';

/**
 * The next group-wide opportunity number (V-100001, V-100002 …) in one statement: the counter row
 * is created or incremented under its own row lock, so two consultants never draw the same number.
 */
export async function nextOpportunityNumber(tx: DbOrTx): Promise<string> {
  const [row] = await rows<{ last_value: number | string }>(
    tx,
    sql`INSERT INTO sales_number_counters (kind, last_value) VALUES ('opportunity', 100001)
        ON CONFLICT (kind) DO UPDATE SET last_value = sales_number_counters.last_value + 1
        RETURNING last_value`,
  );
  return `V-${Number(row!.last_value)}`;
}
