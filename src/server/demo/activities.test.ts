import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '@test/support/app';
import { ManualClock } from '../lib/clock';
import { seedDemoActivities } from './activities';
import { seedDemoCustomers, WELL_KNOWN_CUSTOMER } from './customers';
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemoOrganisation } from './org';
import { seedDemoRequests } from './requests';

let t: TestApp;
let result: Awaited<ReturnType<typeof seedDemoActivities>>;
const NOW = '2026-03-12T10:30:00Z'; // a Thursday, 11:30 in Berlin
const MONDAY = '2026-03-08T23:00:00Z'; // Monday 9 March, 00:00 in Berlin
const AFTER_NEXT_WEEK = '2026-03-22T23:00:00Z'; // Monday 23 March, 00:00 in Berlin

beforeAll(async () => {
  t = await createTestApp({ clock: new ManualClock(NOW) });
  await seedDemoOrganisation(t.services);
  await seedDemoCustomers(t.services, t.database, { count: 600, now: t.clock.now() });
  await seedDemoRequests(t.services, t.database, { now: t.clock.now() });
  result = await seedDemoActivities(t.services, t.database, { now: t.clock.now() });
}, 240_000);
afterAll(() => t.close());

interface Row {
  id: string;
  type: string;
  status: string;
  owner_id: string;
  location_id: string;
  starts_at: Date;
  ends_at: Date | null;
  all_day: boolean;
  due_on: string | null;
  remind_at: Date | null;
  result: string | null;
  result_note: string | null;
  place: string | null;
  contact_id: string | null;
  vehicle_id: string | null;
  request_id: string | null;
  follow_up_of_id: string | null;
  completed_at: Date | null;
  created_at: Date;
}
const activities = () =>
  t.database
    .query<Row>(`SELECT id, type, status, owner_id, location_id, starts_at, ends_at, all_day, due_on::text AS due_on,
    remind_at, result, result_note, place, contact_id, vehicle_id, request_id, follow_up_of_id, completed_at, created_at
    FROM activities`);
const at = (value: Date | string) => new Date(value).getTime();

