import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient, testLocation } from '@test/support/app';
import { createContact } from '@server/modules/vehicles/test-factories';
import { demoVehicles, offers, purchaseOrders, testDrives } from '../tables';

type User = TestClient & { userId: string; email: string };
let t: TestApp;
let sales: User;
let colleague: User;
let manager: User;
let reception: User;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-03-02T09:00:00+01:00'));
  sales = await t.userWithRole('sales');
  colleague = await t.userWithRole('sales');
  manager = await t.userWithRole('manager');
  reception = await t.userWithRole('reception');
});
afterAll(() => t.close());

/** Moves the clock and logs everyone in again (sessions end after a day without use). */
async function at(instant: string) {
  t.clock.set(new Date(instant));
  const again = async (u: User): Promise<User> =>
    Object.assign(await t.login(u.email), { userId: u.userId, email: u.email });
  [sales, colleague, manager, reception] = [
    await again(sales),
    await again(colleague),
    await again(manager),
    await again(reception),
  ];
}

interface Opp {
  id: string;
  number: string;
  version: number;
  stage: string;
  status: string;
}

async function open(client: TestClient, body: Record<string, unknown>): Promise<Opp> {
  const res = await client.post('/api/opportunities', body);
  if (res.statusCode !== 201) throw new Error(`opening failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

async function forCustomer(lastName: string, client: TestClient = sales) {
  const contact = await createContact(t, client, lastName);
  return { contact, opp: await open(client, { contactId: contact.id, interestMake: 'VW', interestModel: 'ID.4' }) };
}

const move = (client: TestClient, opp: Opp, stage: string, version = opp.version) =>
  client.post(`/api/opportunities/${opp.id}/stage`, { stage, version });

async function walkIn(contactId: string, assigneeId: string) {
  const res = await reception.post('/api/requests', {
    type: 'sales_lead',
    channel: 'walk_in',
    locationId: t.location.id,
    subject: 'Interessiert sich für einen Kombi',
    contactId,
    assigneeId,
    source: 'Showroom',
  });
  if (res.statusCode !== 201) throw new Error(`walk-in failed: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; number: string };
}

async function bookTestDrive(opp: Opp, contactId: string) {
  const [car] = await t.database.db
    .insert(demoVehicles)
    .values({
      locationId: t.location.id,
      make: 'VW',
      model: 'ID.4',
      plate: `M-VW ${Math.floor(Math.random() * 9000) + 1000}`,
    })
    .returning();
  await t.database.db.insert(testDrives).values({
    opportunityId: opp.id,
    contactId,
    consultantId: sales.userId,
    locationId: t.location.id,
    demoVehicleId: car!.id,
    startsAt: new Date('2026-03-03T10:00:00+01:00'),
    endsAt: new Date('2026-03-03T11:00:00+01:00'),
  });
}

const sendOffer = async (opp: Opp, status = 'sent', grossCents = 4_165_000) =>
  (
    await t.database.db
      .insert(offers)
      .values({
        opportunityId: opp.id,
        version: 1,
        status,
        grossCents,
        monthlyRateCents: 39_900,
        validUntil: '2026-03-31',
      })
      .returning()
  )[0]!;

describe('opening an opportunity', () => {
  it('numbers it V-…, starts it at "new" and puts it on the customer\'s timeline', async () => {
    const { contact, opp } = await forCustomer('Weber');
    expect(opp.number).toMatch(/^V-1\d{5}$/);
    expect(opp).toMatchObject({ stage: 'new', status: 'open', owner: { id: sales.userId }, interest: 'VW ID.4' });
    const timeline = (await sales.get(`/api/contacts/${contact.id}/timeline`)).json();
    expect(timeline.items[0]).toMatchObject({ kind: 'opportunity', summary: expect.stringContaining(opp.number) });
    const second = (await forCustomer('Wagner')).opp;
    expect(Number(second.number.slice(2))).toBe(Number(opp.number.slice(2)) + 1);
  });

  it('takes customer, consultant and source from a walk-in lead, and refuses a second open one for it', async () => {
    const contact = await createContact(t, sales, 'Kaiser');
    const request = await walkIn(contact.id, colleague.userId);
    const opp = await open(reception, { requestId: request.id, interestDescription: '  Kombi, max. 40.000 €  ' });
    expect(opp).toMatchObject({
      contact: { id: contact.id },
      owner: { id: colleague.userId },
      source: 'Showroom',
      requestId: request.id,
      interestDescription: '  Kombi, max. 40.000 €  ',
    });
    const again = await sales.post('/api/opportunities', { requestId: request.id });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors[0]).toMatchObject({ code: 'open_opportunity_exists', params: { number: opp.number } });
    expect(again.json().detail).toContain(opp.number);
  });

  it('refuses an opportunity without a customer, naming the field', async () => {
    const res = await sales.post('/api/opportunities', { interestMake: 'VW' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'contactId', code: 'required' });
    const contact = await createContact(t, sales, 'Lorenz');
    const car = await sales.post('/api/opportunities', {
      contactId: contact.id,
      interestKind: 'used_stock',
      interestVehicleId: '00000000-0000-4000-8000-000000000000',
    });
    expect(car.statusCode).toBe(400);
    expect(car.json().errors[0]).toMatchObject({ field: 'interestVehicleId', code: 'unknown_vehicle' });
  });
});

