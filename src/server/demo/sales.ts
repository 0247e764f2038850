import type { Faker } from '@faker-js/faker';
import type { OpportunityStage } from '@shared/sales/enums';
import { offerFigures } from '@shared/sales/financing';
import type { OfferContent } from '@shared/sales/offer-content';
import { timelineText } from '@shared/texts/timeline';
import type { Database } from '../db/client';
import { addDaysTo, berlinDay, berlinTime, insertActivityRows } from '@server/modules/activities';
import { updateContactFields } from '@server/modules/contacts';
import { insertLetterheadRows } from '@server/modules/documents';
import {
  insertDemoVehicleBlockRows,
  insertDemoVehicleRows,
  insertOfferRows,
  insertOpportunityRows,
  insertOpportunityStageChangeRows,
  insertPurchaseOrderRows,
  insertTestDriveRows,
  setSalesNumberCounters,
} from '@server/modules/sales';
import { recordTimelineInBulk, type TimelineWrite } from '@server/modules/timeline';
import { deliverVehicleIn } from '@server/modules/vehicles';
import type { Services } from '../services';
import { DEMO_LOGINS, demoFaker } from './org';
import {
  CITY_PLATE,
  DEMO_CARS,
  DEMO_LETTERHEADS,
  germanIban,
  LIST_PRICES,
  offerLines,
  offerPayment,
} from './sales-data';
import { pathTo, pipelineOf, type Story, workingDay } from './sales-plan';
import { type Car, SalesRows } from './sales-rows';

const HOUR = 3_600_000;

interface DemoContact {
  id: string;
  home_location_id: string;
  has_vehicle: boolean;
}

/**
 * The showroom side of the demo: each house's letterhead and demo cars (one blocked for the
 * workshop), and for every consultant a pipeline with cards in every stage — offers with
 * financing, leasing and insurance, test drives in the calendar, purchase orders with their
 * delivery appointment, one car delivered this month and two lost opportunities. Written in
 * bulk, deterministic for a given `now`. Expects the demo organisation, customers and activities.
 */
