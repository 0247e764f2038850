import { and, asc, eq, gt, isNotNull, isNull, sql } from 'drizzle-orm';
import type { CampaignResponse } from '@shared/campaigns/schemas';
import type { DbOrTx } from '@server/db/client';
import { campaignRecipients, campaigns } from './tables';

export type CampaignRow = typeof campaigns.$inferSelect;
export type RecipientRow = typeof campaignRecipients.$inferSelect;

export const RESPONSE_COLUMN = {
  replied: campaignRecipients.repliedAt,
  appointment: campaignRecipients.appointmentAt,
  request_created: campaignRecipients.requestCreatedAt,
  unsubscribed: campaignRecipients.unsubscribedAt,
  bounced: campaignRecipients.bouncedAt,
} as const satisfies Record<CampaignResponse, unknown>;

export const RESPONSE_FIELD = {
  replied: 'repliedAt',
  appointment: 'appointmentAt',
  request_created: 'requestCreatedAt',
  unsubscribed: 'unsubscribedAt',
  bounced: 'bouncedAt',
} as const satisfies Record<CampaignResponse, keyof RecipientRow>;

export async function findCampaign(db: DbOrTx, id: string, lock = false): Promise<CampaignRow | null> {
  const query = db.select().from(campaigns).where(eq(campaigns.id, id));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

/** Per campaign: recipients processed and each kind of response. */
export async function tallies(db: DbOrTx, campaignIds: string[]) {
  if (campaignIds.length === 0) return new Map<string, Record<string, number>>();
  const found = await db
    .select({
      campaignId: campaignRecipients.campaignId,
      processed: sql<number>`count(${campaignRecipients.processedAt})::int`,
      replied: sql<number>`count(${campaignRecipients.repliedAt})::int`,
      appointment: sql<number>`count(${campaignRecipients.appointmentAt})::int`,
      request_created: sql<number>`count(${campaignRecipients.requestCreatedAt})::int`,
      unsubscribed: sql<number>`count(${campaignRecipients.unsubscribedAt})::int`,
      bounced: sql<number>`count(${campaignRecipients.bouncedAt})::int`,
    })
    .from(campaignRecipients)
    .where(
      sql`${campaignRecipients.campaignId} IN (${sql.join(
        campaignIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
    )
    .groupBy(campaignRecipients.campaignId);
  return new Map(found.map(({ campaignId, ...counts }) => [campaignId, counts]));
}

/** The next batch of recipients after `afterSeq`, in campaign order; `pending` only those not processed yet. */
export async function recipientBatch(
  db: DbOrTx,
  campaignId: string,
  afterSeq: number,
  limit: number,
  pending = false,
): Promise<RecipientRow[]> {
  return db
    .select()
    .from(campaignRecipients)
    .where(
      and(
        eq(campaignRecipients.campaignId, campaignId),
        gt(campaignRecipients.seq, afterSeq),
        pending ? isNull(campaignRecipients.processedAt) : undefined,
      ),
    )
    .orderBy(asc(campaignRecipients.seq))
    .limit(limit);
}

export async function processedCount(db: DbOrTx, campaignId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(campaignRecipients)
    .where(and(eq(campaignRecipients.campaignId, campaignId), isNotNull(campaignRecipients.processedAt)));
  return Number(row?.n ?? 0);
}
