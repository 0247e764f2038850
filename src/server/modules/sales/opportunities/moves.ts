import { eq, sql } from 'drizzle-orm';
import type { LostReason, OpportunityStage } from '@shared/sales/enums';
import { timelineText } from '@shared/texts/timeline';
import type { DbOrTx } from '@server/db/client';
import { recordTimeline } from '@server/modules/timeline';
import { opportunities, opportunityStageChanges } from '../tables';

type OpportunityRow = typeof opportunities.$inferSelect;

interface Change {
  row: OpportunityRow;
  byId: string | null;
  at: Date;
}

/** Writes the new state, the stage change and the customer's timeline entry, in the caller's transaction. */
async function record(
  tx: DbOrTx,
  { row, byId, at }: Change,
  next: { stage: OpportunityStage; status: 'open' | 'lost'; set: Partial<OpportunityRow> },
  text: ReturnType<typeof timelineText>,
  data: Record<string, unknown>,
) {
  await tx
    .update(opportunities)
    .set({
      ...next.set,
      stage: next.stage,
      status: next.status,
      stageChangedAt: next.stage === row.stage ? row.stageChangedAt : at,
      version: sql`${opportunities.version} + 1`,
      updatedAt: at,
    })
    .where(eq(opportunities.id, row.id));
  await tx.insert(opportunityStageChanges).values({
    opportunityId: row.id,
    locationId: row.locationId,
    at,
    byId,
    fromStage: row.stage,
    toStage: next.stage,
    status: next.status,
    data,
  });
  await recordTimeline(tx, {
    contactId: row.contactId,
    kind: 'opportunity',
    occurredAt: at,
    authorId: byId,
    ...text,
    data: { opportunityId: row.id, stage: next.stage, status: next.status, ...data },
    sourceType: 'opportunity_stage',
    sourceId: null,
  });
}

/**
 * A consultant moves an open opportunity to another stage, forward or back (the board's drag).
 * The caller has checked the stage's prerequisites; "delivered" is never reached this way.
 */
export async function moveOpportunityIn(tx: DbOrTx, change: Change, toStage: OpportunityStage) {
  await record(
    tx,
    change,
    { stage: toStage, status: 'open', set: {} },
    timelineText('timeline.opportunityStage', { number: change.row.number, stage: toStage }),
    { manual: true },
  );
}

/** Marks an open opportunity lost with its reason (and the brand bought instead, and a note). */
export async function loseOpportunityIn(
  tx: DbOrTx,
  change: Change,
  loss: { reason: LostReason; brand: string | null; note: string | null },
) {
  await record(
    tx,
    change,
    {
      stage: change.row.stage as OpportunityStage,
      status: 'lost',
      set: { lostReason: loss.reason, lostToBrand: loss.brand, lostNote: loss.note, closedAt: change.at },
    },
    timelineText('timeline.opportunityLost', { number: change.row.number, reason: loss.reason, brand: loss.brand }),
    { reason: loss.reason, brand: loss.brand },
  );
}

/** Opens a lost opportunity again at a stage (default: where it was lost); the reason is kept in the history. */
export async function reopenOpportunityIn(tx: DbOrTx, change: Change, stage: OpportunityStage) {
  await record(
    tx,
    change,
    { stage, status: 'open', set: { lostReason: null, lostToBrand: null, lostNote: null, closedAt: null } },
    timelineText('timeline.opportunityReopened', { number: change.row.number, stage }),
    { reopened: true },
  );
}
