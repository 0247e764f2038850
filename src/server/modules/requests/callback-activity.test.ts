import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '@test/support/app';
import { callbackRequest, createRequest } from './test-support';

type User = TestClient & { userId: string; email: string };
let t: TestApp;
let reception: User;
let sales: User;
let colleague: User;
let manager: User;

const MONDAY_9 = '2026-03-02T08:00:00Z';
// "Tomorrow between 14 and 16 h" in Berlin (CET): Tuesday 13:00–15:00 UTC.
const FROM = '2026-03-03T13:00:00.000Z';
const TO = '2026-03-03T15:00:00.000Z';

beforeAll(async () => {
  // The clock jumps across days here; sessions must outlive that.
  t = await createTestApp({ env: { CRM_SESSION_IDLE_MINUTES: '1000000', CRM_SESSION_MAX_HOURS: '100000' } });
  reception = await t.userWithRole('reception');
  sales = await t.userWithRole('sales');
  colleague = await t.userWithRole('sales');
  manager = await t.userWithRole('manager');
});
afterAll(() => t.close());
beforeEach(() => t.clock.set(MONDAY_9));

type ActivityJson = {
  id: string;
  type: string;
  status: string;
  owner: { id: string };
  contact: { id: string } | null;
  request: { id: string } | null;
  startsAt: string;
  endsAt: string | null;
  remindAt: string | null;
  result: string | null;
  locationId: string;
};

async function callbackFor(assigneeId: string | null, window: { from?: string; to?: string } = { from: FROM, to: TO }) {
  return createRequest(
    reception,
    callbackRequest(t.location.id, {
      ...(assigneeId ? { assigneeId } : {}),
      callbackFrom: window.from,
      callbackTo: window.to,
    }),
  );
}

