import type { OfferContent, OfferFigures } from '@shared/sales/offer-content';
import type { Db } from '@server/db/client';
import { demoVehicles, offers, opportunities, purchaseOrders, testDrives } from '../tables';

/*
 * Sales rows for document tests, written directly: an opportunity with an offer (content and
 * figures agreeing to the cent), a demo car with a booked test drive, and a purchase order.
 */

let counter = 0;

/** An offer's content with financing, leasing, insurance, a trade-in and remarks. */
export function offerContent(overrides: Partial<OfferContent> = {}): OfferContent {
  return {
    vehicle: {
      make: 'Volkswagen',
      model: 'Tiguan',
      variant: 'Elegance 2.0 TDI DSG',
      vin: 'WVGZZZ5NZPW012345',
      listPriceCents: 4_299_000,
    },
    lines: [
      { kind: 'option', label: 'Panorama-Schiebedach', priceCents: 139_000 },
      { kind: 'accessory', label: 'Winterkompletträder 18″', priceCents: 189_950 },
      { kind: 'transfer', label: 'Überführung ab Werk Wolfsburg', priceCents: 99_000 },
      { kind: 'registration', label: 'Zulassung inkl. Kennzeichen', priceCents: 19_900 },
    ],
    discountCents: 250_000,
    tradeIn: {
      make: 'Opel',
      model: 'Astra',
      plate: 'M-AB 1234',
      mileageKm: 98_500,
      appraisedValueCents: 850_000,
    },
    financing: {
      bank: 'Volkswagen Bank GmbH',
      downPaymentCents: 500_000,
      termMonths: 48,
      nominalRateBasisPoints: 399,
      balloonCents: 1_500_000,
    },
    leasing: {
      lessor: 'Volkswagen Leasing GmbH',
      termMonths: 36,
      mileagePerYearKm: 15_000,
      downPaymentCents: 300_000,
      monthlyRateCents: 44_900,
    },
    insurance: { insurer: 'Allianz Versicherungs-AG', type: 'comprehensive', annualPremiumCents: 84_350 },
    remarks: 'Kunde wünscht Auslieferung vor Ostern; Anhängerkupplung wird nachgerüstet.',
    ...overrides,
  };
}

/** The figures of a content, as the offers piece computes them (worked out here independently). */
export function figuresOf(content: OfferContent): OfferFigures {
  const grossCents =
    content.vehicle.listPriceCents + content.lines.reduce((s, l) => s + l.priceCents, 0) - content.discountCents;
  // net = gross / 1.19 rounded half up; VAT is the rest, so net + VAT = gross exactly.
  const netCents = Math.floor((grossCents * 100 + 59) / 119);
  const vatCents = grossCents - netCents;
  const tradeInCents = content.tradeIn?.appraisedValueCents ?? 0;
  const payableCents = grossCents - tradeInCents;
  const figures: OfferFigures = { grossCents, netCents, vatCents, tradeInCents, payableCents };
  const f = content.financing;
  if (f) {
    const financedCents = payableCents - f.downPaymentCents;
    const i = f.nominalRateBasisPoints / 10000 / 12;
    const n = f.termMonths;
    const rate = Math.round(((financedCents - f.balloonCents / (1 + i) ** n) * i) / (1 - (1 + i) ** -n));
    const totalCostCents = f.downPaymentCents + rate * (n - 1) + f.balloonCents + rate;
    figures.loan = {
      financedCents,
      downPaymentCents: f.downPaymentCents,
      termMonths: n,
      nominalRateBasisPoints: f.nominalRateBasisPoints,
      effectiveRateBasisPoints: 406,
      monthlyRateCents: rate,
      balloonCents: f.balloonCents,
      totalInterestCents: totalCostCents - f.downPaymentCents - financedCents,
      totalCostCents,
    };
  }
  const l = content.leasing;
  if (l) {
    figures.leasing = {
      termMonths: l.termMonths,
      mileagePerYearKm: l.mileagePerYearKm,
      downPaymentCents: l.downPaymentCents,
      monthlyRateCents: l.monthlyRateCents,
      totalCostCents: l.downPaymentCents + l.monthlyRateCents * l.termMonths,
    };
  }
  if (content.insurance) figures.insurance = { annualPremiumCents: content.insurance.annualPremiumCents };
  return figures;
}

export interface SalesRecordsInput {
  locationId: string;
  ownerId: string;
  contactId: string;
  content?: OfferContent;
  /** The offer's and the opportunity's creation. */
  at?: Date;
}

/** An opportunity with one offer, a test drive in a demo car and a purchase order from the offer. */
export async function salesRecords(db: Db, input: SalesRecordsInput) {
  const n = ++counter;
  const at = input.at ?? new Date('2026-12-03T09:15:00Z');
  const content = input.content ?? offerContent();
  const figures = figuresOf(content);
  const [opportunity] = await db
    .insert(opportunities)
    .values({
      number: `V-${String(100000 + n + Math.floor(Math.random() * 800000))}`,
      contactId: input.contactId,
      ownerId: input.ownerId,
      locationId: input.locationId,
      stage: 'offer',
      interestKind: 'new',
      createdAt: at,
    })
    .returning();
  const [offer] = await db
    .insert(offers)
    .values({
      opportunityId: opportunity!.id,
      version: 2,
      status: 'sent',
      content,
      figures,
      netCents: figures.netCents,
      vatCents: figures.vatCents,
      grossCents: figures.grossCents,
      payableCents: figures.payableCents,
      monthlyRateCents: figures.loan?.monthlyRateCents ?? null,
      validUntil: '2026-12-31',
      createdById: input.ownerId,
      createdAt: at,
    })
    .returning();
  const [car] = await db
    .insert(demoVehicles)
    .values({
      locationId: input.locationId,
      make: 'Volkswagen',
      model: 'ID.4',
      variant: 'Pro 77 kWh',
      plate: `M-VW ${1000 + n}${Math.floor(Math.random() * 90 + 10)}`,
      vin: 'WVWZZZE2ZPP054321',
      mileageKm: 4_250,
    })
    .returning();
  const [testDrive] = await db
    .insert(testDrives)
    .values({
      opportunityId: opportunity!.id,
      contactId: input.contactId,
      consultantId: input.ownerId,
      locationId: input.locationId,
      demoVehicleId: car!.id,
      startsAt: new Date('2026-12-05T13:30:00Z'),
      endsAt: new Date('2026-12-05T14:30:00Z'),
      licenceNumber: 'B072RRE2I55',
      licenceAuthority: 'Landratsamt München',
      licenceCheckedById: input.ownerId,
      licenceCheckedAt: new Date('2026-12-05T13:20:00Z'),
      mileageOutKm: 4_312,
      createdById: input.ownerId,
      createdAt: at,
    })
    .returning();
  const [order] = await db
    .insert(purchaseOrders)
    .values({
      number: `KV-${String(100000 + n + Math.floor(Math.random() * 800000))}`,
      opportunityId: opportunity!.id,
      offerId: offer!.id,
      contactId: input.contactId,
      locationId: input.locationId,
      orderedAt: new Date('2026-12-10T15:00:00Z'),
      createdById: input.ownerId,
    })
    .returning();
  return { opportunity: opportunity!, offer: offer!, car: car!, testDrive: testDrive!, order: order! };
}
