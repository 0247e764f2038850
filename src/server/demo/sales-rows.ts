import type { Faker } from '@faker-js/faker';
import type { ActivityType } from '@shared/activities/enums';
import type { Location } from '@shared/org/schemas';
import { DELIVERY_CHECKLIST, type OfferStatus, type OpportunityStage } from '@shared/sales/enums';
import { headlineMonthlyRate, offerFigures } from '@shared/sales/financing';
import { formatEuro } from '@shared/sales/money';
import type { OfferContent } from '@shared/sales/offer-content';
import { timelineText } from '@shared/texts/timeline';
import type { NewActivityRow } from '@server/modules/activities';
import { addDaysTo, berlinDay, berlinTime } from '@server/modules/activities';
import type { insertLetterheadRows } from '@server/modules/documents';
import type {
  insertDemoVehicleBlockRows,
  insertDemoVehicleRows,
  insertOfferRows,
  insertOpportunityRows,
  insertOpportunityStageChangeRows,
  insertPurchaseOrderRows,
  insertTestDriveRows,
} from '@server/modules/sales';
import type { TimelineWrite } from '@server/modules/timeline';
import type { DEMO_LETTERHEADS } from './sales-data';
import { activityRow } from './sales-activities';
import { pathTo, type Story } from './sales-plan';

type RowsOf<F extends (tx: never, rows: never[]) => unknown> = Parameters<F>[1];
export interface Car {
  id: string;
  locationId: string;
  make: string;
  model: string;
  variant: string | null;
  plate: string;
  mileageKm: number;
}
export interface Opp {
  id: string;
  number: string;
  contactId: string;
  ownerId: string;
  locationId: string;
  label: string;
}

const FIRST_NUMBER = 100_001;
const MINUTE = 60_000;
const isSaturday = (day: string) => new Date(`${day}T12:00:00Z`).getUTCDay() === 6;

/**
 * The rows of the sales demo as they are planned, complete (every column, ids drawn from the
 * seeded faker) so they can be written in one statement per table; timeline entries alongside.
 */
export class SalesRows {
  letterheads: RowsOf<typeof insertLetterheadRows> = [];
  cars: RowsOf<typeof insertDemoVehicleRows> = [];
  blocks: RowsOf<typeof insertDemoVehicleBlockRows> = [];
  opportunities: RowsOf<typeof insertOpportunityRows> = [];
  stageChanges: RowsOf<typeof insertOpportunityStageChangeRows> = [];
  offers: RowsOf<typeof insertOfferRows> = [];
  testDrives: RowsOf<typeof insertTestDriveRows> = [];
  orders: RowsOf<typeof insertPurchaseOrderRows> = [];
  activities: NewActivityRow[] = [];
  timeline: TimelineWrite[] = [];
  /** Each car's booked hours, so two demo test drives never share a car. */
  private taken = new Set<string>();

  constructor(
    private f: Faker,
    private now: Date,
  ) {}

  letterhead(location: Location, l: (typeof DEMO_LETTERHEADS)[string], iban: string) {
    this.letterheads.push({
      locationId: location.id,
      companyName: l.company,
      street: location.street,
      postalCode: location.postalCode,
      city: location.city,
      phone: location.phone,
      email: location.email,
      web: 'www.autohaus-bergmann.de',
      registerCourt: l.court,
      registerNumber: l.register,
      vatId: l.vatId,
      managingDirectors: 'Karl Bergmann, Sabine Bergmann-Wolf',
      bankName: l.bank,
      iban,
      bic: l.bic,
      logo: null,
      logoContentType: null,
      updatedById: null,
      updatedAt: this.now,
    });
  }

  car(locationId: string, c: { make: string; model: string; variant: string; km: number }, plate: string): Car {
    const car = {
      id: this.f.string.uuid(),
      locationId,
      make: c.make,
      model: c.model,
      variant: c.variant,
      plate,
      mileageKm: c.km,
    };
    this.cars.push({ ...car, vin: null, active: true, createdAt: this.now, updatedAt: this.now });
    return car;
  }

