import { bulkInsert } from '@server/db/bulk-insert';
import type { DbOrTx } from '@server/db/client';
import { contactAttempts, customerRequests, requestEvents } from './tables';

/*
 * Requests written by the thousand (the demo data): one statement per table
 * and batch, in the caller's transaction. The caller prepares the rows;
 * nothing here checks them or runs the workflow.
 */

export type NewRequestRow = typeof customerRequests.$inferInsert;
export type NewRequestEventRow = typeof requestEvents.$inferInsert;
export type NewContactAttemptRow = typeof contactAttempts.$inferInsert;

export const insertRequestRows = (tx: DbOrTx, rows: NewRequestRow[]) => bulkInsert(tx, customerRequests, rows);

export const insertContactAttemptRows = (tx: DbOrTx, rows: NewContactAttemptRow[]) =>
  bulkInsert(tx, contactAttempts, rows);

export const insertRequestEventRows = (tx: DbOrTx, rows: NewRequestEventRow[]) => bulkInsert(tx, requestEvents, rows);