export async function seedDemoSales(services: Services, database: Database, { now }: { now: Date }) {
  const f = demoFaker(14);
  const locations = (await services.org.listLocations()).filter((l) => l.active);
  const consultants = (await services.org.directory())
    .filter((u) => u.active && u.role === 'sales')
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
  // Customers with nothing planned yet, so a card without a next activity really has none.
  const contacts = await database.query<DemoContact>(
    `SELECT c.id, c.home_location_id,
            EXISTS (SELECT 1 FROM vehicle_contacts vc WHERE vc.contact_id = c.id AND vc.valid_to IS NULL) AS has_vehicle
       FROM contacts c
      WHERE c.merged_into_id IS NULL AND c.kind = 'person'
        AND NOT EXISTS (SELECT 1 FROM activities a WHERE a.contact_id = c.id AND a.status = 'open')
      ORDER BY c.customer_number`,
  );
  const [wellKnown] = await database.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [
    DEMO_LOGINS.sales,
  ]);
  const wellKnownId = wellKnown?.id;
  const today = berlinDay(now);
  const rows = new SalesRows(f, now);
  const deliveries: Array<Parameters<typeof deliverVehicleIn>[1] & { orderId: string; label: string; number: string }> =
    [];
  const lifecycles = new Map<string, 'prospect' | 'customer'>();

  const carsOf = new Map<string, Car[]>();
  for (const location of locations) {
    const letter = DEMO_LETTERHEADS[location.code];
    if (letter) rows.letterhead(location, letter, germanIban(letter.blz, letter.account));
    const cars = (DEMO_CARS[location.code] ?? []).map((car, i) =>
      rows.car(location.id, car, `${CITY_PLATE[location.code] ?? 'B'}-AB ${1200 + i * 37}`),
    );
    carsOf.set(location.id, cars);
    // One car in the workshop tomorrow morning: the booking dialog shows it blocked.
    if (cars[0]) {
      const day = workingDay(today, 1);
      rows.block(cars[0], berlinTime(day, 8 * 60), berlinTime(day, 12 * 60), 'Inspektion und Reifenwechsel');
    }
  }

  const pools = new Map<string, { prospects: DemoContact[]; others: DemoContact[] }>();
  for (const c of contacts) {
    const pool = pools.get(c.home_location_id) ?? { prospects: [], others: [] };
    (c.has_vehicle ? pool.others : pool.prospects).push(c);
    pools.set(c.home_location_id, pool);
  }
  const take = (locationId: string, prospect: boolean) => {
    const pool = pools.get(locationId);
    if (!pool) return undefined;
    const first = prospect ? pool.prospects : pool.others;
    return first.shift() ?? (prospect ? pool.others : pool.prospects).shift();
  };

  for (const [index, consultant] of consultants.entries()) {
    const cars = carsOf.get(consultant.homeLocationId) ?? [];
    if (cars.length === 0) continue;
    const stories = pipelineOf(consultant.id === wellKnownId, index);
    for (const [i, story] of stories.entries()) {
      const reachesContract = story.status === 'won' || story.stage === 'contract';
      const contact = take(consultant.homeLocationId, !reachesContract);
      if (!contact) break;
      const car = cars[(index + i) % cars.length]!;
      const times = historyTimes(f, story, today, now);
      const opp = rows.opportunity(consultant, contact.id, car, story, times, index * 31 + i);
      if (reachesContract) lifecycles.set(contact.id, 'customer');
      else if (!contact.has_vehicle) lifecycles.set(contact.id, 'prospect');
      const path = pathTo(story.lost?.at ?? story.stage);
      const at = (stage: OpportunityStage) => times[path.indexOf(stage)]!;
      const upcoming = story.status === 'open' && story.stage === 'test_drive' && !story.flagged;
      if (upcoming) {
        rows.testDrive(opp, car, workingDay(today, 1 + (i % 4)), 'booked');
      } else if (path.includes('test_drive')) {
        rows.testDrive(opp, car, berlinDay(at('test_drive')), 'returned');
      }
      let accepted: { id: string; content: OfferContent } | null = null;
      if (path.includes('offer')) {
        const seed = index * 7 + i;
        const content = offerContent(car, seed);
        const lostHere = story.status === 'lost' && story.lost?.at === 'offer';
        const negotiated = path.includes('negotiation');
        const first = rows.offer(
          opp,
          1,
          content,
          at('offer'),
          lostHere ? 'rejected' : negotiated ? 'superseded' : 'sent',
          {
            reason: story.lost?.note ?? null,
          },
        );
        accepted = first;
        if (negotiated) {
          const better = { ...content, discountCents: 150_000 + (seed % 5) * 25_000 };
          accepted = rows.offer(opp, 2, better, at('negotiation'), path.includes('contract') ? 'accepted' : 'sent', {
            reason: null,
          });
        }
      }
      if (path.includes('contract') && accepted) {
        const won = story.status === 'won';
        const deliveryAt = won ? at('delivered') : berlinTime(workingDay(today, 3 + (i % 5)), 10 * 60);
        const order = rows.order(opp, accepted.id, at('contract'), deliveryAt, won);
        if (won) {
          deliveries.push({
            orderId: order.id,
            number: order.number,
            label: `${car.make} ${car.model}`,
            make: car.make,
            model: car.model,
            variant: car.variant,
            vin: null,
            contactId: contact.id,
            at: deliveryAt,
            deliveredOn: berlinDay(deliveryAt),
            locationId: consultant.homeLocationId,
            byId: consultant.id,
          });
        }
      }
      if (story.status === 'open' && !story.flagged && !upcoming && story.stage !== 'contract') {
        rows.nextActivity(opp, story.stage, workingDay(today, 1 + (i % 5)));
      }
    }
  }

  await database.db.transaction(async (tx) => {
    await insertLetterheadRows(tx, rows.letterheads);
    await insertDemoVehicleRows(tx, rows.cars);
    await insertDemoVehicleBlockRows(tx, rows.blocks);
    await insertOpportunityRows(tx, rows.opportunities);
    await insertOpportunityStageChangeRows(tx, rows.stageChanges);
    await insertActivityRows(tx, rows.activities);
    await insertOfferRows(tx, rows.offers);
    await insertTestDriveRows(tx, rows.testDrives);
    const entries: TimelineWrite[] = [...rows.timeline];
    for (const d of deliveries) {
      const vehicleId = await deliverVehicleIn(tx, d);
      rows.setOrderVehicle(d.orderId, vehicleId);
      entries.push({
        contactId: d.contactId,
        kind: 'purchase_order',
        occurredAt: d.at,
        authorId: d.byId,
        ...timelineText('timeline.purchaseOrderDelivered', { number: d.number, vehicle: d.label }),
        data: { purchaseOrderId: d.orderId, vehicleId },
        sourceType: 'purchase_order',
        sourceId: d.orderId,
      });
    }
    await insertPurchaseOrderRows(tx, rows.orders);
    await setSalesNumberCounters(tx, rows.lastNumbers());
    await recordTimelineInBulk(tx, entries);
    for (const [contactId, lifecycle] of lifecycles) await updateContactFields(tx, contactId, { lifecycle }, now);
  });
  return {
    opportunities: rows.opportunities.length,
    offers: rows.offers.length,
    testDrives: rows.testDrives.length,
    orders: rows.orders.length,
  };
}