  block(car: Car, startsAt: Date, endsAt: Date, reason: string) {
    this.blocks.push({
      id: this.f.string.uuid(),
      demoVehicleId: car.id,
      startsAt,
      endsAt,
      reason,
      createdById: null,
      createdAt: this.now,
    });
    this.taken.add(`${car.id}|${berlinDay(startsAt)}`);
  }

  opportunity(
    owner: { id: string; homeLocationId: string },
    contactId: string,
    car: Car,
    story: Story,
    times: Date[],
    seed: number,
  ): Opp {
    const number = `V-${FIRST_NUMBER + this.opportunities.length}`;
    const opp: Opp = {
      id: this.f.string.uuid(),
      number,
      contactId,
      ownerId: owner.id,
      locationId: owner.homeLocationId,
      label: `${car.make} ${car.model}`,
    };
    const path = pathTo(story.lost?.at ?? story.stage);
    const created = times[0]!;
    const last = times.at(-1)!;
    const closed = story.status !== 'open';
    this.opportunities.push({
      id: opp.id,
      number,
      contactId,
      ownerId: owner.id,
      locationId: owner.homeLocationId,
      requestId: null,
      stage: path.at(-1)!,
      status: story.status,
      interestKind: 'new',
      interestVehicleId: null,
      interestMake: car.make,
      interestModel: car.model,
      interestDescription: seed % 3 === 0 ? `${car.model}, gern in Grau, Anhängerkupplung wichtig` : null,
      source: ['walk_in', 'website', 'phone', 'mobile_de'][seed % 4]!,
      campaign: seed % 6 === 0 ? 'Frühjahrsaktion' : null,
      expectedValueCents: 3_000_000 + (seed % 7) * 350_000,
      expectedCloseOn: addDaysTo(berlinDay(this.now), 14 + (seed % 30)),
      lostReason: story.lost?.reason ?? null,
      lostToBrand: story.lost?.brand ?? null,
      lostNote: story.lost?.note ?? null,
      closedAt: closed ? last : null,
      stageChangedAt: story.status === 'lost' ? times.at(-2)! : last,
      createdById: owner.id,
      version: times.length,
      createdAt: created,
      updatedAt: last,
    });
    path.forEach((stage, i) => {
      const status = stage === 'delivered' ? 'won' : 'open';
      this.change(opp, times[i]!, i === 0 ? null : path[i - 1]!, stage, status, null);
      this.timeline.push({
        ...this.entry(opp, times[i]!),
        ...(i === 0
          ? timelineText('timeline.opportunityCreated', { number, interest: opp.label })
          : timelineText('timeline.opportunityStage', { number, stage })),
        data: { opportunityId: opp.id, stage, status },
        sourceType: i === 0 ? 'opportunity' : 'opportunity_stage',
        sourceId: i === 0 ? opp.id : null,
      });
    });
    if (story.lost) {
      const at = times.at(-1)!;
      const { reason, brand } = story.lost;
      this.change(opp, at, story.lost.at, story.lost.at, 'lost', { reason, brand });
      this.timeline.push({
        ...this.entry(opp, at),
        ...timelineText('timeline.opportunityLost', { number, reason, brand }),
        data: { opportunityId: opp.id, stage: story.lost.at, status: 'lost', reason, brand },
        sourceType: 'opportunity_stage',
        sourceId: null,
      });
    }
    return opp;
  }

