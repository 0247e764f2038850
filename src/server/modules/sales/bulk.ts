import { sql } from 'drizzle-orm';
import { bulkInsert } from '@server/db/bulk-insert';
import { type DbOrTx, rows } from '@server/db/client';
import {
  demoVehicleBlocks,
  demoVehicles,
  offers,
  opportunities,
  opportunityStageChanges,
  purchaseOrders,
  testDrives,
} from './tables';

/*
 * Sales records written by the hundred (the demo data): one statement per table and batch, in the
 * caller's transaction. The caller prepares complete rows (every column, ids included), their
 * timeline entries and calendar appointments; nothing here checks them.
 */

export const insertDemoVehicleRows = (tx: DbOrTx, rows: Array<typeof demoVehicles.$inferInsert>) =>
  bulkInsert(tx, demoVehicles, rows);

export const insertDemoVehicleBlockRows = (tx: DbOrTx, rows: Array<typeof demoVehicleBlocks.$inferInsert>) =>
  bulkInsert(tx, demoVehicleBlocks, rows);

export const insertOpportunityRows = (tx: DbOrTx, rows: Array<typeof opportunities.$inferInsert>) =>
  bulkInsert(tx, opportunities, rows);

export const insertOpportunityStageChangeRows = (
  tx: DbOrTx,
  rows: Array<Omit<typeof opportunityStageChanges.$inferInsert, 'id'>>,
) => bulkInsert(tx, opportunityStageChanges, rows);

export const insertOfferRows = (tx: DbOrTx, rows: Array<typeof offers.$inferInsert>) => bulkInsert(tx, offers, rows);

export const insertTestDriveRows = (tx: DbOrTx, rows: Array<typeof testDrives.$inferInsert>) =>
  bulkInsert(tx, testDrives, rows);

export const insertPurchaseOrderRows = (tx: DbOrTx, rows: Array<typeof purchaseOrders.$inferInsert>) =>
  bulkInsert(tx, purchaseOrders, rows);

/**
 * Sets the opportunity (V-) and purchase-order (KV-) counters to the last numbers given out in
 * bulk, so the next one a consultant opens follows on.
 */
export async function setSalesNumberCounters(tx: DbOrTx, last: { opportunity: number; purchaseOrder: number }) {
  for (const [kind, value] of [
    ['opportunity', last.opportunity],
    ['purchase_order', last.purchaseOrder],
  ] as const) {
    await rows(
      tx,
      sql`INSERT INTO sales_number_counters (kind, last_value) VALUES (${kind}, ${value})
      ON CONFLICT (kind) DO UPDATE SET last_value = GREATEST(sales_number_counters.last_value, ${value})`,
    );
  }
}
