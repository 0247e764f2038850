import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '@test/support/app';

type User = TestClient & { userId: string; email: string };
let t: TestApp;
let sales: User;
let colleague: User;
let contactId: string;

const HOST = 'crm.autohaus.test';

beforeAll(async () => {
  t = await createTestApp({ env: { CRM_PUBLIC_URL: `https://${HOST}` } });
  sales = await t.userWithRole('sales');
  colleague = await t.userWithRole('sales');
  const res = await sales.post('/api/contacts', {
    firstName: 'Max',
    lastName: 'Weber',
    homeLocationId: t.location.id,
    phones: [{ kind: 'mobile', number: '0171 1234567', isPrimary: true }],
    emails: [{ address: 'max.weber@example.test', isPrimary: true }],
    ignoreDuplicates: true,
  });
  expect(res.statusCode).toBe(201);
  contactId = res.json().id;
});
afterAll(() => t.close());

/** Parses a calendar with ical.js, registering its own VTIMEZONEs so TZIDs resolve through what we sent. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const vtz of calendar.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(new ICAL.Timezone(vtz));
  }
  const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  return { calendar, events, byUid: (uid: string) => events.find((e) => e.uid === uid) };
}

/** Fetches a feed as a calendar app does: no cookie, only the secret URL. */
const fetchFeed = (url: string) => t.anonymous.get(new URL(url).pathname);

async function plan(client: TestClient, body: Record<string, unknown>) {
  const res = await client.post('/api/activities', body);
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; version: number };
}