  testDrive(opp: Opp, car: Car, firstDay: string, status: 'booked' | 'returned') {
    let day = firstDay;
    let hour = 9 + (this.testDrives.length % 8);
    // A blocked day or a full one: the next free hour, the day after if need be.
    for (let tries = 0; this.taken.has(`${car.id}|${day}`) || this.taken.has(`${car.id}|${day}|${hour}`); tries++) {
      if (tries % 8 === 7 || this.taken.has(`${car.id}|${day}`)) day = addDaysTo(day, isSaturday(day) ? 2 : 1);
      hour = hour >= 16 ? 9 : hour + 1;
    }
    this.taken.add(`${car.id}|${day}|${hour}`);
    const startsAt = berlinTime(day, hour * 60);
    const endsAt = new Date(startsAt.getTime() + 60 * MINUTE);
    const returned = status === 'returned';
    const driven = 18 + (this.testDrives.length % 5) * 9;
    const label = `${car.make} ${car.model} ${car.plate}`;
    const activityId = this.activity(opp, 'test_drive', `Probefahrt ${label}`, startsAt, endsAt, returned);
    const id = this.f.string.uuid();
    const booked = new Date(startsAt.getTime() - 3 * 86_400_000);
    this.testDrives.push({
      id,
      opportunityId: opp.id,
      contactId: opp.contactId,
      consultantId: opp.ownerId,
      locationId: car.locationId,
      demoVehicleId: car.id,
      startsAt,
      endsAt,
      status,
      licenceNumber: returned ? `B${String(100_000_000 + this.testDrives.length * 7_919).slice(0, 9)}X` : null,
      licenceAuthority: returned ? 'Landratsamt' : null,
      licenceCheckedById: returned ? opp.ownerId : null,
      licenceCheckedAt: returned ? new Date(startsAt.getTime() - 5 * MINUTE) : null,
      outAt: returned ? startsAt : null,
      backAt: returned ? new Date(endsAt.getTime() - 5 * MINUTE) : null,
      mileageOutKm: returned ? car.mileageKm : null,
      mileageBackKm: returned ? car.mileageKm + driven : null,
      note: returned ? 'Kunde war sehr angetan, Fahrgeräusche deutlich leiser als beim alten Wagen.' : null,
      activityId,
      agreementDocumentId: null,
      createdById: opp.ownerId,
      version: returned ? 4 : 1,
      createdAt: booked < this.now ? booked : this.now,
      updatedAt: returned ? endsAt : this.now,
    });
    const source = { data: { testDriveId: id, status }, sourceType: 'test_drive', sourceId: id };
    this.timeline.push({
      ...this.entry(opp, booked < this.now ? booked : this.now, 'test_drive'),
      ...timelineText('timeline.testDriveBooked', { car: label, when: startsAt.toISOString() }),
      ...source,
    });
    if (returned) {
      this.timeline.push({
        ...this.entry(opp, endsAt, 'test_drive'),
        ...timelineText('timeline.testDriveBack', { car: label, km: car.mileageKm + driven, driven }),
        ...source,
      });
    }
  }

  offer(opp: Opp, version: number, content: OfferContent, at: Date, status: OfferStatus, o: { reason: string | null }) {
    const figures = offerFigures(content);
    const id = this.f.string.uuid();
    const created = new Date(at.getTime() - 60 * MINUTE);
    const decided = status === 'accepted' || status === 'rejected' ? at : null;
    this.offers.push({
      id,
      opportunityId: opp.id,
      version,
      status,
      content,
      netCents: figures.netCents,
      vatCents: figures.vatCents,
      grossCents: figures.grossCents,
      payableCents: figures.payableCents,
      monthlyRateCents: headlineMonthlyRate(figures),
      figures,
      externalTool: null,
      externalDocumentId: null,
      documentId: null,
      validUntil: addDaysTo(berlinDay(created), 14),
      sentAt: new Date(created.getTime() + 30 * MINUTE),
      decidedAt: decided,
      rejectionReason: status === 'rejected' ? o.reason : null,
      createdById: opp.ownerId,
      createdAt: created,
      updatedAt: decided ?? created,
    });
    const source = { data: { offerId: id, version }, sourceType: 'offer', sourceId: id };
    this.timeline.push({
      ...this.entry(opp, created, 'offer'),
      ...timelineText('timeline.offerCreated', { number: opp.number, version, gross: formatEuro(figures.grossCents) }),
      ...source,
    });
    if (decided) {
      this.timeline.push({
        ...this.entry(opp, decided, 'offer'),
        ...(status === 'accepted'
          ? timelineText('timeline.offerAccepted', { number: opp.number, version })
          : timelineText('timeline.offerRejected', { number: opp.number, version, reason: o.reason ?? '' })),
        ...source,
      });
    }
    return { id, content };
  }

