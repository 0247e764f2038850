import { and, desc, eq, inArray } from 'drizzle-orm';
import { headlineMonthlyRate, offerFigures } from '@shared/sales/financing';
import { formatEuro, OfferFigureError } from '@shared/sales/money';
import type { OfferContent, OfferFigures } from '@shared/sales/offer-content';
import type { ExternalOfferTool } from '@shared/sales/enums';
import { timelineText } from '@shared/texts/timeline';
import type { DbOrTx } from '@server/db/client';
import { ConflictError, NotFoundError, ValidationError } from '@server/http/errors';
import { addDays, toLocal } from '@server/lib/zoned-time';
import { recordTimeline } from '@server/modules/timeline';
import { advanceOpportunityIn } from '../opportunities/advance';
import { offers, opportunities } from '../tables';

/*
 * Writing offers in the caller's transaction: a new version, its status changes. The
 * opportunity row is locked first, so two versions saved at once get numbers one after the other.
 */

export type OfferRow = typeof offers.$inferSelect;
export type OpportunityRow = typeof opportunities.$inferSelect;

/** How long an offer holds when the consultant names no date. */
export const DEFAULT_VALID_DAYS = 14;

/** The day `days` after the instant's day in Berlin, as YYYY-MM-DD. */
export function berlinDayPlus(at: Date, days: number): string {
  const today = toLocal(at, 'Europe/Berlin');
  const d = addDays(today.year, today.month, today.day, days);
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** An opportunity, locked for the change; 404 when unknown. */
export async function lockOpportunity(tx: DbOrTx, id: string): Promise<OpportunityRow> {
  const [row] = await tx.select().from(opportunities).where(eq(opportunities.id, id)).for('update');
  if (!row) throw new NotFoundError('The opportunity');
  return row;
}

export async function opportunityOf(tx: DbOrTx, id: string): Promise<OpportunityRow> {
  const [row] = await tx.select().from(opportunities).where(eq(opportunities.id, id));
  if (!row) throw new NotFoundError('The opportunity');
  return row;
}

export async function offerById(tx: DbOrTx, id: string): Promise<OfferRow> {
  const [row] = await tx.select().from(offers).where(eq(offers.id, id));
  if (!row) throw new NotFoundError('The offer');
  return row;
}

export const offersOf = (tx: DbOrTx, opportunityId: string) =>
  tx.select().from(offers).where(eq(offers.opportunityId, opportunityId)).orderBy(desc(offers.version));

/** A closed opportunity's offers are its record: they stay as they were. */
export function assertOpen(opportunity: OpportunityRow): void {
  if (opportunity.status !== 'open') {
    const how = opportunity.status === 'won' ? 'won' : 'lost';
    throw new ConflictError(`Opportunity ${opportunity.number} is ${how}; its offers can no longer change.`);
  }
}

/** The figures of the content, or a 400 naming the field whose amount the price does not cover. */
export function figuresOf(content: OfferContent): OfferFigures {
  try {
    return offerFigures(content);
  } catch (error) {
    if (!(error instanceof OfferFigureError)) throw error;
    throw new ValidationError([
      { field: error.field, in: 'body', code: error.code, params: error.params, message: error.message },
    ]);
  }
}

export interface NewVersion {
  content: OfferContent | null;
  figures: OfferFigures | null;
  grossCents: number | null;
  monthlyRateCents: number | null;
  externalTool: ExternalOfferTool | null;
  validUntil: string | undefined;
  byId: string;
  at: Date;
}

/**
 * Saves the next version of an opportunity's offer: number = last + 1, the versions still in
 * play (draft or sent) become superseded. Once one is accepted, the deal is made: no new version.
 */
export async function insertVersionIn(tx: DbOrTx, opportunity: OpportunityRow, version: NewVersion): Promise<OfferRow> {
  const existing = await tx
    .select({ version: offers.version, status: offers.status })
    .from(offers)
    .where(eq(offers.opportunityId, opportunity.id));
  const accepted = existing.find((o) => o.status === 'accepted');
  if (accepted) {
    throw new ConflictError(`Offer version ${accepted.version} has been accepted; no new version can be made.`);
  }
  await tx
    .update(offers)
    .set({ status: 'superseded', updatedAt: version.at })
    .where(and(eq(offers.opportunityId, opportunity.id), inArray(offers.status, ['draft', 'sent'])));
  const next = existing.reduce((max, o) => Math.max(max, o.version), 0) + 1;
  const { figures } = version;
  const [row] = await tx
    .insert(offers)
    .values({
      opportunityId: opportunity.id,
      version: next,
      status: 'draft',
      content: version.content,
      figures,
      netCents: figures?.netCents ?? null,
      vatCents: figures?.vatCents ?? null,
      grossCents: figures?.grossCents ?? version.grossCents,
      payableCents: figures?.payableCents ?? null,
      monthlyRateCents: (figures && headlineMonthlyRate(figures)) ?? version.monthlyRateCents,
      externalTool: version.externalTool,
      validUntil: version.validUntil ?? berlinDayPlus(version.at, DEFAULT_VALID_DAYS),
      createdById: version.byId,
      createdAt: version.at,
      updatedAt: version.at,
    })
    .returning();
  await recordTimeline(tx, {
    contactId: opportunity.contactId,
    kind: 'offer',
    occurredAt: version.at,
    authorId: version.byId,
    ...timelineText('timeline.offerCreated', {
      number: opportunity.number,
      version: next,
      gross: row!.grossCents === null ? null : formatEuro(row!.grossCents),
    }),
    data: { opportunityId: opportunity.id, offerId: row!.id, version: next },
    sourceType: 'offer',
    sourceId: row!.id,
  });
  return row!;
}

async function decideIn(tx: DbOrTx, offerId: string, set: Partial<OfferRow>) {
  const [row] = await tx.update(offers).set(set).where(eq(offers.id, offerId)).returning();
  return row!;
}

/** Only the current version (draft or sent) can be sent, accepted or turned down. */
function assertCurrent(offer: OfferRow, action: string): void {
  if (offer.status !== 'draft' && offer.status !== 'sent') {
    throw new ConflictError(`Offer version ${offer.version} is ${offer.status}; it cannot be ${action}.`);
  }
}

/**
 * Marks an offer as sent to the customer (the e-mail step calls this once the message is out)
 * and moves its opportunity on to "offer". In the caller's transaction.
 */
export async function markOfferSentIn(tx: DbOrTx, offerId: string, byId: string | null, at: Date): Promise<OfferRow> {
  const opportunity = await lockOpportunity(tx, (await offerById(tx, offerId)).opportunityId);
  // Read again under the lock: a decision taken meanwhile counts.
  const offer = await offerById(tx, offerId);
  assertOpen(opportunity);
  if (offer.status !== 'sent') assertCurrent(offer, 'sent');
  const row = await decideIn(tx, offerId, { status: 'sent', sentAt: offer.sentAt ?? at, updatedAt: at });
  await advanceOpportunityIn(tx, { opportunityId: opportunity.id, toStage: 'offer', byId, at, data: { offerId } });
  return row;
}

/** The customer accepts: the one accepted version of the opportunity, from which the purchase order is made. */
export async function acceptOfferIn(tx: DbOrTx, offer: OfferRow, opportunity: OpportunityRow, byId: string, at: Date) {
  assertOpen(opportunity);
  assertCurrent(offer, 'accepted');
  const row = await decideIn(tx, offer.id, { status: 'accepted', decidedAt: at, updatedAt: at });
  await recordTimeline(tx, {
    contactId: opportunity.contactId,
    kind: 'offer',
    occurredAt: at,
    authorId: byId,
    ...timelineText('timeline.offerAccepted', { number: opportunity.number, version: offer.version }),
    data: { opportunityId: opportunity.id, offerId: offer.id, version: offer.version },
    sourceType: 'offer_decision',
    sourceId: offer.id,
  });
  return row;
}

/** The customer turns it down; their reason is kept as they gave it. */
export async function rejectOfferIn(
  tx: DbOrTx,
  offer: OfferRow,
  opportunity: OpportunityRow,
  reason: string,
  byId: string,
  at: Date,
) {
  assertOpen(opportunity);
  assertCurrent(offer, 'rejected');
  const row = await decideIn(tx, offer.id, {
    status: 'rejected',
    decidedAt: at,
    rejectionReason: reason,
    updatedAt: at,
  });
  await recordTimeline(tx, {
    contactId: opportunity.contactId,
    kind: 'offer',
    occurredAt: at,
    authorId: byId,
    ...timelineText('timeline.offerRejected', { number: opportunity.number, version: offer.version, reason }),
    data: { opportunityId: opportunity.id, offerId: offer.id, version: offer.version },
    sourceType: 'offer_decision',
    sourceId: offer.id,
  });
  return row;
}

/** Links the stored brand PDF to its offer version. */
export async function attachExternalDocumentIn(tx: DbOrTx, offerId: string, documentId: string): Promise<OfferRow> {
  return decideIn(tx, offerId, { externalDocumentId: documentId });
}