describe('moving along the pipeline', () => {
  it('moves forward and back freely where nothing is needed, each change on the timeline', async () => {
    const { contact, opp } = await forCustomer('Becker');
    const contacted = await move(sales, opp, 'contacted');
    expect(contacted.statusCode).toBe(200);
    const back = await move(sales, contacted.json(), 'new');
    expect(back.json()).toMatchObject({ stage: 'new', version: opp.version + 2 });
    expect(back.json().changes.map((c: { toStage: string }) => c.toStage)).toEqual(['new', 'contacted', 'new']);
    const timeline = (await sales.get(`/api/contacts/${contact.id}/timeline`)).json();
    expect(timeline.items.filter((i: { kind: string }) => i.kind === 'opportunity')).toHaveLength(3);
  });

  it('refuses "test drive", "offer" and "contract" without what they need, naming it', async () => {
    const { contact, opp } = await forCustomer('Schulz');
    const drive = await move(sales, opp, 'test_drive');
    expect(drive.statusCode).toBe(400);
    expect(drive.json().errors[0]).toMatchObject({
      field: 'stage',
      code: 'stage_prerequisite_missing',
      params: { stage: 'test_drive', missing: 'test_drive' },
    });
    const offer = await move(sales, opp, 'negotiation');
    expect(offer.json().errors[0].params).toEqual({ stage: 'negotiation', missing: 'offer' });
    const contract = await move(sales, opp, 'contract');
    expect(contract.json().errors[0].params).toEqual({ stage: 'contract', missing: 'purchase_order' });
    const delivered = await move(sales, opp, 'delivered');
    expect(delivered.json().errors[0].code).toBe('stage_by_delivery_only');

    await bookTestDrive(opp, contact.id);
    const withDrive = await move(sales, opp, 'test_drive');
    expect(withDrive.statusCode).toBe(200);
    const draft = await sendOffer(opp, 'draft');
    expect((await move(sales, withDrive.json(), 'offer')).statusCode).toBe(400);
    await t.database.db.update(offers).set({ status: 'sent' }).where(eqId(draft.id));
    const withOffer = await move(sales, withDrive.json(), 'offer');
    expect(withOffer.json().stage).toBe('offer');
    await t.database.db.insert(purchaseOrders).values({
      number: `KV-${Date.now()}`,
      opportunityId: opp.id,
      offerId: draft.id,
      contactId: contact.id,
      locationId: t.location.id,
      orderedAt: t.clock.now(),
    });
    expect((await move(sales, withOffer.json(), 'contract')).json().stage).toBe('contract');
  });

  it('refuses a change made on a stale version with 409', async () => {
    const { opp } = await forCustomer('Hoffmann');
    expect((await move(sales, opp, 'contacted')).statusCode).toBe(200);
    const stale = await move(sales, opp, 'new');
    expect(stale.statusCode).toBe(409);
    expect(stale.json().errors[0].code).toBe('out_of_date');
  });
});

describe('losing and reopening', () => {
  it('needs a reason, and the brand when bought elsewhere', async () => {
    const { contact, opp } = await forCustomer('Fischer');
    const none = await sales.post(`/api/opportunities/${opp.id}/lost`, { version: opp.version });
    expect(none.statusCode).toBe(400);
    expect(none.json().errors[0].field).toBe('reason');
    const noBrand = await sales.post(`/api/opportunities/${opp.id}/lost`, {
      reason: 'bought_elsewhere',
      version: opp.version,
    });
    expect(noBrand.statusCode).toBe(400);
    expect(noBrand.json().errors[0]).toMatchObject({ field: 'brand', code: 'brand_required' });
    const lost = await sales.post(`/api/opportunities/${opp.id}/lost`, {
      reason: 'bought_elsewhere',
      brand: 'Skoda',
      version: opp.version,
    });
    expect(lost.json()).toMatchObject({ status: 'lost', lostReason: 'bought_elsewhere', lostToBrand: 'Skoda' });
    const timeline = (await sales.get(`/api/contacts/${contact.id}/timeline`)).json();
    expect(timeline.items[0].summary).toContain('Skoda');
    expect((await move(sales, lost.json(), 'contacted')).statusCode).toBe(409);

    const reopened = await sales.post(`/api/opportunities/${opp.id}/reopen`, { version: lost.json().version });
    expect(reopened.json()).toMatchObject({ status: 'open', stage: 'new', lostReason: null });
  });

  it('needs a note for "other"', async () => {
    const { opp } = await forCustomer('Meyer');
    const res = await sales.post(`/api/opportunities/${opp.id}/lost`, { reason: 'other', version: opp.version });
    expect(res.json().errors[0]).toMatchObject({ field: 'note', code: 'note_required' });
  });
});

