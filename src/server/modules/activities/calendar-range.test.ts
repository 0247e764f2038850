import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '@test/support/app';

let t: TestApp;
let sales: TestClient;
let manager: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  sales = await t.userWithRole('sales');
  manager = await t.userWithRole('manager');
});
afterAll(() => t.close());

const WEEK = 'from=2026-05-11T00:00:00%2B02:00&to=2026-05-18T00:00:00%2B02:00';
const subjects = (res: { json(): { items: Array<{ subject: string }> } }) =>
  res
    .json()
    .items.map((a) => a.subject)
    .sort();

describe('which activities a calendar range shows', () => {
  it('shows those starting in the week and those that began before and still go on, not those that ended before', async () => {
    const plan = (body: Record<string, unknown>) => sales.post('/api/activities', body);
    const planned = await Promise.all([
      // A two-week trade fair that began eleven days before the week and ends in it.
      plan({
        type: 'appointment',
        subject: 'Messe',
        startsAt: '2026-04-30T09:00:00+02:00',
        endsAt: '2026-05-13T18:00:00+02:00',
      }),
      // Ended the Sunday evening before, in the last minute before the week.
      plan({
        type: 'appointment',
        subject: 'Vorher zu Ende',
        startsAt: '2026-05-10T22:00:00+02:00',
        endsAt: '2026-05-11T00:00:00+02:00',
      }),
      // Runs over midnight into Monday.
      plan({
        type: 'appointment',
        subject: 'Über Mitternacht',
        startsAt: '2026-05-10T23:00:00+02:00',
        endsAt: '2026-05-11T01:00:00+02:00',
      }),
      plan({ type: 'call', subject: 'Am Montag', startsAt: '2026-05-11T08:00:00+02:00' }),
      plan({ type: 'letter', subject: 'Sonntag ganztags', allDay: true, dueOn: '2026-05-17' }),
      plan({ type: 'call', subject: 'Letzte Woche', startsAt: '2026-05-08T10:00:00+02:00' }),
      plan({ type: 'call', subject: 'Nächste Woche', startsAt: '2026-05-18T00:00:00+02:00' }),
      plan({ type: 'call', subject: 'Abgesagt', startsAt: '2026-05-12T10:00:00+02:00' }),
    ]);
    for (const res of planned) expect(res.statusCode).toBe(201);
    const cancelled = planned.at(-1)!.json();
    expect((await sales.post(`/api/activities/${cancelled.id}/cancel`, {})).statusCode).toBe(200);

    const expected = ['Am Montag', 'Messe', 'Sonntag ganztags', 'Über Mitternacht'];
    const own = await sales.get(`/api/activities/calendar?${WEEK}`);
    expect(subjects(own)).toEqual(expected);
    // In order of their start.
    expect(own.json().items.map((a: { subject: string }) => a.subject)).toEqual([
      'Messe',
      'Über Mitternacht',
      'Am Montag',
      'Sonntag ganztags',
    ]);
    const team = await manager.get(`/api/activities/calendar?${WEEK}&locationId=${t.location.id}`);
    expect(subjects(team)).toEqual(expected);
    const withCancelled = await sales.get(`/api/activities/calendar?${WEEK}&includeCancelled=true`);
    expect(subjects(withCancelled)).toEqual(['Abgesagt', ...expected].sort());
  });
});
