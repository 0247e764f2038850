import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient, testLocation } from '@test/support/app';
import { createContact } from '@server/modules/vehicles/test-factories';

type User = TestClient & { userId: string; email: string };
let t: TestApp;
let sales: User;
let colleague: User;
let manager: User;

/** Moves the clock and logs everyone in again (sessions end after a day without use). */
async function at(instant: string) {
  t.clock.set(new Date(instant));
  const again = async (u: User): Promise<User> =>
    Object.assign(await t.login(u.email), { userId: u.userId, email: u.email });
  [sales, colleague, manager] = [await again(sales), await again(colleague), await again(manager)];
}

beforeAll(async () => {
  t = await createTestApp();
  sales = await t.userWithRole('sales');
  colleague = await t.userWithRole('sales');
  manager = await t.userWithRole('manager');
});
afterAll(() => t.close());

const plan = (client: TestClient, body: Record<string, unknown>) => client.post('/api/activities', body);
const unread = async (client: TestClient) =>
  (await client.get('/api/notifications')).json().items.filter((n: { kind: string }) => n.kind === 'activity.reminder');

describe('planning an activity', () => {
  it('plans "call Mr Weber in 5 days" on the customer and shows it on the timeline', async () => {
    const contact = await createContact(t, sales, 'Weber');
    const res = await plan(sales, {
      type: 'call',
      subject: 'Nach Probefahrt nachfassen',
      contactId: contact.id,
      startsAt: '2026-03-07T09:30:00+01:00',
    });
    expect(res.statusCode).toBe(201);
    const activity = res.json();
    expect(activity).toMatchObject({
      status: 'open',
      owner: { id: sales.userId },
      contact: { id: contact.id },
      reminderMinutesBefore: 0,
      remindAt: '2026-03-07T08:30:00.000Z',
      overdue: false,
    });
    const timeline = (await sales.get(`/api/contacts/${contact.id}/timeline`)).json();
    expect(timeline.items[0]).toMatchObject({
      kind: 'activity',
      summary: expect.stringContaining('Anruf geplant für 07.03.26'),
    });
    const linked = (await sales.get(`/api/activities?contactId=${contact.id}`)).json();
    expect(linked.items.map((a: { id: string }) => a.id)).toEqual([activity.id]);
  });

  it('refuses an activity without subject or start, naming the fields', async () => {
    const res = await plan(sales, { type: 'call', subject: ' ' });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['startsAt', 'subject']);
    const allDay = await plan(sales, { type: 'call', subject: 'x', allDay: true });
    expect(allDay.json().errors.map((e: { field: string }) => e.field)).toEqual(['dueOn']);
    const backwards = await plan(sales, {
      type: 'appointment',
      subject: 'x',
      startsAt: '2026-03-07T10:00:00+01:00',
      endsAt: '2026-03-07T09:00:00+01:00',
    });
    expect(backwards.json().errors.map((e: { field: string }) => e.field)).toEqual(['endsAt']);
  });

  it('refuses an unknown contact and an owner from elsewhere', async () => {
    const res = await plan(sales, {
      type: 'call',
      subject: 'x',
      startsAt: '2026-03-07T10:00:00+01:00',
      contactId: '00000000-0000-4000-8000-000000000000',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'contactId' });
    const other = await t.services.org.createLocation(null, testLocation({ name: 'Anderswo', code: 'AND' }));
    const stranger = await t.userWithRole('sales', { locationId: other.id });
    const handOver = await plan(sales, {
      type: 'call',
      subject: 'x',
      startsAt: '2026-03-07T10:00:00+01:00',
      ownerId: stranger.userId,
    });
    expect(handOver.statusCode).toBe(400);
    expect(handOver.json().errors[0]).toMatchObject({ field: 'ownerId', code: 'own_location_required' });
  });
});

describe('the calendar', () => {
  it("shows a week of one's own activities, all-day tasks on their day, and keeps colleagues' out", async () => {
    await plan(sales, {
      type: 'appointment',
      subject: 'Termin A',
      startsAt: '2026-03-10T14:00:00+01:00',
      endsAt: '2026-03-10T15:00:00+01:00',
    });
    await plan(sales, { type: 'letter', subject: 'Brief B', allDay: true, dueOn: '2026-03-11' });
    await plan(colleague, { type: 'call', subject: 'Fremd', startsAt: '2026-03-10T11:00:00+01:00' });
    const week = (
      await sales.get('/api/activities/calendar?from=2026-03-09T00:00:00%2B01:00&to=2026-03-16T00:00:00%2B01:00')
    ).json();
    expect(week.items.map((a: { subject: string }) => a.subject)).toEqual(['Termin A', 'Brief B']);
    expect(week.items[1]).toMatchObject({ allDay: true, dueOn: '2026-03-11', startsAt: '2026-03-10T23:00:00.000Z' });
    const peek = await sales.get(
      `/api/activities/calendar?from=2026-03-09T00:00:00%2B01:00&to=2026-03-16T00:00:00%2B01:00&ownerId=${colleague.userId}`,
    );
    expect(peek.statusCode).toBe(403);
    const team = (
      await manager.get(
        `/api/activities/calendar?from=2026-03-09T00:00:00%2B01:00&to=2026-03-16T00:00:00%2B01:00&locationId=${t.location.id}`,
      )
    ).json();
    expect(team.items.map((a: { subject: string }) => a.subject).sort()).toEqual(['Brief B', 'Fremd', 'Termin A']);
  });
});

