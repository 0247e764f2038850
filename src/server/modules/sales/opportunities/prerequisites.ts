import { sql } from 'drizzle-orm';
import type { OpportunityStage } from '@shared/sales/enums';
import { type DbOrTx, rows } from '@server/db/client';

export type Missing = 'test_drive' | 'offer' | 'purchase_order';

/**
 * What a stage implies and the opportunity lacks, or null: a test drive booked (not cancelled)
 * for "test_drive", an offer sent or accepted for "offer" and "negotiation", a purchase order
 * (not cancelled) for "contract". Earlier stages need nothing; "delivered" comes from the delivery.
 */
export async function missingFor(tx: DbOrTx, opportunityId: string, stage: OpportunityStage): Promise<Missing | null> {
  const [have] = await rows<{ drives: boolean; offers: boolean; orders: boolean }>(
    tx,
    sql`SELECT
        EXISTS (SELECT 1 FROM test_drives d WHERE d.opportunity_id = ${opportunityId} AND d.status <> 'cancelled') AS drives,
        EXISTS (SELECT 1 FROM offers f WHERE f.opportunity_id = ${opportunityId} AND f.status IN ('sent', 'accepted')) AS offers,
        EXISTS (SELECT 1 FROM purchase_orders p WHERE p.opportunity_id = ${opportunityId} AND p.status <> 'cancelled') AS orders`,
  );
  if (stage === 'test_drive' && !have!.drives) return 'test_drive';
  if ((stage === 'offer' || stage === 'negotiation') && !have!.offers) return 'offer';
  if (stage === 'contract' && !have!.orders) return 'purchase_order';
  return null;
}
