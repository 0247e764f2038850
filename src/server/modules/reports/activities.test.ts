import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient, testLocation } from '@test/support/app';
import { callbackRequest, createRequest } from '../requests/test-support';

type User = TestClient & { userId: string; email: string };
let t: TestApp;
let salesA: User;
let salesB: User;
let salesElsewhere: User;
let managerA: User;
let admin: User;
let locationB: string;

const range = 'from=2026-03-02&to=2026-03-06';

async function plan(client: User, body: Record<string, unknown>): Promise<string> {
  const res = await client.post('/api/activities', body);
  if (res.statusCode !== 201) throw new Error(`plan: ${res.statusCode} ${res.body}`);
  return res.json().id;
}

async function complete(client: User, id: string, result: string) {
  const res = await client.post(`/api/activities/${id}/complete`, { result });
  if (res.statusCode !== 200) throw new Error(`complete: ${res.statusCode} ${res.body}`);
}

beforeAll(async () => {
  // Monday 2 March 2026, 09:00 Berlin; the figures are asked for on Wednesday.
  t = await createTestApp({ env: { CRM_SESSION_IDLE_MINUTES: '1000000', CRM_SESSION_MAX_HOURS: '100000' } });
  locationB = (
    await t.services.org.createLocation(
      null,
      testLocation({ code: 'BBB', name: 'Autohaus Test Berlin', federalState: 'BE' }),
    )
  ).id;
  salesA = await t.userWithRole('sales');
  salesB = await t.userWithRole('sales');
  salesElsewhere = await t.userWithRole('sales', { locationId: locationB });
  managerA = await t.userWithRole('manager');
  admin = await t.userWithRole('admin');
  const reception = await t.userWithRole('reception');
  const request = async () => (await createRequest(reception, callbackRequest(t.location.id))).id;

  // Sales A: a call done, a call left open (overdue by Wednesday), a test drive from a request the
  // customer came to, an appointment from a request he did not come to, an all-day task on Thursday,
  // and a call that was cancelled.
  await complete(
    salesA,
    await plan(salesA, { type: 'call', subject: 'A1', startsAt: '2026-03-02T14:00:00+01:00' }),
    'reached',
  );
  await plan(salesA, { type: 'call', subject: 'A2', startsAt: '2026-03-03T10:00:00+01:00' });
  const drive = await plan(salesA, {
    type: 'test_drive',
    subject: 'Probefahrt ID.4',
    requestId: await request(),
    startsAt: '2026-03-03T15:00:00+01:00',
    endsAt: '2026-03-03T16:00:00+01:00',
  });
  await complete(salesA, drive, 'kept');
  const meeting = await plan(salesA, {
    type: 'appointment',
    subject: 'Beratung',
    requestId: await request(),
    startsAt: '2026-03-04T10:00:00+01:00',
    endsAt: '2026-03-04T11:00:00+01:00',
  });
  await complete(salesA, meeting, 'no_show');
  await plan(salesA, { type: 'offer_follow_up', subject: 'Angebot nachfassen', allDay: true, dueOn: '2026-03-05' });
  const cancelled = await plan(salesA, { type: 'call', subject: 'A3', startsAt: '2026-03-02T16:00:00+01:00' });
  expect((await salesA.post(`/api/activities/${cancelled}/cancel`, { reason: 'doppelt' })).statusCode).toBe(200);

  // Sales B: a test drive from a request, kept; a call left open.
  const driveB = await plan(salesB, {
    type: 'test_drive',
    subject: 'Probefahrt Golf',
    requestId: await request(),
    startsAt: '2026-03-03T11:00:00+01:00',
    endsAt: '2026-03-03T12:00:00+01:00',
  });
  await complete(salesB, driveB, 'kept');
  await plan(salesB, { type: 'call', subject: 'B1', startsAt: '2026-03-02T11:00:00+01:00' });

  // Not in the figures of location A for that week: next Monday's call, and a call in Berlin.
  await plan(salesA, { type: 'call', subject: 'A4', startsAt: '2026-03-09T10:00:00+01:00' });
  await plan(salesElsewhere, { type: 'call', subject: 'X1', startsAt: '2026-03-03T10:00:00+01:00' });

  t.clock.set('2026-03-04T11:00:00Z'); // Wednesday 12:00 Berlin
}, 120_000);
afterAll(() => t.close());

describe('activities in the monitoring', () => {
  it('counts planned, done and overdue per person, and the appointments from requests that were kept', async () => {
    const res = await managerA.get(`/api/reports/activities?${range}`);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    const person = (id: string) => report.byPerson.find((r: { key: string }) => r.key === id);
    expect(report.byPerson).toHaveLength(2);
    expect(person(salesA.userId)).toMatchObject({
      label: expect.stringContaining('Tester'),
      // The cancelled call is not planned work; next week's call is outside the period.
      planned: 5,
      done: 3,
      // Tuesday's open call; Thursday's task is not due yet.
      overdue: 1,
      fromRequests: 2,
      kept: 1,
      noShow: 1,
      keptPct: 50,
    });
    expect(person(salesB.userId)).toMatchObject({
      planned: 2,
      done: 1,
      overdue: 1,
      fromRequests: 1,
      kept: 1,
      noShow: 0,
      keptPct: 100,
    });
    expect(report.total).toMatchObject({
      key: 'total',
      planned: 7,
      done: 4,
      overdue: 2,
      fromRequests: 3,
      kept: 2,
      noShow: 1,
      keptPct: 66.7,
    });
  });

  it('counts per type, in the order of the types', async () => {
    const report = (await managerA.get(`/api/reports/activities?${range}`)).json();
    expect(report.byType.map((r: { key: string }) => r.key)).toEqual([
      'call',
      'appointment',
      'test_drive',
      'offer_follow_up',
    ]);
    const type = (key: string) => report.byType.find((r: { key: string }) => r.key === key);
    expect(type('call')).toMatchObject({ label: 'Anruf', planned: 3, done: 1, overdue: 2, fromRequests: 0 });
    expect(type('test_drive')).toMatchObject({ planned: 2, done: 2, kept: 2, keptPct: 100 });
    expect(type('appointment')).toMatchObject({ planned: 1, noShow: 1, keptPct: 0 });
    expect(type('offer_follow_up')).toMatchObject({ planned: 1, done: 0, overdue: 0, keptPct: null });
  });

  it('follows the chosen period and location', async () => {
    const tuesday = (await managerA.get('/api/reports/activities?from=2026-03-03&to=2026-03-03')).json();
    expect(tuesday.total).toMatchObject({ planned: 3, done: 2, overdue: 1, kept: 2 });
    const inB = await admin.get(`/api/reports/activities?${range}&locationId=${locationB}`);
    expect(inB.json().byPerson).toEqual([expect.objectContaining({ key: salesElsewhere.userId, planned: 1 })]);
    const all = (await admin.get(`/api/reports/activities?${range}`)).json();
    expect(all.total.planned).toBe(8);
  });

  it('is for managers of the location and admins; a wrong period names the field', async () => {
    expect((await salesA.get(`/api/reports/activities?${range}`)).statusCode).toBe(403);
    expect((await managerA.get(`/api/reports/activities?${range}&locationId=${locationB}`)).statusCode).toBe(403);
    const bad = await managerA.get('/api/reports/activities?from=2026-03-06&to=2026-03-05');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('to');
  });
});
