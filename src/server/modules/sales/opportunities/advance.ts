import { eq, sql } from 'drizzle-orm';
import { OPPORTUNITY_STAGES, type OpportunityStage } from '@shared/sales/enums';
import { timelineText } from '@shared/texts/timeline';
import type { DbOrTx } from '@server/db/client';
import { recordTimeline } from '@server/modules/timeline';
import { opportunities, opportunityStageChanges } from '../tables';

export const stageIndex = (stage: OpportunityStage) => OPPORTUNITY_STAGES.indexOf(stage);

export interface Advance {
  opportunityId: string;
  toStage: OpportunityStage;
  byId: string | null;
  at: Date;
  /** What caused it, kept with the stage change (e.g. { testDriveId }, { offerId }). */
  data?: Record<string, unknown>;
}

/**
 * Moves an open opportunity forward to a stage when something that implies it happened — a
 * test drive booked, an offer sent, a purchase order signed, the car delivered — in the
 * caller's transaction. Never moves back: an offer sent while already negotiating leaves it
 * there. Reaching "delivered" wins it. Returns whether the stage changed.
 */
export async function advanceOpportunityIn(tx: DbOrTx, advance: Advance): Promise<boolean> {
  const [row] = await tx.select().from(opportunities).where(eq(opportunities.id, advance.opportunityId)).for('update');
  if (!row || row.status !== 'open') return false;
  const from = row.stage as OpportunityStage;
  if (stageIndex(advance.toStage) <= stageIndex(from)) return false;
  const won = advance.toStage === 'delivered';
  const status = won ? 'won' : 'open';
  await tx
    .update(opportunities)
    .set({
      stage: advance.toStage,
      status,
      stageChangedAt: advance.at,
      closedAt: won ? advance.at : null,
      version: sql`${opportunities.version} + 1`,
      updatedAt: advance.at,
    })
    .where(eq(opportunities.id, row.id));
  await tx.insert(opportunityStageChanges).values({
    opportunityId: row.id,
    locationId: row.locationId,
    at: advance.at,
    byId: advance.byId,
    fromStage: from,
    toStage: advance.toStage,
    status,
    data: advance.data ?? null,
  });
  await recordTimeline(tx, {
    contactId: row.contactId,
    kind: 'opportunity',
    occurredAt: advance.at,
    authorId: advance.byId,
    ...timelineText('timeline.opportunityStage', { number: row.number, stage: advance.toStage }),
    data: { opportunityId: row.id, stage: advance.toStage, ...advance.data },
    sourceType: 'opportunity_stage',
    sourceId: null,
  });
  return true;
}