/** The car on offer with extras, a discount now and then, and a way to pay. */
function offerContent(car: Car, seed: number): OfferContent {
  const base: OfferContent = {
    vehicle: {
      make: car.make,
      model: car.model,
      variant: car.variant ?? undefined,
      listPriceCents: LIST_PRICES[car.model] ?? 3_500_000,
    },
    lines: offerLines(seed),
    discountCents: seed % 2 === 0 ? 100_000 : 0,
  };
  if (seed % 5 === 2) {
    base.tradeIn = {
      make: 'Volkswagen',
      model: 'Passat Variant',
      plate: 'XX-AB 123',
      mileageKm: 148_000,
      appraisedValueCents: 850_000,
    };
  }
  const payable = offerFigures(base).payableCents;
  return { ...base, ...offerPayment(seed, payable) };
}

/**
 * When the opportunity reached each stage of its path, oldest first: a few working days apart,
 * the last one a few days back (a delivery: this month, before now).
 */
function historyTimes(f: Faker, story: Story, today: string, now: Date): Date[] {
  const path = pathTo(story.lost?.at ?? story.stage);
  const times: Date[] = [];
  let day = workingDay(today, -(story.status === 'won' ? 1 : 1 + f.number.int(4)));
  let end: Date;
  if (story.status === 'won') {
    const startOfToday = berlinTime(today, 0).getTime();
    const candidate = berlinTime(day, 10 * 60);
    end =
      berlinDay(candidate).slice(0, 7) === today.slice(0, 7)
        ? candidate
        : new Date(Math.max(startOfToday + 60_000, Math.min(now.getTime() - 10 * 60_000, startOfToday + 8 * HOUR)));
    day = berlinDay(end);
  } else {
    end = berlinTime(day, (9 + f.number.int(7)) * 60 + f.number.int(3) * 15);
  }
  times.unshift(end);
  for (let i = path.length - 2; i >= 0; i--) {
    day = workingDay(day, -(2 + f.number.int(3)));
    times.unshift(berlinTime(day, (9 + f.number.int(7)) * 60));
  }
  // A lost opportunity is lost a few days after it reached its last stage.
  if (story.status === 'lost') times.push(berlinTime(addDaysTo(berlinDay(end), 1), 11 * 60));
  return times;
}
