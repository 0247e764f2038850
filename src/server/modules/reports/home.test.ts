import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient, testLocation } from '@test/support/app';
import { ManualClock } from '@server/lib/clock';
import { contacts } from '../contacts/tables';
import { customerRequests } from '../requests/tables';
import { mapExtension, WebhookPbx, webhookConnection } from '../telephony/test-simulator';

/** Berlin wall-clock time in March 2026 (CET). Now is Thursday 12 March, 11:00 in Berlin. */
const berlin = (local: string) => new Date(`${local}+01:00`);

let t: TestApp;
let locationB: string;
let sales: TestClient & { userId: string };
let manager: TestClient & { userId: string };
let managerB: TestClient & { userId: string };
let admin: TestClient;
const ids: Record<string, string> = {};

type Seed = {
  name: string;
  at: string;
  due: string;
  contactedAt?: string;
  location?: string;
  type?: 'sales_lead' | 'service_appointment' | 'callback';
  assignee?: string | null;
  status?: 'assigned' | 'in_progress' | 'done';
  closedAt?: string;
  source?: string;
};

async function seed(s: Seed) {
  const { db } = t.database;
  const locationId = s.location ?? t.location.id;
  const [contact] = await db
    .insert(contacts)
    .values({
      kind: 'person',
      customerNumber: `H-${s.name}`,
      homeLocationId: locationId,
      lastName: s.name,
      displayName: s.name,
      searchName: s.name.toLowerCase(),
    })
    .returning();
  const [request] = await db
    .insert(customerRequests)
    .values({
      number: `A-${s.name}`,
      type: s.type ?? 'sales_lead',
      channel: 'phone',
      source: s.source ?? null,
      locationId,
      subject: `Anfrage ${s.name}`,
      contactId: contact!.id,
      assigneeId: s.assignee === undefined ? sales.userId : s.assignee,
      status: s.status ?? 'assigned',
      outcome: s.status === 'done' ? 'Termin vereinbart' : null,
      receivedAt: berlin(s.at),
      firstContactDueAt: berlin(s.due),
      firstContactedAt: s.contactedAt ? berlin(s.contactedAt) : null,
      closedAt: s.closedAt ? berlin(s.closedAt) : null,
    })
    .returning();
  ids[s.name] = request!.id;
}

beforeAll(async () => {
  t = await createTestApp({ clock: new ManualClock('2026-03-12T10:00:00Z') });
  locationB = (
    await t.services.org.createLocation(
      null,
      testLocation({ code: 'BBB', name: 'Autohaus Test Berlin', federalState: 'BE' }),
    )
  ).id;
  sales = await t.userWithRole('sales');
  manager = await t.userWithRole('manager');
  managerB = await t.userWithRole('manager', { locationId: locationB });
  admin = await t.userWithRole('admin');

  await seed({ name: 'OverdueCallback', type: 'callback', at: '2026-03-10T09:00', due: '2026-03-11T09:00' });
  await seed({ name: 'OverdueLead', at: '2026-03-02T09:00', due: '2026-03-03T09:00' });
  await seed({ name: 'DueToday', at: '2026-03-11T15:00', due: '2026-03-12T15:00' });
  await seed({ name: 'Tomorrow', at: '2026-03-12T09:00', due: '2026-03-13T09:00' });
  await seed({
    name: 'Contacted',
    at: '2026-03-11T08:00',
    due: '2026-03-12T08:00',
    contactedAt: '2026-03-11T10:00',
    status: 'in_progress',
  });
  await seed({
    name: 'Done',
    at: '2026-03-09T09:00',
    due: '2026-03-10T09:00',
    contactedAt: '2026-03-09T10:00',
    status: 'done',
    closedAt: '2026-03-10T12:00',
  });
  await seed({
    name: 'Unassigned',
    type: 'service_appointment',
    at: '2026-03-12T09:30',
    due: '2026-03-13T09:30',
    assignee: null,
    source: 'Website',
  });
  await seed({ name: 'Colleague', at: '2026-03-05T09:00', due: '2026-03-06T09:00', assignee: manager.userId });
  await seed({ name: 'InB', at: '2026-03-12T08:30', due: '2026-03-12T09:00', location: locationB, assignee: null });
}, 180_000);
afterAll(() => t.close());

const numbers = (items: Array<{ number: string }>) => items.map((i) => i.number);

