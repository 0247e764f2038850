import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personInput } from '@server/modules/contacts/test-factories';
import { setContactLifecycleIn } from '@server/modules/contacts';
import { ManualClock } from '@server/lib/clock';
import { createTestApp, type TestApp, type TestClient } from '../../../../../test/support/app';
import { insertOffer, insertOpportunity } from './test-factory';

let t: TestApp;
let admin: TestClient;
let sales: TestClient & { userId: string };
let manager: TestClient & { userId: string };

beforeAll(async () => {
  // Saturday 21 March 2026: 14 days on is a Saturday, the Monday after is Easter Monday (holiday in BW).
  t = await createTestApp({ clock: new ManualClock('2026-03-21T09:00:00Z') });
  admin = await t.userWithRole('admin');
  sales = await t.userWithRole('sales');
  manager = await t.userWithRole('manager');
});
afterAll(() => t.close());

/** A prospect with an opportunity in negotiation and an offer (accepted unless said otherwise). */
async function negotiating(offerStatus = 'accepted') {
  const contact = (await admin.post('/api/contacts', personInput(t.location.id))).json() as { id: string };
  await setContactLifecycleIn(t.database.db, contact.id, 'prospect', t.clock.now());
  const opportunity = await insertOpportunity(t.database.db, {
    contactId: contact.id,
    ownerId: sales.userId,
    locationId: t.location.id,
  });
  const offer = await insertOffer(t.database.db, opportunity.id, { status: offerStatus });
  return { contact, opportunity, offer };
}

const order = (offerId: string, body: object = {}, as: TestClient = sales) =>
  as.post(`/api/offers/${offerId}/purchase-order`, body);

describe('purchase order from an offer', () => {
  it('is made only from an accepted offer', async () => {
    const { offer } = await negotiating('sent');
    const res = await order(offer.id);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'offerId', code: 'offer_not_accepted' });
  });

  it('numbers the order KV-, makes the prospect a customer and moves the opportunity to contract', async () => {
    const { contact, opportunity, offer } = await negotiating();
    const res = await order(offer.id);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().number).toMatch(/^KV-1\d{5}$/);
    expect(res.json()).toMatchObject({
      status: 'ordered',
      missing: ['registration', 'papers', 'keys', 'handover_explained'],
    });

    const customer = (await sales.get(`/api/contacts/${contact.id}`)).json();
    expect(customer.lifecycle).toBe('customer');
    const opp = (
      await t.database.query<{ stage: string }>('select stage from opportunities where id = $1', [opportunity.id])
    )[0]!;
    expect(opp.stage).toBe('contract');
    const timeline = (await sales.get(`/api/contacts/${contact.id}/timeline`)).json();
    expect(JSON.stringify(timeline)).toContain(res.json().number);
  });

  it('refuses a second order of the same offer with 409', async () => {
    const { offer } = await negotiating();
    const first = await order(offer.id);
    expect(first.statusCode).toBe(201);
    const second = await order(offer.id);
    expect(second.statusCode).toBe(409);
    expect(second.json().detail).toContain(first.json().number);
  });

  it('gives two orders placed at once different numbers', async () => {
    const a = await negotiating();
    const b = await negotiating();
    const [x, y] = await Promise.all([order(a.offer.id), order(b.offer.id)]);
    expect(x.statusCode, x.body).toBe(201);
    expect(y.statusCode, y.body).toBe(201);
    expect(x.json().number).not.toBe(y.json().number);
  });

  it("plans the delivery in the consultant's calendar on the location's next working day at 10:00", async () => {
    const { offer } = await negotiating();
    const res = await order(offer.id);
    expect(res.json().plannedDeliveryAt).toBe('2026-04-07T08:00:00.000Z');
    const activity = (await sales.get(`/api/activities/${res.json().deliveryActivityId}`)).json();
    expect(activity).toMatchObject({ type: 'delivery', status: 'open', startsAt: '2026-04-07T08:00:00.000Z' });
    expect(activity.owner.id).toBe(sales.userId);
  });

  it('takes the planned delivery date given when ordering', async () => {
    const { offer } = await negotiating();
    const res = await order(offer.id, { plannedDeliveryAt: '2026-03-27T14:00:00Z' });
    expect(res.json().plannedDeliveryAt).toBe('2026-03-27T14:00:00.000Z');
  });

  it("refuses a colleague's opportunity to a consultant but lets the manager order", async () => {
    const { offer } = await negotiating();
    const colleague = await t.userWithRole('sales');
    expect((await order(offer.id, {}, colleague)).statusCode).toBe(403);
    expect((await order(offer.id, {}, manager)).statusCode).toBe(201);
  });
});

