import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '@test/support/app';
import { callbackRequest, createRequest } from './test-support';

let t: TestApp;
let manager: TestClient & { userId: string };
let reception: TestClient & { userId: string };
let anna: TestClient & { userId: string };
let ben: TestClient & { userId: string };
const ids = { first: '', second: '', bens: '' };

beforeAll(async () => {
  t = await createTestApp({ env: { CRM_SESSION_IDLE_MINUTES: '1000000', CRM_SESSION_MAX_HOURS: '100000' } });
  manager = await t.userWithRole('manager');
  reception = await t.userWithRole('reception');
  anna = await t.userWithRole('service');
  ben = await t.userWithRole('service');
  t.clock.set('2026-03-02T08:00:00Z');
  ids.first = (await createRequest(reception, callbackRequest(t.location.id, { assigneeId: anna.userId }))).id;
  t.clock.set('2026-03-02T09:00:00Z');
  ids.second = (await createRequest(reception, callbackRequest(t.location.id, { assigneeId: anna.userId }))).id;
  t.clock.set('2026-03-02T10:00:00Z');
  ids.bens = (await createRequest(reception, callbackRequest(t.location.id, { assigneeId: ben.userId }))).id;
  await createRequest(reception, callbackRequest(t.location.id)); // the manager's
});
afterAll(() => t.close());

const idsOf = (res: { json(): { items: Array<{ id: string }> } }) => res.json().items.map((i) => i.id);

describe('work lists', () => {
  it('shows my requests by deadline, my team, and my location', async () => {
    expect(idsOf(await anna.get('/api/requests?scope=mine'))).toEqual([ids.first, ids.second]);
    expect(idsOf(await anna.get('/api/requests?scope=team'))).toEqual([ids.first, ids.second, ids.bens]);
    expect(idsOf(await anna.get('/api/requests?scope=location'))).toHaveLength(4);
    expect((await anna.get('/api/requests?scope=all')).statusCode).toBe(403);
    expect(idsOf(await manager.get('/api/requests?scope=all'))).toHaveLength(4);
  });

  it('names the colleague in charge "Nachname, Vorname", like the customer beside them', async () => {
    const [name] = await t.database.query<{ first_name: string; last_name: string }>(
      'SELECT first_name, last_name FROM users WHERE id = $1',
      [anna.userId],
    );
    const [item] = (await anna.get('/api/requests?scope=mine')).json().items;
    expect(item.assignee.displayName).toBe(`${name!.last_name}, ${name!.first_name}`);
    expect(item.contact.displayName).toMatch(/^Kundin\d+, Erika$/);
  });

  it('flags what is overdue and counts it for the navigation', async () => {
    t.clock.set('2026-03-03T08:30:00Z'); // past the first deadline (08:00), before the second (09:00)
    const mine = (await anna.get('/api/requests?scope=mine')).json().items;
    expect(mine.map((i: { overdue: boolean }) => i.overdue)).toEqual([true, false]);
    expect(idsOf(await anna.get('/api/requests?scope=mine&overdue=true'))).toEqual([ids.first]);
    expect((await anna.get('/api/requests/counts')).json()).toMatchObject({
      mine: 2,
      mineOverdue: 1,
      team: 3,
      unassigned: 0,
    });
  });

  it('pages with a cursor', async () => {
    const first = (await anna.get('/api/requests?scope=team&limit=2')).json();
    expect(first.items).toHaveLength(2);
    const next = (await anna.get(`/api/requests?scope=team&limit=2&cursor=${first.nextCursor}`)).json();
    expect(next.items.map((i: { id: string }) => i.id)).toEqual([ids.bens]);
    expect(next.nextCursor).toBeNull();
  });
});

describe('reassignment', () => {
  it('lets a manager hand several requests to a colleague with a reason, who is told', async () => {
    expect(
      (await anna.post('/api/requests/bulk-reassign', { ids: [ids.first], assigneeId: ben.userId, reason: 'Urlaub' }))
        .statusCode,
    ).toBe(403);
    const res = await manager.post('/api/requests/bulk-reassign', {
      ids: [ids.first, ids.second],
      assigneeId: ben.userId,
      reason: 'Anna ist krank',
    });
    expect(res.statusCode).toBe(200);
    expect(idsOf(await ben.get('/api/requests?scope=mine'))).toEqual([ids.first, ids.second, ids.bens]);
    const events = (await ben.get(`/api/requests/${ids.first}/events`)).json();
    expect(events.at(-1)).toMatchObject({
      kind: 'reassigned',
      data: { reason: 'Anna ist krank', toAssigneeId: ben.userId },
    });
    const told = await t.database.query(
      `SELECT * FROM notifications WHERE user_id = $1 AND kind = 'request.assigned'`,
      [ben.userId],
    );
    expect(told.length).toBeGreaterThanOrEqual(3);
  });

  it('lets the assignee hand a request on, but not a bystander', async () => {
    expect(
      (await anna.post(`/api/requests/${ids.bens}/reassign`, { assigneeId: anna.userId, reason: 'übernehme ich' }))
        .statusCode,
    ).toBe(403);
    const handed = await ben.post(`/api/requests/${ids.bens}/reassign`, {
      assigneeId: anna.userId,
      reason: 'Kunde kennt Anna',
    });
    expect(handed.statusCode).toBe(200);
    expect(handed.json().assignee.id).toBe(anna.userId);
  });
});

describe('work list order', () => {
  it('puts what still waits for its first contact first, and pages across that line', async () => {
    t.clock.set('2026-03-05T10:00:00Z'); // every deadline has passed
    expect(idsOf(await ben.get('/api/requests?scope=mine'))).toEqual([ids.first, ids.second]);

    const res = await ben.post(`/api/requests/${ids.first}/attempts`, {
      channel: 'phone',
      outcome: 'no_answer',
      note: 'Mailbox',
    });
    expect(res.statusCode).toBe(201);
    const mine = (await ben.get('/api/requests?scope=mine')).json().items;
    // The one never contacted, days overdue, above the one called a minute ago despite its later deadline.
    expect(mine.map((i: { id: string }) => i.id)).toEqual([ids.second, ids.first]);
    expect(mine[0]).toMatchObject({ overdue: true, firstContactedAt: null });
    expect(mine[1]).toMatchObject({ overdue: false, firstContactedAt: '2026-03-05T10:00:00.000Z' });

    const first = (await ben.get('/api/requests?scope=mine&limit=1')).json();
    expect(idsOf({ json: () => first })).toEqual([ids.second]);
    const next = (await ben.get(`/api/requests?scope=mine&limit=1&cursor=${first.nextCursor}`)).json();
    expect(next.items.map((i: { id: string }) => i.id)).toEqual([ids.first]);
    expect(next.nextCursor).toBeNull();
  });
});