describe('the private calendar feed', () => {
  let url: string;
  let drive: { id: string; version: number };
  let before: { id: string };
  let task: { id: string };

  it('is created once with its URL; later reads show the state without the URL', async () => {
    expect((await sales.get('/api/calendar/feed')).json()).toMatchObject({ active: false, url: null });
    const created = await sales.post('/api/calendar/feed', {});
    expect(created.statusCode).toBe(200);
    url = created.json().url;
    expect(url).toMatch(new RegExp(`^https://${HOST}/api/calendar/feed/[A-Za-z0-9_-]{40,}\\.ics$`));
    expect((await sales.get('/api/calendar/feed')).json()).toMatchObject({
      active: true,
      includeDetails: false,
      url: null,
    });
  });

  it('shows appointments at the right UTC time on both sides of the change to summer time', async () => {
    drive = await plan(sales, {
      type: 'test_drive',
      subject: 'Golf GTI',
      contactId,
      startsAt: '2026-03-30T10:00:00+02:00',
      endsAt: '2026-03-30T11:00:00+02:00',
      place: 'Halle 2',
      note: 'Kunde bringt Altwagen mit',
    });
    before = await plan(sales, {
      type: 'appointment',
      subject: 'Beratung',
      contactId,
      startsAt: '2026-03-27T10:00:00+01:00',
      endsAt: '2026-03-27T10:30:00+01:00',
    });
    task = await plan(sales, { type: 'call', subject: 'Angebot nachfassen', allDay: true, dueOn: '2026-03-31' });
    await plan(colleague, { type: 'call', subject: 'Nicht meins', startsAt: '2026-03-30T09:00:00+02:00' });

    const res = await fetchFeed(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    const { calendar, events, byUid } = parse(res.body);
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(calendar.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Europe/Berlin');
    expect(events).toHaveLength(3);

    const d = byUid(`${drive.id}@${HOST}`)!;
    expect(d.startDate.zone?.tzid).toBe('Europe/Berlin');
    expect(d.startDate.toJSDate().toISOString()).toBe('2026-03-30T08:00:00.000Z');
    expect(d.endDate.toJSDate().toISOString()).toBe('2026-03-30T09:00:00.000Z');
    expect(d.sequence).toBe(0);
    expect(d.summary).toBe('Probefahrt: Golf GTI – Weber, Max');
    const b = byUid(`${before.id}@${HOST}`)!;
    expect(b.startDate.toJSDate().toISOString()).toBe('2026-03-27T09:00:00.000Z');

    const all = byUid(`${task.id}@${HOST}`)!;
    expect(all.startDate.isDate).toBe(true);
    expect(all.startDate.toString()).toBe('2026-03-31');
    expect(all.endDate.toString()).toBe('2026-04-01');
    expect(res.body).toContain('DTSTART;VALUE=DATE:20260331');
    // DTSTAMP is UTC, as RFC 5545 demands.
    expect(res.body).toMatch(/DTSTAMP:\d{8}T\d{6}Z/);
  });

  it('shows nothing of the customer beyond the name unless the user opts in', async () => {
    const plain = (await fetchFeed(url)).body;
    expect(plain).not.toContain('Halle 2');
    expect(plain).not.toContain('Altwagen');
    expect(plain).not.toContain('1234567');
    expect(plain).not.toContain('max.weber');

    const opted = await sales.patch('/api/calendar/feed', { includeDetails: true });
    expect(opted.json()).toMatchObject({ includeDetails: true, url: null });
    const { byUid } = parse((await fetchFeed(url)).body);
    const d = byUid(`${drive.id}@${HOST}`)!;
    expect(d.location).toBe('Halle 2');
    expect(d.description).toContain('Kunde bringt Altwagen mit');
    expect(d.description).toContain('+491711234567');
    await sales.patch('/api/calendar/feed', { includeDetails: false });
  });

  it('keeps the UID when an appointment moves, raises SEQUENCE, and marks a cancelled one', async () => {
    const moved = await sales.patch(`/api/activities/${drive.id}`, {
      startsAt: '2026-03-31T14:00:00+02:00',
      endsAt: '2026-03-31T15:00:00+02:00',
    });
    expect(moved.statusCode).toBe(200);
    let d = parse((await fetchFeed(url)).body).byUid(`${drive.id}@${HOST}`)!;
    expect(d.sequence).toBe(1);
    expect(d.startDate.toJSDate().toISOString()).toBe('2026-03-31T12:00:00.000Z');

    expect((await sales.post(`/api/activities/${drive.id}/cancel`, { reason: 'Kunde krank' })).statusCode).toBe(200);
    const parsed = parse((await fetchFeed(url)).body);
    d = parsed.byUid(`${drive.id}@${HOST}`)!;
    expect(d.sequence).toBe(2);
    expect(d.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(parsed.byUid(`${before.id}@${HOST}`)!.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
  });

  it('answers 404 to a wrong, rotated or revoked URL', async () => {
    expect((await t.anonymous.get('/api/calendar/feed/not-a-token.ics')).statusCode).toBe(404);
    expect((await t.anonymous.get(`/api/calendar/feed/${'A'.repeat(43)}.ics`)).statusCode).toBe(404);
    const rotated = (await sales.post('/api/calendar/feed', {})).json().url as string;
    expect(rotated).not.toBe(url);
    expect((await fetchFeed(url)).statusCode).toBe(404);
    expect((await fetchFeed(rotated)).statusCode).toBe(200);
    expect((await sales.delete('/api/calendar/feed')).statusCode).toBe(204);
    expect((await fetchFeed(rotated)).statusCode).toBe(404);
    expect((await sales.get('/api/calendar/feed')).json()).toMatchObject({ active: false });
  });

  it('refuses a feed fetched more than 30 times a minute, and serves it again the next minute', async () => {
    const feedUrl = (await colleague.post('/api/calendar/feed', {})).json().url as string;
    const codes = [];
    for (let i = 0; i < 31; i++) codes.push((await fetchFeed(feedUrl)).statusCode);
    expect(codes.slice(0, 30).every((c) => c === 200)).toBe(true);
    expect(codes[30]).toBe(429);
    t.clock.advance(60_000);
    expect((await fetchFeed(feedUrl)).statusCode).toBe(200);
  });

  it('refuses an unknown field value naming it, and needs a login to manage the feed', async () => {
    const bad = await sales.patch('/api/calendar/feed', { includeDetails: 'ja' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ field: 'includeDetails' });
    expect((await t.anonymous.post('/api/calendar/feed', {})).statusCode).toBe(401);
  });
});

describe('a feed of 2,000 activities', () => {
  it('costs less than 150 ms when fetched again, as calendar apps poll', async () => {
    const busy = await t.userWithRole('sales');
    const url = (await busy.post('/api/calendar/feed', {})).json().url as string;
    const start = Date.parse('2026-01-05T08:00:00Z');
    const values = Array.from({ length: 2000 }, (_, i) => {
      const at = new Date(start + Math.floor(i / 8) * 86_400_000 + (i % 8) * 3_600_000);
      return `('call', 'Rückruf ${i}', '${busy.userId}', '${t.location.id}', ${i % 3 === 0 ? `'${contactId}'` : 'NULL'}, '${at.toISOString()}')`;
    });
    await t.database.db.execute(
      `INSERT INTO activities (type, subject, owner_id, location_id, contact_id, starts_at) VALUES ${values.join(',')}` as never,
    );
    await fetchFeed(url);
    // CPU time of this process (server and, on PGlite, the database too): the work the feed costs,
    // unlike wall time not stretched by whatever else the machine runs at the moment.
    const costs: number[] = [];
    let body = '';
    for (let i = 0; i < 5; i++) {
      const before = process.cpuUsage();
      const res = await fetchFeed(url);
      const used = process.cpuUsage(before);
      costs.push((used.user + used.system) / 1000);
      body = res.body;
    }
    expect(parse(body).events).toHaveLength(2000);
    expect(Math.min(...costs)).toBeLessThan(150);
  });
});