  order(opp: Opp, offerId: string, orderedAt: Date, deliveryAt: Date, delivered: boolean) {
    const id = this.f.string.uuid();
    const number = `KV-${FIRST_NUMBER + this.orders.length}`;
    const activityId = this.activity(
      opp,
      'delivery',
      `Auslieferung ${opp.label}`,
      deliveryAt,
      new Date(deliveryAt.getTime() + 60 * MINUTE),
      delivered,
    );
    this.orders.push({
      id,
      number,
      opportunityId: opp.id,
      offerId,
      contactId: opp.contactId,
      locationId: opp.locationId,
      status: delivered ? 'delivered' : 'ordered',
      orderedAt,
      plannedDeliveryAt: deliveryAt,
      cancelledAt: null,
      cancelReason: null,
      version: delivered ? 3 : 1,
      deliveryActivityId: activityId,
      checklist: delivered ? [...DELIVERY_CHECKLIST] : ['papers'],
      deliveredAt: delivered ? deliveryAt : null,
      vehicleId: null,
      documentId: null,
      createdById: opp.ownerId,
      createdAt: orderedAt,
      updatedAt: delivered ? deliveryAt : orderedAt,
    });
    this.timeline.push({
      ...this.entry(opp, orderedAt, 'purchase_order'),
      ...timelineText('timeline.purchaseOrderPlaced', { number, opportunity: opp.number }),
      data: { purchaseOrderId: id, offerId },
      sourceType: 'purchase_order',
      sourceId: id,
    });
    return { id, number };
  }

  setOrderVehicle(orderId: string, vehicleId: string) {
    const order = this.orders.find((o) => o.id === orderId);
    if (order) order.vehicleId = vehicleId;
  }

  /** The planned next step of an open card: the call or follow-up the board shows. */
  nextActivity(opp: Opp, stage: OpportunityStage, day: string) {
    const [type, subject]: [ActivityType, string] =
      stage === 'new'
        ? ['call', `Erstgespräch ${opp.label}`]
        : stage === 'contacted'
          ? ['call', `Probefahrt ${opp.label} vereinbaren`]
          : stage === 'offer'
            ? ['offer_follow_up', `Angebot ${opp.label} nachfassen`]
            : ['call', `Rückmeldung zum Angebot ${opp.label}`];
    const startsAt = berlinTime(day, (9 + (this.activities.length % 8)) * 60);
    this.activity(opp, type, subject, startsAt, null, false);
  }

  lastNumbers() {
    return {
      opportunity: FIRST_NUMBER + this.opportunities.length - 1,
      purchaseOrder: FIRST_NUMBER + Math.max(this.orders.length, 1) - 1,
    };
  }

  private activity(opp: Opp, type: ActivityType, subject: string, startsAt: Date, endsAt: Date | null, done: boolean) {
    const row = activityRow(this.f.string.uuid(), this.now, opp, { type, subject, startsAt, endsAt, done });
    this.activities.push(row);
    return row.id!;
  }

  private change(
    opp: Opp,
    at: Date,
    fromStage: OpportunityStage | null,
    toStage: OpportunityStage,
    status: string,
    data: Record<string, unknown> | null,
  ) {
    this.stageChanges.push({
      opportunityId: opp.id,
      locationId: opp.locationId,
      at,
      byId: opp.ownerId,
      fromStage,
      toStage,
      status,
      data,
    });
  }

  private entry(opp: Opp, at: Date, kind: 'opportunity' | 'offer' | 'test_drive' | 'purchase_order' = 'opportunity') {
    return { contactId: opp.contactId, kind, occurredAt: at, authorId: opp.ownerId };
  }
}
