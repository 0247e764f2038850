import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@server/db/client';
import { hasLocation, type UserActor } from '@server/http/access';
import { offers, opportunities, purchaseOrders, testDrives } from '../tables';

/*
 * Who may render and read a sales document: sales consultants and managers of the record's
 * location (admins everywhere). Reception reads a customer's offer too, so a walk-in asking
 * "what about my offer?" is answered (R0.7).
 */

export type SalesOwnerType = 'offer' | 'test_drive' | 'purchase_order';

const WRITERS = new Set(['admin', 'manager', 'sales']);
const OFFER_READERS = new Set(['admin', 'manager', 'sales', 'reception']);

async function locationOf(tx: DbOrTx, ownerType: SalesOwnerType, id: string): Promise<string | null> {
  if (ownerType === 'offer') {
    const [row] = await tx
      .select({ locationId: opportunities.locationId })
      .from(offers)
      .innerJoin(opportunities, eq(opportunities.id, offers.opportunityId))
      .where(eq(offers.id, id));
    return row?.locationId ?? null;
  }
  const table = ownerType === 'test_drive' ? testDrives : purchaseOrders;
  const [row] = await tx.select({ locationId: table.locationId }).from(table).where(eq(table.id, id));
  return row?.locationId ?? null;
}

/** Whether the user may read the documents of the record: unknown, forbidden or allowed. */
export async function mayRead(tx: DbOrTx, actor: UserActor, ownerType: SalesOwnerType, id: string) {
  const locationId = await locationOf(tx, ownerType, id);
  if (locationId === null) return 'unknown';
  const roles = ownerType === 'offer' ? OFFER_READERS : WRITERS;
  return roles.has(actor.role) && hasLocation(actor, locationId) ? 'allowed' : 'forbidden';
}

/** Whether the user may render the record's document: unknown, forbidden or allowed. */
export async function mayRender(tx: DbOrTx, actor: UserActor, ownerType: SalesOwnerType, id: string) {
  const locationId = await locationOf(tx, ownerType, id);
  if (locationId === null) return 'unknown';
  return WRITERS.has(actor.role) && hasLocation(actor, locationId) ? 'allowed' : 'forbidden';
}

export const RENDER_ROLES = ['admin', 'manager', 'sales'] as const;