describe('completing', () => {
  it('keeps the result note verbatim and plans the follow-up in the same step', async () => {
    const contact = await createContact(t, sales, 'Neumann');
    const call = (
      await plan(sales, {
        type: 'call',
        subject: 'Angebot besprechen',
        contactId: contact.id,
        startsAt: '2026-03-03T10:00:00+01:00',
      })
    ).json();
    const proposal = (await sales.get(`/api/activities/${call.id}/follow-up?result=offer_sent`)).json();
    expect(proposal).toMatchObject({ type: 'offer_follow_up', afterDays: 10, dueOn: '2026-03-12' });
    const note = 'Kunde will <b>Leasing</b> & Winterräder – „bis Freitag“ ';
    const res = await sales.post(`/api/activities/${call.id}/complete`, {
      result: 'offer_sent',
      note,
      followUp: { type: 'offer_follow_up', subject: 'Angebot nachfassen', allDay: true, dueOn: proposal.dueOn },
    });
    expect(res.statusCode).toBe(200);
    const { activity, followUp } = res.json();
    expect(activity).toMatchObject({ status: 'done', result: 'offer_sent', resultNote: note.trim(), remindAt: null });
    expect(followUp).toMatchObject({
      type: 'offer_follow_up',
      contact: { id: contact.id },
      followUpOfId: call.id,
      dueOn: '2026-03-12',
    });
    const again = await sales.post(`/api/activities/${call.id}/complete`, { result: 'done' });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toMatch(/already done/);
  });

  it('cancels without deleting and says so on the timeline', async () => {
    const contact = await createContact(t, sales, 'Kraus');
    const a = (
      await plan(sales, {
        type: 'test_drive',
        subject: 'Probefahrt Golf',
        contactId: contact.id,
        startsAt: '2026-03-04T10:00:00+01:00',
        endsAt: '2026-03-04T11:00:00+01:00',
      })
    ).json();
    const res = await sales.post(`/api/activities/${a.id}/cancel`, { reason: 'Kunde krank' });
    expect(res.json()).toMatchObject({ status: 'cancelled', cancelReason: 'Kunde krank', sequence: 1 });
    const timeline = (await sales.get(`/api/contacts/${contact.id}/timeline`)).json();
    expect(timeline.items[0].summary).toBe('Probefahrt abgesagt: Probefahrt Golf');
    const detail = (await sales.get(`/api/activities/${a.id}`)).json();
    expect(detail.changes.map((c: { kind: string }) => c.kind)).toEqual(['created', 'cancelled']);
  });
});

describe('reminders', () => {
  it('reminds at the due time in Berlin across the change to summer time, once, and not before', async () => {
    await at('2026-03-25T09:00:00Z');
    // Planned on Wednesday before the change (UTC+1) for Monday after it (UTC+2): 10:00 Berlin is 08:00 UTC.
    const a = (
      await plan(sales, { type: 'call', subject: 'Herrn Weber anrufen', startsAt: '2026-03-30T10:00:00+02:00' })
    ).json();
    expect(a.remindAt).toBe('2026-03-30T08:00:00.000Z');
    const mine = async () =>
      (await unread(sales)).filter((n: { data: { activityId: string } }) => n.data.activityId === a.id);
    await at('2026-03-30T07:59:00Z');
    await t.services.jobs.worker.runDue();
    expect(await mine()).toEqual([]);
    await at('2026-03-30T08:00:00Z');
    await t.services.jobs.worker.runDue();
    await t.services.jobs.worker.runDue();
    const fired = await mine();
    expect(fired.length).toBe(1);
    expect(fired[0]).toMatchObject({ title: 'Anruf: Herrn Weber anrufen', data: { activityId: a.id } });
  });

  it('reminds at the new time only when the activity is moved', async () => {
    await at('2026-04-01T08:00:00Z');
    const a = (
      await plan(sales, { type: 'call', subject: 'Verschoben', startsAt: '2026-04-02T10:00:00+02:00' })
    ).json();
    const moved = await sales.patch(`/api/activities/${a.id}`, {
      startsAt: '2026-04-03T10:00:00+02:00',
      version: a.version,
    });
    expect(moved.json()).toMatchObject({ sequence: 1, remindAt: '2026-04-03T08:00:00.000Z' });
    const count = async () =>
      (await unread(sales)).filter((n: { data: { activityId: string } }) => n.data.activityId === a.id).length;
    await at('2026-04-02T08:00:00Z');
    await t.services.jobs.worker.runDue();
    expect(await count()).toBe(0);
    await at('2026-04-03T08:00:00Z');
    await t.services.jobs.worker.runDue();
    expect(await count()).toBe(1);
  });

  it('goes to the deputy while the owner is away', async () => {
    await at('2026-04-06T06:00:00Z');
    const res = await manager.post('/api/absences', {
      userId: sales.userId,
      kind: 'holiday',
      startsOn: '2026-04-06',
      endsOn: '2026-04-10',
      deputyId: colleague.userId,
    });
    expect(res.statusCode).toBe(201);
    const a = (
      await plan(sales, { type: 'call', subject: 'Im Urlaub fällig', startsAt: '2026-04-07T09:00:00+02:00' })
    ).json();
    await at('2026-04-07T07:00:00Z');
    await t.services.jobs.worker.runDue();
    const toDeputy = (await unread(colleague)).find(
      (n: { data: { activityId: string } }) => n.data.activityId === a.id,
    );
    expect(toDeputy.title).toContain('in Vertretung für');
    expect((await unread(sales)).some((n: { data: { activityId: string } }) => n.data.activityId === a.id)).toBe(false);
  });
});
