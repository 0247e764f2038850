import { bulkInsert } from '@server/db/bulk-insert';
import type { DbOrTx } from '@server/db/client';
import { letterheads } from './tables';

/** Letterheads of several locations at once (the demo data), in the caller's transaction; unchecked. */
export const insertLetterheadRows = (tx: DbOrTx, rows: Array<typeof letterheads.$inferInsert>) =>
  bulkInsert(tx, letterheads, rows);
