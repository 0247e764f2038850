import { eq, sql } from 'drizzle-orm';
import { timelineText } from '@shared/texts/timeline';
import type { DbOrTx } from '@server/db/client';
import { recordTimeline } from '@server/modules/timeline';
import { opportunities, opportunityStageChanges } from '../tables';
import type { OpportunityRow } from './repo';

/**
 * A cancelled purchase order sends its opportunity back to negotiation: the one step back the
 * pipeline takes, kept as a stage change so the funnel still counts the contract that was signed.
 */
export async function reopenAtNegotiationIn(
  tx: DbOrTx,
  opportunity: OpportunityRow,
  byId: string | null,
  at: Date,
  data: Record<string, unknown>,
) {
  if (opportunity.status !== 'open' || opportunity.stage === 'negotiation') return;
  await tx
    .update(opportunities)
    .set({
      stage: 'negotiation',
      stageChangedAt: at,
      version: sql`${opportunities.version} + 1`,
      updatedAt: at,
    })
    .where(eq(opportunities.id, opportunity.id));
  await tx.insert(opportunityStageChanges).values({
    opportunityId: opportunity.id,
    locationId: opportunity.locationId,
    at,
    byId,
    fromStage: opportunity.stage,
    toStage: 'negotiation',
    status: 'open',
    data: { ...data, reason: 'purchase_order_cancelled' },
  });
  await recordTimeline(tx, {
    contactId: opportunity.contactId,
    kind: 'opportunity',
    occurredAt: at,
    authorId: byId,
    ...timelineText('timeline.opportunityReopened', { number: opportunity.number, stage: 'negotiation' }),
    data: { opportunityId: opportunity.id, stage: 'negotiation', ...data },
    sourceType: 'opportunity_stage',
    sourceId: null,
  });
}
