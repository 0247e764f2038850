import type { OfferContent } from '@shared/sales/offer-content';
import type { OpportunityStage, OpportunityStatus } from '@shared/sales/enums';
import { eq } from 'drizzle-orm';
import type { Db } from '@server/db/client';
import { offers, opportunities, opportunityStageChanges } from '../tables';

let counter = 0;

export const CAR: OfferContent = {
  vehicle: {
    make: 'Volkswagen',
    model: 'ID.4',
    variant: 'Pro 77 kWh',
    vin: 'WVGZZZE2ZPP012345',
    listPriceCents: 4_699_000,
  },
  lines: [],
  discountCents: 0,
};

/** An opportunity as the opportunities piece leaves it, written straight into its table. */
export async function insertOpportunity(
  db: Db,
  o: {
    contactId: string;
    ownerId: string;
    locationId: string;
    stage?: OpportunityStage;
    status?: OpportunityStatus;
    source?: string | null;
    expectedValueCents?: number | null;
    lostReason?: string | null;
    lostToBrand?: string | null;
    createdAt?: Date;
    requestId?: string | null;
  },
) {
  const [row] = await db
    .insert(opportunities)
    .values({
      number: `V-${900000 + ++counter}`,
      contactId: o.contactId,
      ownerId: o.ownerId,
      locationId: o.locationId,
      stage: o.stage ?? 'negotiation',
      status: o.status ?? 'open',
      interestKind: 'new',
      interestMake: 'Volkswagen',
      interestModel: 'ID.4',
      source: o.source ?? null,
      expectedValueCents: o.expectedValueCents ?? null,
      lostReason: o.lostReason ?? null,
      lostToBrand: o.lostToBrand ?? null,
      requestId: o.requestId ?? null,
      ...(o.createdAt ? { createdAt: o.createdAt, stageChangedAt: o.createdAt } : {}),
    })
    .returning();
  return row!;
}

/** An offer of the opportunity, accepted unless said otherwise. */
export async function insertOffer(
  db: Db,
  opportunityId: string,
  o: { status?: string; content?: OfferContent; version?: number } = {},
) {
  const [row] = await db
    .insert(offers)
    .values({
      opportunityId,
      version: o.version ?? 1,
      status: o.status ?? 'accepted',
      content: o.content ?? CAR,
      grossCents: (o.content ?? CAR).vehicle.listPriceCents,
      validUntil: '2026-12-31',
    })
    .returning();
  return row!;
}

/** A stage change as the pipeline writes it. */
export async function insertStageChange(
  db: Db,
  c: { opportunityId: string; at: Date; fromStage: string | null; toStage: string; status?: string },
) {
  const [opportunity] = await db
    .select({ locationId: opportunities.locationId })
    .from(opportunities)
    .where(eq(opportunities.id, c.opportunityId));
  await db.insert(opportunityStageChanges).values({
    opportunityId: c.opportunityId,
    locationId: opportunity!.locationId,
    at: c.at,
    fromStage: c.fromStage,
    toStage: c.toStage,
    status: c.status ?? 'open',
  });
}
