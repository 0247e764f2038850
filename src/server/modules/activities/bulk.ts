import { bulkInsert } from '@server/db/bulk-insert';
import type { DbOrTx } from '@server/db/client';
import { activities, activityChanges } from './tables';

/*
 * Activities written by the hundred (the demo data): one statement per table
 * and batch, in the caller's transaction. The caller prepares complete rows,
 * their history, timeline entries and reminder jobs; nothing here checks them.
 */

export type NewActivityChangeRow = typeof activityChanges.$inferInsert;

export const insertActivityRows = (tx: DbOrTx, rows: Array<typeof activities.$inferInsert>) =>
  bulkInsert(tx, activities, rows);

export const insertActivityChangeRows = (tx: DbOrTx, rows: NewActivityChangeRow[]) =>
  bulkInsert(tx, activityChanges, rows);
