import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '@server/db/client';
import { offers, opportunities, purchaseOrders, salesNumberCounters } from '../tables';

export type OrderRow = typeof purchaseOrders.$inferSelect;
export type OfferRow = typeof offers.$inferSelect;
export type OpportunityRow = typeof opportunities.$inferSelect;

const FIRST_NUMBER = 100001;

/** The next KV- number: one upsert, so two orders placed at once never share a number. */
export async function nextOrderNumber(tx: DbOrTx): Promise<string> {
  const [row] = await tx
    .insert(salesNumberCounters)
    .values({ kind: 'purchase_order', lastValue: FIRST_NUMBER })
    .onConflictDoUpdate({
      target: salesNumberCounters.kind,
      set: { lastValue: sql`${salesNumberCounters.lastValue} + 1` },
    })
    .returning({ value: salesNumberCounters.lastValue });
  return `KV-${row!.value}`;
}

export async function findOffer(tx: DbOrTx, id: string, lock = false): Promise<OfferRow | undefined> {
  const q = tx.select().from(offers).where(eq(offers.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function findOpportunity(tx: DbOrTx, id: string, lock = false): Promise<OpportunityRow | undefined> {
  const q = tx.select().from(opportunities).where(eq(opportunities.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function findOrder(tx: DbOrTx, id: string, lock = false): Promise<OrderRow | undefined> {
  const q = tx.select().from(purchaseOrders).where(eq(purchaseOrders.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function orderOfOffer(tx: DbOrTx, offerId: string): Promise<OrderRow | undefined> {
  const [row] = await tx.select().from(purchaseOrders).where(eq(purchaseOrders.offerId, offerId));
  return row;
}

export async function ordersOfOpportunity(tx: DbOrTx, opportunityId: string): Promise<OrderRow[]> {
  return tx
    .select()
    .from(purchaseOrders)
    .where(eq(purchaseOrders.opportunityId, opportunityId))
    .orderBy(desc(purchaseOrders.orderedAt));
}

export async function ordersAt(tx: DbOrTx, locationId: string, status?: string): Promise<OrderRow[]> {
  return tx
    .select()
    .from(purchaseOrders)
    .where(and(eq(purchaseOrders.locationId, locationId), status ? eq(purchaseOrders.status, status) : undefined))
    .orderBy(desc(purchaseOrders.orderedAt))
    .limit(500);
}

export async function insertOrder(tx: DbOrTx, values: typeof purchaseOrders.$inferInsert): Promise<OrderRow> {
  const [row] = await tx.insert(purchaseOrders).values(values).returning();
  return row!;
}

export async function updateOrder(
  tx: DbOrTx,
  id: string,
  values: Partial<typeof purchaseOrders.$inferInsert>,
): Promise<OrderRow> {
  const [row] = await tx
    .update(purchaseOrders)
    .set({ ...values, version: sql`${purchaseOrders.version} + 1` })
    .where(eq(purchaseOrders.id, id))
    .returning();
  return row!;
}

export async function offersByIds(tx: DbOrTx, ids: string[]): Promise<OfferRow[]> {
  return ids.length ? tx.select().from(offers).where(inArray(offers.id, ids)) : [];
}

export async function opportunitiesByIds(tx: DbOrTx, ids: string[]): Promise<OpportunityRow[]> {
  return ids.length ? tx.select().from(opportunities).where(inArray(opportunities.id, ids)) : [];
}

export async function setOfferStatus(tx: DbOrTx, id: string, status: string, at: Date) {
  await tx.update(offers).set({ status, updatedAt: at }).where(eq(offers.id, id));
}

export async function setPlannedDelivery(tx: DbOrTx, id: string, at: Date) {
  await tx.update(purchaseOrders).set({ plannedDeliveryAt: at }).where(eq(purchaseOrders.id, id));
}

/** An open order's planned handover follows its delivery appointment when that is moved. */
export async function followAppointment(tx: DbOrTx, activityId: string, startsAt: Date) {
  await tx
    .update(purchaseOrders)
    .set({ plannedDeliveryAt: startsAt })
    .where(and(eq(purchaseOrders.deliveryActivityId, activityId), eq(purchaseOrders.status, 'ordered')));
}
