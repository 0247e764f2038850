import ICAL from 'ical.js';
import { fetchCalendarObjects, getBasicAuthHeaders } from 'tsdav';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '@test/support/app';
import { radicaleAvailable, type RadicaleServer, startRadicale } from '@test/support/radicale';

type User = TestClient & { userId: string; email: string };
const HOST = 'crm.autohaus.test';
const anna = { username: 'anna', password: 'anna-secret' };
const ben = { username: 'ben', password: 'ben-secret' };

describe.skipIf(!radicaleAvailable())('the push to a CalDAV calendar (Radicale)', () => {
  let t: TestApp;
  let radicale: RadicaleServer;
  let sales: User;
  let colleague: User;
  let annaCalendar: string;
  let benCalendar: string;

  beforeAll(async () => {
    radicale = await startRadicale([anna, ben]);
    annaCalendar = await radicale.createCalendar(anna, 'crm');
    benCalendar = await radicale.createCalendar(ben, 'crm');
    t = await createTestApp({ env: { CRM_PUBLIC_URL: `https://${HOST}` } });
    sales = await t.userWithRole('sales');
    colleague = await t.userWithRole('sales');
  }, 30_000);
  afterAll(async () => {
    await t?.close();
    await radicale?.stop();
  });

  /** What the calendar holds, read with a CalDAV client, by UID. */
  async function readBack(calendarUrl: string, user: typeof anna) {
    const objects = await fetchCalendarObjects({
      calendar: { url: calendarUrl },
      headers: getBasicAuthHeaders(user),
    });
    const byUid = new Map<string, ICAL.Event>();
    for (const o of objects) {
      const calendar = new ICAL.Component(ICAL.parse(o.data as string));
      for (const vtz of calendar.getAllSubcomponents('vtimezone')) {
        ICAL.TimezoneService.register(new ICAL.Timezone(vtz));
      }
      const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
      byUid.set(event.uid, event);
    }
    return byUid;
  }

  it('checks the settings, keeps the password to itself and refuses bad ones', async () => {
    const wrong = await sales.post('/api/calendar/caldav/test', { url: annaCalendar, username: 'anna', password: 'x' });
    expect(wrong.json()).toMatchObject({ ok: false, status: 401 });
    const right = await sales.post('/api/calendar/caldav/test', { ...anna, url: annaCalendar });
    expect(right.json()).toMatchObject({ ok: true, status: 207 });

    const noPassword = await sales.put('/api/calendar/caldav', { url: annaCalendar, username: 'anna' });
    expect(noPassword.statusCode).toBe(400);
    expect(noPassword.json().errors[0]).toMatchObject({ field: 'password' });
    const badUrl = await sales.put('/api/calendar/caldav', { url: 'ftp://x', username: 'anna', password: 'y' });
    expect(badUrl.statusCode).toBe(400);
    expect(badUrl.json().errors[0]).toMatchObject({ field: 'url' });

    const saved = await sales.put('/api/calendar/caldav', { url: annaCalendar, ...anna });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ configured: true, username: 'anna', hasPassword: true });
    expect(saved.body).not.toContain('anna-secret');
    expect((await sales.get('/api/calendar/caldav')).body).not.toContain('anna-secret');
  });

  it('pushes created, moved and cancelled activities; the calendar shows the latest state', async () => {
    const drive = await sales.post('/api/activities', {
      type: 'test_drive',
      subject: 'Probefahrt Tiguan',
      startsAt: '2026-03-27T10:00:00+01:00',
      endsAt: '2026-03-27T11:00:00+01:00',
      place: 'Halle 3',
    });
    const task = await sales.post('/api/activities', {
      type: 'call',
      subject: 'Rückruf',
      allDay: true,
      dueOn: '2026-03-31',
    });
    const driveId = drive.json().id as string;
    const taskId = task.json().id as string;
    await t.services.jobs.worker.runDue();
    let onCalendar = await readBack(annaCalendar, anna);
    expect(onCalendar.get(`${driveId}@${HOST}`)!.startDate.toJSDate().toISOString()).toBe('2026-03-27T09:00:00.000Z');
    expect(onCalendar.get(`${driveId}@${HOST}`)!.summary).toBe('Probefahrt: Probefahrt Tiguan');
    // The place is a detail: only with the user's opt-in.
    expect(onCalendar.get(`${driveId}@${HOST}`)!.location).toBeNull();
    expect(onCalendar.get(`${taskId}@${HOST}`)!.startDate.toString()).toBe('2026-03-31');

    await sales.patch(`/api/activities/${driveId}`, {
      startsAt: '2026-03-30T10:00:00+02:00',
      endsAt: '2026-03-30T11:00:00+02:00',
    });
    await t.services.jobs.worker.runDue();
    onCalendar = await readBack(annaCalendar, anna);
    const moved = onCalendar.get(`${driveId}@${HOST}`)!;
    expect(moved.startDate.toJSDate().toISOString()).toBe('2026-03-30T08:00:00.000Z');
    expect(moved.sequence).toBe(1);

    await sales.post(`/api/activities/${driveId}/cancel`, {});
    await t.services.jobs.worker.runDue();
    onCalendar = await readBack(annaCalendar, anna);
    expect(onCalendar.get(`${driveId}@${HOST}`)!.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(onCalendar.size).toBe(2);

    const state = (await sales.get('/api/calendar/caldav')).json();
    expect(state).toMatchObject({ lastError: null });
    expect(state.lastPushAt).not.toBeNull();
  });

  it('moves a handed-over activity from the old owner’s calendar to the new one', async () => {
    expect((await colleague.put('/api/calendar/caldav', { url: benCalendar, ...ben })).statusCode).toBe(200);
    const call = await sales.post('/api/activities', {
      type: 'call',
      subject: 'Übergabe',
      startsAt: '2026-04-02T09:00:00+02:00',
    });
    const id = call.json().id as string;
    await t.services.jobs.worker.runDue();
    expect((await readBack(annaCalendar, anna)).has(`${id}@${HOST}`)).toBe(true);

    await sales.patch(`/api/activities/${id}`, { ownerId: colleague.userId });
    await t.services.jobs.worker.runDue();
    expect((await readBack(annaCalendar, anna)).has(`${id}@${HOST}`)).toBe(false);
    expect((await readBack(benCalendar, ben)).has(`${id}@${HOST}`)).toBe(true);
  });

  it('shows the error of a failing push and retries it', async () => {
    await sales.put('/api/calendar/caldav', { url: annaCalendar, username: 'anna', password: 'changed-elsewhere' });
    await t.services.jobs.worker.runDue();
    await sales.post('/api/activities', { type: 'call', subject: 'Fehlschlag', startsAt: '2026-04-03T09:00:00+02:00' });
    await t.services.jobs.worker.runDue();
    const state = (await sales.get('/api/calendar/caldav')).json();
    expect(state.lastError).toMatch(/401/);

    // Password fixed: the setup pushes everything again.
    await sales.put('/api/calendar/caldav', { url: annaCalendar, ...anna });
    t.clock.advance(10 * 60_000);
    await t.services.jobs.worker.runDue();
    const after = await readBack(annaCalendar, anna);
    expect([...after.values()].map((e) => e.summary)).toContain('Anruf: Fehlschlag');
    expect((await sales.get('/api/calendar/caldav')).json().lastError).toBeNull();

    expect((await sales.delete('/api/calendar/caldav')).statusCode).toBe(204);
    expect((await sales.get('/api/calendar/caldav')).json()).toMatchObject({ configured: false });
  });
});
