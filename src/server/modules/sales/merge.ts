import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@server/db/client';
import { opportunities, purchaseOrders, testDrives } from './tables';

/**
 * Two contacts merged: the customer's opportunities, test drives and purchase orders follow them
 * to the surviving record (offers belong to the opportunity, so they move with it). Runs inside
 * the merge transaction.
 */
export async function moveSalesContactIn(tx: DbOrTx, sourceId: string, targetId: string): Promise<void> {
  await tx.update(opportunities).set({ contactId: targetId }).where(eq(opportunities.contactId, sourceId));
  await tx.update(testDrives).set({ contactId: targetId }).where(eq(testDrives.contactId, sourceId));
  await tx.update(purchaseOrders).set({ contactId: targetId }).where(eq(purchaseOrders.contactId, sourceId));
}
