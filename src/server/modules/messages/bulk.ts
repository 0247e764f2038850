import { bulkInsert } from '@server/db/bulk-insert';
import type { DbOrTx } from '@server/db/client';
import { customerMessages } from './tables';

/*
 * Messages written by the dozen (the demo data), in the caller's transaction. The caller prepares
 * complete rows (ids included) and their timeline entries; blocks are set through contacts.
 */
export type NewMessageRow = typeof customerMessages.$inferInsert;

export const insertMessageRows = (tx: DbOrTx, rows: NewMessageRow[]) => bulkInsert(tx, customerMessages, rows);