describe('delivery', () => {
  it('is refused with 400 naming the checklist items still open', async () => {
    const { offer } = await negotiating();
    const placed = (await order(offer.id)).json();
    await sales.patch(`/api/purchase-orders/${placed.id}`, { checklist: ['registration', 'keys'] });
    const res = await sales.post(`/api/purchase-orders/${placed.id}/deliver`);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'checklist', code: 'checklist_incomplete' });
    expect(res.json().errors[0].message).toContain('papers, handover_explained');
  });

  it('creates the car owned by the customer from the delivery date, completes the appointment and wins', async () => {
    const { contact, opportunity, offer } = await negotiating();
    const placed = (await order(offer.id)).json();
    const ticked = await sales.patch(`/api/purchase-orders/${placed.id}`, {
      checklist: ['registration', 'papers', 'keys', 'handover_explained'],
    });
    expect(ticked.json().missing).toEqual([]);
    const res = await sales.post(`/api/purchase-orders/${placed.id}/deliver`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'delivered', deliveredAt: '2026-03-21T09:00:00.000Z' });

    const car = (await sales.get(`/api/vehicles/${res.json().vehicleId}`)).json();
    expect(car).toMatchObject({
      make: 'Volkswagen',
      model: 'ID.4',
      vin: 'WVGZZZE2ZPP012345',
      deliveryDate: '2026-03-21',
    });
    expect(car.contacts).toEqual([
      expect.objectContaining({ role: 'owner', validFrom: '2026-03-21T09:00:00.000Z', validTo: null }),
    ]);
    expect(car.contacts[0].contactId).toBe(contact.id);
    const opp = (
      await t.database.query<{ stage: string; status: string }>(
        'select stage, status from opportunities where id = $1',
        [opportunity.id],
      )
    )[0]!;
    expect(opp).toEqual({ stage: 'delivered', status: 'won' });
    const activity = (await sales.get(`/api/activities/${placed.deliveryActivityId}`)).json();
    expect(activity.status).toBe('done');
    const carTimeline = (await sales.get(`/api/vehicles/${car.id}/timeline`)).json();
    expect(JSON.stringify(carTimeline)).toContain(placed.number);
  });

  it('uses the vehicle already on record with that VIN and hands it from its former owner', async () => {
    const former = (await admin.post('/api/contacts', personInput(t.location.id))).json();
    const existing = await admin.post('/api/vehicles', {
      make: 'Volkswagen',
      model: 'ID.4',
      vin: 'WVGZZZE2ZPP099999',
      owners: [],
    });
    expect(existing.statusCode, existing.body).toBe(201);
    await admin.post(`/api/vehicles/${existing.json().id}/links`, { contactId: former.id, role: 'owner' });
    const { contact, opportunity } = await negotiating();
    const offer = await insertOffer(t.database.db, opportunity.id, {
      version: 2,
      content: {
        vehicle: { make: 'Volkswagen', model: 'ID.4', vin: 'WVGZZZE2ZPP099999', listPriceCents: 100 },
        lines: [],
        discountCents: 0,
      },
    });
    const placed = (await order(offer.id)).json();
    await sales.patch(`/api/purchase-orders/${placed.id}`, {
      checklist: ['registration', 'papers', 'keys', 'handover_explained'],
    });
    const delivered = (await sales.post(`/api/purchase-orders/${placed.id}/deliver`)).json();
    expect(delivered.vehicleId).toBe(existing.json().id);
    const car = (await sales.get(`/api/vehicles/${delivered.vehicleId}`)).json();
    expect(car.contacts.map((l: { contactId: string }) => l.contactId)).toEqual([contact.id]);
    expect(car.history[0].contactId).toBe(former.id);
  });
});

describe('cancelling an order', () => {
  it('needs a reason, sends the opportunity back to negotiation and cancels the appointment', async () => {
    const { opportunity, offer } = await negotiating();
    const placed = (await order(offer.id)).json();
    const noReason = await sales.post(`/api/purchase-orders/${placed.id}/cancel`, { reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    const res = await sales.post(`/api/purchase-orders/${placed.id}/cancel`, { reason: 'Finanzierung abgelehnt' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'cancelled', cancelReason: 'Finanzierung abgelehnt' });
    const opp = (
      await t.database.query<{ stage: string }>('select stage from opportunities where id = $1', [opportunity.id])
    )[0]!;
    expect(opp.stage).toBe('negotiation');
    const changes = await t.database.query<{ from_stage: string; to_stage: string }>(
      'select from_stage, to_stage from opportunity_stage_changes where opportunity_id = $1 order by id',
      [opportunity.id],
    );
    expect(changes.at(-1)).toEqual({ from_stage: 'contract', to_stage: 'negotiation' });
    const activity = (await sales.get(`/api/activities/${placed.deliveryActivityId}`)).json();
    expect(activity.status).toBe('cancelled');
    expect((await sales.post(`/api/purchase-orders/${placed.id}/deliver`)).statusCode).toBe(409);
  });
});