describe('demo activities', () => {
  it('gives every consultant, service advisor and manager a fortnight of work, and nobody else', async () => {
    const rows = await activities();
    expect(rows.length).toBe(result.activities);
    const directory = await t.services.org.directory();
    const count = (id: string) => rows.filter((r) => r.owner_id === id).length;
    for (const person of directory) {
      if (person.role === 'sales') expect(count(person.id), person.displayName).toBeGreaterThanOrEqual(20);
      else if (person.role === 'service') expect(count(person.id), person.displayName).toBeGreaterThanOrEqual(15);
      else if (person.role === 'manager') expect(count(person.id), person.displayName).toBeGreaterThanOrEqual(3);
      else expect(count(person.id), person.displayName).toBe(0);
    }
  });

  it('keeps every activity at a location its owner works at, within this week and next', async () => {
    const rows = await activities();
    const directory = new Map((await t.services.org.directory()).map((u) => [u.id, u]));
    for (const r of rows) {
      expect(directory.get(r.owner_id)!.locationIds).toContain(r.location_id);
      expect(at(r.starts_at)).toBeGreaterThanOrEqual(at(MONDAY));
      expect(at(r.ends_at ?? r.starts_at)).toBeLessThan(at(AFTER_NEXT_WEEK));
      if (r.ends_at) expect(at(r.ends_at)).toBeGreaterThan(at(r.starts_at));
      if (r.all_day) expect(r.due_on! >= '2026-03-09' && r.due_on! <= '2026-03-22').toBe(true);
      expect(at(r.created_at)).toBeLessThanOrEqual(at(NOW));
      if (r.completed_at) expect(at(r.completed_at)).toBeLessThanOrEqual(at(NOW));
    }
    // Nobody has two appointments at once.
    const meetings = rows.filter((r) => r.ends_at && r.status !== 'cancelled');
    for (const a of meetings) {
      const clash = meetings.find(
        (b) => b.id !== a.id && b.owner_id === a.owner_id && b.starts_at < a.ends_at! && a.starts_at < b.ends_at!,
      );
      expect(clash).toBeUndefined();
    }
  });

  it('tells real stories: done with results and notes, follow-ups, overdue, cancelled, appointments at a place, callbacks', async () => {
    const rows = await activities();
    const now = at(NOW);
    const done = rows.filter((r) => r.status === 'done');
    expect(done.length).toBeGreaterThan(50);
    for (const r of done) expect(r.result && r.result_note).toBeTruthy();
    const overdue = rows.filter((r) => r.status === 'open' && at(r.ends_at ?? r.starts_at) < now && !r.all_day);
    expect(overdue.length).toBeGreaterThan(5);
    expect(rows.filter((r) => r.status === 'cancelled').length).toBeGreaterThan(3);
    expect(rows.filter((r) => at(r.starts_at) > now).length).toBeGreaterThan(100);

    const byId = new Map(rows.map((r) => [r.id, r]));
    const followUps = rows.filter((r) => r.follow_up_of_id);
    expect(followUps.length).toBeGreaterThan(10);
    for (const r of followUps) {
      const before = byId.get(r.follow_up_of_id!)!;
      expect(before.status).toBe('done');
      expect(at(r.starts_at)).toBeGreaterThan(at(before.completed_at!));
      expect(r.contact_id).toBe(before.contact_id);
    }

    const places = (type: string) => new Set(rows.filter((r) => r.type === type).map((r) => r.place));
    expect(places('test_drive')).toContain('Showroom');
    expect(places('delivery')).toContain('Übergabeplatz');
    for (const r of rows.filter((x) => ['test_drive', 'delivery', 'appointment'].includes(x.type))) {
      expect(r.ends_at, r.type).not.toBeNull();
      expect(r.place, r.type).toBeTruthy();
    }

    // Callbacks keep the agreed two-hour window and point at the request and its customer.
    const callbacks = await t.database.query<{ window_minutes: number; same_contact: boolean; assignee: boolean }>(
      `SELECT extract(epoch FROM a.ends_at - a.starts_at)::int / 60 AS window_minutes,
              a.contact_id = r.contact_id AS same_contact, a.owner_id = r.assignee_id AS assignee
         FROM activities a JOIN customer_requests r ON r.id = a.request_id WHERE a.type = 'call'`,
    );
    expect(callbacks.length).toBeGreaterThan(2);
    for (const c of callbacks) expect(c).toEqual({ window_minutes: 120, same_contact: true, assignee: true });

    // Customers' own vehicles, never someone else's.
    const foreign = await t.database.query(
      `SELECT 1 FROM activities a WHERE a.vehicle_id IS NOT NULL AND NOT EXISTS (
         SELECT 1 FROM vehicle_contacts vc WHERE vc.vehicle_id = a.vehicle_id AND vc.contact_id = a.contact_id)`,
    );
    expect(foreign).toHaveLength(0);
  });

  it('puts them on the customers’ timelines', async () => {
    const [counts] = await t.database.query<{ planned: number; done: number; linked: number; finished: number }>(`
      SELECT (SELECT count(*) FROM timeline_entries WHERE kind = 'activity' AND text_key = 'timeline.activityPlanned')::int AS planned,
             (SELECT count(*) FROM timeline_entries WHERE kind = 'activity' AND text_key = 'timeline.activityDone')::int AS done,
             (SELECT count(*) FROM activities WHERE contact_id IS NOT NULL OR vehicle_id IS NOT NULL)::int AS linked,
             (SELECT count(*) FROM activities WHERE status = 'done' AND (contact_id IS NOT NULL OR vehicle_id IS NOT NULL))::int AS finished`);
    expect(counts!.planned).toBe(counts!.linked);
    expect(counts!.done).toBe(counts!.finished);
    const [hans] = await t.database.query<{ id: string }>('SELECT id FROM contacts WHERE last_name = $1 LIMIT 1', [
      WELL_KNOWN_CUSTOMER.lastName,
    ]);
    const sales = await t.login(DEMO_LOGINS.sales, DEMO_PASSWORD);
    const timeline = (await sales.get(`/api/contacts/${hans!.id}/timeline`)).json();
    expect(timeline.items.map((e: { summary: string }) => e.summary)).toContainEqual(
      expect.stringContaining('Probefahrt geplant'),
    );
  });

  it('shows the demo consultant a full week in the calendar and the overdue ones on the home page', async () => {
    const sales = await t.login(DEMO_LOGINS.sales, DEMO_PASSWORD);
    const week = await sales.get(`/api/activities/calendar?from=${MONDAY}&to=2026-03-15T23:00:00Z`);
    expect(week.statusCode).toBe(200);
    expect(week.json().items.length).toBeGreaterThanOrEqual(10);
    const due = (await sales.get('/api/activities/due')).json();
    expect(due.overdue + due.today).toBeGreaterThan(0);
    const manager = await t.login(DEMO_LOGINS.manager, DEMO_PASSWORD);
    const [munich] = await t.database.query<{ id: string }>("SELECT id FROM locations WHERE code = 'MUC'");
    const team = await manager.get(
      `/api/activities/calendar?from=${MONDAY}&to=2026-03-15T23:00:00Z&locationId=${munich!.id}`,
    );
    expect(new Set(team.json().items.map((a: { owner: { id: string } }) => a.owner.id)).size).toBeGreaterThanOrEqual(6);
  });

  it('keeps a pending reminder job for every future reminder, none for the past, and fires it on time', async () => {
    const rows = await activities();
    const now = at(NOW);
    const jobs = await t.database.query<{ unique_key: string; run_at: Date }>(
      `SELECT unique_key, run_at FROM jobs WHERE kind = 'activity.reminder' AND status = 'pending'`,
    );
    const withReminder = rows.filter((r) => r.remind_at);
    expect(withReminder.length).toBe(result.reminders);
    expect(result.reminders).toBeGreaterThan(80);
    expect(jobs.length).toBe(withReminder.length);
    const jobAt = new Map(jobs.map((j) => [j.unique_key, at(j.run_at)]));
    for (const r of withReminder) {
      expect(r.status).toBe('open');
      expect(at(r.remind_at!)).toBeGreaterThan(now + 59 * 60_000);
      expect(jobAt.get(`activity-reminder:${r.id}`)).toBe(at(r.remind_at!));
    }
    // Open and still ahead, with a lead time: its reminder is pending.
    const [missing] = await t.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM activities WHERE status = 'open' AND reminder_minutes_before IS NOT NULL
          AND starts_at - make_interval(mins => reminder_minutes_before) > $1 AND NOT all_day AND remind_at IS NULL`,
      [NOW],
    );
    expect(missing!.n).toBe(0);

    const first = withReminder.sort((a, b) => at(a.remind_at!) - at(b.remind_at!))[0]!;
    t.clock.set(new Date(first.remind_at!));
    await t.services.jobs.worker.runDue();
    const [notification] = await t.database.query<{ user_id: string }>(
      `SELECT user_id FROM notifications WHERE kind = 'activity.reminder' AND data->>'activityId' = $1`,
      [first.id],
    );
    expect(notification?.user_id).toBe(first.owner_id);
  });
});