describe('who may', () => {
  it('lets only the owner, a deputy or a manager change it; another location is refused', async () => {
    const { opp } = await forCustomer('Koch');
    expect((await move(colleague, opp, 'contacted')).statusCode).toBe(403);
    const elsewhere = await t.services.org.createLocation(null, testLocation({ name: 'Filiale Ulm', code: 'ULM' }));
    const stranger = await t.userWithRole('sales', { locationId: elsewhere.id });
    expect((await move(stranger, opp, 'contacted')).statusCode).toBe(403);
    expect((await stranger.get(`/api/opportunities/${opp.id}`)).statusCode).toBe(403);
    const list = (await stranger.get('/api/opportunities')).json();
    expect(list.items.map((i: { id: string }) => i.id)).not.toContain(opp.id);
    expect((await reception.post(`/api/opportunities/${opp.id}/stage`, { stage: 'new', version: 1 })).statusCode).toBe(
      403,
    );
    expect((await move(manager, opp, 'contacted')).statusCode).toBe(200);
  });

  it('lets a deputy change the opportunities of the absent colleague', async () => {
    const { opp } = await forCustomer('Richter');
    const absence = await sales.post('/api/absences', {
      userId: sales.userId,
      kind: 'holiday',
      startsOn: '2026-03-01',
      endsOn: '2026-03-10',
      deputyId: colleague.userId,
    });
    expect(absence.statusCode).toBe(201);
    expect((await move(colleague, opp, 'contacted')).statusCode).toBe(200);
  });
});

describe('board, lists and the customer record', () => {
  it('shows the board by stage with value, age in stage and the next activity, flagging none', async () => {
    const { contact, opp } = await forCustomer('Neumann');
    await sales.patch(`/api/opportunities/${opp.id}`, { expectedValueCents: 3_500_000, version: opp.version });
    await sales.post('/api/activities', {
      type: 'call',
      subject: 'Nachfassen',
      contactId: contact.id,
      startsAt: '2026-03-05T10:00:00+01:00',
    });
    await at('2026-03-04T09:00:00+01:00');
    const board = (await sales.get(`/api/opportunities/board?locationId=${t.location.id}`)).json();
    const column = board.columns.find((c: { stage: string }) => c.stage === 'new');
    const card = column.items.find((i: { id: string }) => i.id === opp.id);
    expect(card).toMatchObject({
      contact: { displayName: expect.stringContaining('Neumann') },
      expectedValueCents: 3_500_000,
      daysInStage: 2,
      nextActivity: { subject: 'Nachfassen', overdue: false },
    });
    expect(column.valueCents).toBeGreaterThanOrEqual(3_500_000);
    expect(board.pipelineValueCents).toBeGreaterThanOrEqual(3_500_000);
    const flagged = column.items.find((i: { contact: { displayName: string } }) =>
      i.contact.displayName.includes('Weber'),
    );
    expect(flagged.nextActivity).toBeNull();
    expect((await reception.get(`/api/opportunities/board?locationId=${t.location.id}`)).statusCode).toBe(403);
  });

  it("lists by consultant and status, and shows a customer's open ones with the current offer", async () => {
    const { contact, opp } = await forCustomer('Zimmermann');
    await sendOffer(opp, 'sent', 4_165_000);
    const mine = (await manager.get(`/api/opportunities?ownerId=${sales.userId}&status=open`)).json();
    expect(mine.items.every((i: { owner: { id: string } }) => i.owner.id === sales.userId)).toBe(true);
    expect(mine.total).toBeGreaterThan(0);
    const parts = await t.userWithRole('parts');
    const record = (await parts.get(`/api/contacts/${contact.id}/opportunities`)).json();
    expect(record.items).toHaveLength(1);
    expect(record.items[0].currentOffer).toMatchObject({
      status: 'sent',
      grossCents: 4_165_000,
      monthlyRateCents: 39_900,
      validUntil: '2026-03-31',
    });
  });
});

const eqId = (id: string) => eq(offers.id, id);