describe('the staff home page', () => {
  it("shows my overdue and due-today requests with their callbacks, and my week's figures", async () => {
    const res = await sales.get('/api/home/staff');
    expect(res.statusCode, res.body).toBe(200);
    const home = res.json();
    expect(home.overdue).toMatchObject({ count: 2, callbacks: 1 });
    expect(numbers(home.overdue.items)).toEqual(['A-OverdueLead', 'A-OverdueCallback']);
    expect(home.dueToday).toMatchObject({ count: 1, callbacks: 0 });
    expect(numbers(home.dueToday.items)).toEqual(['A-DueToday']);
    expect(home.week).toEqual({ from: '2026-03-09', received: 5, contacted: 2, done: 1 });
    expect(home.liveCalls).toEqual([]);
  });

  it('opens the due-today list filtered the same way', async () => {
    const res = await sales.get('/api/requests?scope=mine&due=today');
    expect(res.statusCode, res.body).toBe(200);
    expect(numbers(res.json().items)).toEqual(['A-DueToday']);
    const bad = await sales.get('/api/requests?scope=mine&due=yesterday');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('due');
  });

  it('shows a call ringing on my extension', async () => {
    const connection = await webhookConnection(t, admin);
    await mapExtension(t, connection.id, '31', sales.userId);
    await new WebhookPbx(t, connection.id, connection.headers).ring('home-1', '+49 171 5550101', ['31']);
    const home = (await sales.get('/api/home/staff')).json();
    expect(home.liveCalls).toHaveLength(1);
    expect(home.liveCalls[0]).toMatchObject({ state: 'ringing', number: '0171 5550101', contact: null });
  });

  it('is empty, not broken, for someone with nothing to do yet', async () => {
    const newcomer = await t.userWithRole('service', { locationId: locationB });
    const home = (await newcomer.get('/api/home/staff')).json();
    expect(home.overdue).toEqual({ count: 0, callbacks: 0, items: [] });
    expect(home.dueToday).toEqual({ count: 0, callbacks: 0, items: [] });
    expect(home.week).toMatchObject({ received: 0, contacted: 0, done: 0 });
  });
});

describe('the manager home page', () => {
  it("shows the location's open, overdue and unassigned requests, today's leads by source and this week", async () => {
    const res = await manager.get('/api/home/manager');
    expect(res.statusCode, res.body).toBe(200);
    const home = res.json();
    expect(home.location.id).toBe(t.location.id);
    expect(home.today).toBe('2026-03-12');
    expect(home).toMatchObject({ open: 7, overdue: 3, unassigned: 1 });
    expect(home.leadsToday.received).toBe(2);
    expect(home.leadsToday.bySource.map((s: { label: string }) => s.label).sort()).toEqual([
      'Website',
      'ohne Quelle (Telefon)',
    ]);
    // Done (Monday) and Contacted (Wednesday) were called within one working day; four others were not (yet).
    expect(home.week).toEqual({
      from: '2026-03-09',
      received: 6,
      contactedWithinOneWorkingDay: 2,
      contactedWithinOneWorkingDayPct: 33.3,
    });
  });

  it('opens the unassigned list filtered the same way', async () => {
    const res = await manager.get(`/api/requests?scope=location&locationId=${t.location.id}&unassigned=true`);
    expect(numbers(res.json().items)).toEqual(['A-Unassigned']);
  });

  it('charts the last eight weeks per location: contacted within one working day and deadlines missed', async () => {
    const { trend } = (await manager.get('/api/home/manager')).json();
    expect(trend.weeks).toHaveLength(8);
    expect(trend.weeks[0]).toBe('2026-01-19');
    expect(trend.weeks[7]).toBe('2026-03-09');
    const ofWeek = (week: string) => trend.points.find((p: { week: string }) => p.week === week);
    expect(trend.points).toHaveLength(8);
    expect(ofWeek('2026-03-02')).toMatchObject({ received: 2, contactedWithinOneWorkingDay: 0, overdue: 2 });
    expect(ofWeek('2026-03-09')).toMatchObject({ received: 6, contactedWithinOneWorkingDay: 2, overdue: 1 });
    expect(ofWeek('2026-02-23')).toMatchObject({ received: 0, contactedWithinOneWorkingDayPct: null, overdue: 0 });

    const all = (await admin.get('/api/reports/trend')).json();
    expect(new Set(all.points.map((p: { locationId: string }) => p.locationId))).toEqual(
      new Set([t.location.id, locationB]),
    );
  });

  it('shows only locations the manager works at, and only to managers', async () => {
    expect((await managerB.get(`/api/home/manager?locationId=${t.location.id}`)).statusCode).toBe(403);
    expect((await managerB.get(`/api/reports/trend?locationId=${t.location.id}`)).statusCode).toBe(403);
    expect((await sales.get('/api/home/manager')).statusCode).toBe(403);
    const own = (await managerB.get('/api/home/manager')).json();
    expect(own).toMatchObject({ location: { id: locationB }, open: 1, overdue: 1, unassigned: 1 });
  });
});