const activitiesOf = async (requestId: string): Promise<ActivityJson[]> => {
  const res = await manager.get(`/api/activities?requestId=${requestId}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
};

const reminders = (activityId: string) =>
  t.database.query<{ user_id: string }>(
    `SELECT user_id FROM notifications WHERE kind = 'activity.reminder' AND data->>'activityId' = $1`,
    [activityId],
  );
const windowNotices = (requestId: string) =>
  t.database.query<{ user_id: string }>(
    `SELECT user_id FROM notifications WHERE kind = 'request.callback_window' AND data->>'requestId' = $1`,
    [requestId],
  );
const escalations = (requestId: string) =>
  t.database.query<{ user_id: string }>(
    `SELECT user_id FROM notifications WHERE kind = 'request.escalated' AND data->>'requestId' = $1`,
    [requestId],
  );

async function runAt(instant: string) {
  t.clock.set(instant);
  await t.services.jobs.worker.runDue();
}

describe('a callback with an agreed window', () => {
  it("is a call in the assignee's calendar from the window's start to its end, written with the request", async () => {
    const request = await callbackFor(sales.userId);
    expect(request.firstContactDueAt).toBe(TO);
    const [call, ...more] = await activitiesOf(request.id);
    expect(more).toEqual([]);
    expect(call).toMatchObject({
      type: 'call',
      status: 'open',
      owner: { id: sales.userId },
      contact: { id: request.contact.id },
      request: { id: request.id },
      startsAt: FROM,
      endsAt: TO,
      remindAt: FROM,
      locationId: t.location.id,
    });
    // In the assignee's own week.
    const week = await sales.get('/api/activities/calendar?from=2026-03-02T00:00:00Z&to=2026-03-09T00:00:00Z');
    expect(week.json().items.map((a: { id: string }) => a.id)).toContain(call!.id);
    // And on the customer's timeline.
    const timeline = (await sales.get(`/api/contacts/${request.contact.id}/timeline`)).json();
    expect(timeline.items.some((i: { kind: string }) => i.kind === 'activity')).toBe(true);
  });

  it("reminds the assignee once when the window opens, by the call's reminder only", async () => {
    const request = await callbackFor(sales.userId);
    const [call] = await activitiesOf(request.id);
    await runAt('2026-03-03T12:59:00Z');
    expect(await reminders(call!.id)).toEqual([]);
    await runAt('2026-03-03T13:00:00Z');
    expect(await reminders(call!.id)).toEqual([{ user_id: sales.userId }]);
    await runAt('2026-03-03T13:30:00Z');
    expect(await reminders(call!.id)).toHaveLength(1);
    // The request's own window notice does not come on top.
    expect(await windowNotices(request.id)).toEqual([]);
  });

  it('plans no call for a window that is already over, nor without a start', async () => {
    const over = await callbackFor(sales.userId, { from: '2026-03-02T06:00:00Z', to: '2026-03-02T07:00:00Z' });
    expect(await activitiesOf(over.id)).toEqual([]);
    const onlyEnd = await callbackFor(sales.userId, { to: TO });
    expect(await activitiesOf(onlyEnd.id)).toEqual([]);
    expect(onlyEnd.firstContactDueAt).toBe(TO);
  });

  it('goes with the request to a new assignee, reminder included', async () => {
    const request = await callbackFor(sales.userId);
    const res = await manager.post(`/api/requests/${request.id}/reassign`, {
      assigneeId: colleague.userId,
      reason: 'Urlaub',
    });
    expect(res.statusCode, res.body).toBe(200);
    const [call] = await activitiesOf(request.id);
    expect(call).toMatchObject({ owner: { id: colleague.userId }, status: 'open', remindAt: FROM });
    await runAt(FROM);
    expect(await reminders(call!.id)).toEqual([{ user_id: colleague.userId }]);
  });

  it('is done when the request is closed after the customer was reached, cancelled when it is closed unreached', async () => {
    const reached = await callbackFor(sales.userId);
    expect(
      (
        await sales.post(`/api/requests/${reached.id}/attempts`, {
          channel: 'phone',
          outcome: 'reached',
          note: 'Termin Do',
        })
      ).statusCode,
    ).toBe(201);
    const done = await sales.post(`/api/requests/${reached.id}/status`, {
      status: 'done',
      outcome: 'Termin vereinbart',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(await activitiesOf(reached.id)).toEqual([expect.objectContaining({ status: 'done', result: 'reached' })]);

    const lost = await callbackFor(sales.userId);
    const res = await sales.post(`/api/requests/${lost.id}/status`, { status: 'lost', lostReason: 'price' });
    expect(res.statusCode, res.body).toBe(200);
    const [call] = await activitiesOf(lost.id);
    expect(call).toMatchObject({ status: 'cancelled', remindAt: null });
    // Nobody is reminded of a call for a closed request.
    await runAt(FROM);
    expect(await reminders(call!.id)).toEqual([]);
  });

  it("moved in the calendar, moves the request's window and deadline with a line in its history", async () => {
    const request = await callbackFor(sales.userId);
    const [call] = await activitiesOf(request.id);
    // The customer asks for Wednesday 10–11 h instead (09:00–10:00 UTC).
    const moved = await sales.patch(`/api/activities/${call!.id}`, {
      startsAt: '2026-03-04T10:00:00+01:00',
      endsAt: '2026-03-04T11:00:00+01:00',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const after = (await sales.get(`/api/requests/${request.id}`)).json();
    expect(after).toMatchObject({
      callbackFrom: '2026-03-04T09:00:00.000Z',
      callbackTo: '2026-03-04T10:00:00.000Z',
      firstContactDueAt: '2026-03-04T10:00:00.000Z',
    });
    const events = (await sales.get(`/api/requests/${request.id}/events`)).json();
    expect(events.find((e: { kind: string }) => e.kind === 'callback_moved')).toMatchObject({
      kind: 'callback_moved',
      actor: { id: sales.userId },
      data: expect.objectContaining({ firstContactDueAt: '2026-03-04T10:00:00.000Z' }),
    });

    // Neither reminded nor escalated at the old times; reminded at the new start, escalated after the new end.
    await runAt('2026-03-03T15:30:00Z');
    expect(await reminders(call!.id)).toEqual([]);
    expect(await escalations(request.id)).toEqual([]);
    await runAt('2026-03-04T09:00:00Z');
    expect(await reminders(call!.id)).toEqual([{ user_id: sales.userId }]);
    expect(await escalations(request.id)).toEqual([]);
    await runAt('2026-03-04T10:00:00Z');
    expect((await escalations(request.id)).length).toBeGreaterThan(0);
  });

  it('leaves the request alone when another call planned for it moves', async () => {
    const request = await callbackFor(sales.userId);
    const other = await sales.post('/api/activities', {
      type: 'call',
      subject: 'Nachfassen',
      requestId: request.id,
      startsAt: '2026-03-05T10:00:00+01:00',
    });
    expect(other.statusCode, other.body).toBe(201);
    await sales.patch(`/api/activities/${other.json().id}`, { startsAt: '2026-03-06T10:00:00+01:00' });
    const after = (await sales.get(`/api/requests/${request.id}`)).json();
    expect(after).toMatchObject({ callbackFrom: FROM, callbackTo: TO, firstContactDueAt: TO });
  });
});
