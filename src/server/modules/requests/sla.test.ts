import pino from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient, testLocation } from '@test/support/app';
import { buildApp } from '@server/app';
import { openPostgres } from '@server/db/client';
import type { ApiKeyActor } from '@server/http/access';
import { callbackRequest, createRequest, intakeKey, newCustomer } from './test-support';

let t: TestApp;
let admin: TestClient & { userId: string };
let manager: TestClient & { userId: string };
let reception: TestClient & { userId: string };
let advisor: TestClient & { userId: string };

beforeAll(async () => {
  // The clock jumps across weeks here; sessions must outlive that.
  t = await createTestApp({ env: { CRM_SESSION_IDLE_MINUTES: '1000000', CRM_SESSION_MAX_HOURS: '100000' } });
  admin = await t.userWithRole('admin');
  manager = await t.userWithRole('manager');
  reception = await t.userWithRole('reception');
  advisor = await t.userWithRole('service');
});
afterAll(() => t.close());

const MONDAY_9 = '2026-03-02T08:00:00Z';

async function dueFor(receivedAt: string, locationId = t.location.id): Promise<string> {
  t.clock.set(receivedAt);
  return (await createRequest(reception, callbackRequest(locationId))).firstContactDueAt;
}

const escalations = (requestId: string) =>
  t.database.query<{ user_id: string }>(
    `SELECT user_id FROM notifications WHERE kind = 'request.escalated' AND data->>'requestId' = $1`,
    [requestId],
  );

describe('first-contact deadline', () => {
  it('counts one working day, skipping the weekend', async () => {
    // Friday 16:00 in Stuttgart → Monday 16:00.
    expect(await dueFor('2026-03-06T15:00:00Z')).toBe('2026-03-09T15:00:00.000Z');
  });

  it("skips the federal state's public holidays: Epiphany in Baden-Württemberg, not in Nordrhein-Westfalen", async () => {
    // Monday 5 January 2026, 10:00; 6 January is a holiday in BW only.
    expect(await dueFor('2026-01-05T09:00:00Z')).toBe('2026-01-07T09:00:00.000Z');
    const cologne = await t.services.org.createLocation(
      null,
      testLocation({ name: 'Köln', code: 'CGN', federalState: 'NW' }),
    );
    await t.userWithRole('manager', { locationId: cologne.id });
    const receptionCologne = await t.userWithRole('reception', { locationId: cologne.id });
    t.clock.set('2026-01-05T09:00:00Z');
    const inCologne = await createRequest(receptionCologne, callbackRequest(cologne.id));
    expect(inCologne.firstContactDueAt).toBe('2026-01-06T09:00:00.000Z');
  });

  it('skips Easter: Thursday before Good Friday is due on the Tuesday after Easter Monday', async () => {
    expect(await dueFor('2026-04-02T08:00:00Z')).toBe('2026-04-07T08:00:00.000Z');
  });

  it('counts a request received after closing time from the next opening', async () => {
    // Monday 19:30 → the clock starts Tuesday 08:00 → due Wednesday 08:00.
    expect(await dueFor('2026-03-02T18:30:00Z')).toBe('2026-03-04T07:00:00.000Z');
  });
});

describe('first-contact deadline per request type', () => {
  afterAll(async () => {
    await admin.delete('/api/requests/type-settings/complaint');
  });

  it('counts working hours an administrator set for complaints, across the weekend, and escalates then', async () => {
    const set = await admin.put('/api/requests/type-settings/complaint', {
      firstContactAmount: 4,
      firstContactUnit: 'working_hours',
    });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toContainEqual({
      type: 'complaint',
      firstContactAmount: 4,
      firstContactUnit: 'working_hours',
      acknowledgement: false,
      isDefault: false,
    });

    // Friday 15:00 in Stuttgart, open until 17:00: two hours on Friday, two on Monday from 08:00.
    t.clock.set('2026-03-06T14:00:00Z');
    const complaint = await createRequest(
      reception,
      callbackRequest(t.location.id, { type: 'complaint', assigneeId: advisor.userId }),
    );
    expect(complaint.firstContactDueAt).toBe('2026-03-09T09:00:00.000Z');
    // Other types keep one working day.
    expect(await dueFor('2026-03-06T14:00:00Z')).toBe('2026-03-09T14:00:00.000Z');

    t.clock.set('2026-03-09T08:59:00Z');
    await t.services.jobs.worker.runDue();
    expect((await escalations(complaint.id)).length).toBe(0);
    t.clock.set('2026-03-09T09:00:00Z');
    await t.services.jobs.worker.runDue();
    expect((await escalations(complaint.id)).map((n) => n.user_id).sort()).toEqual(
      [manager.userId, advisor.userId].sort(),
    );
  });

  it('takes several working days too, and goes back to one working day on reset', async () => {
    await admin.put('/api/requests/type-settings/complaint', {
      firstContactAmount: 2,
      firstContactUnit: 'working_days',
    });
    t.clock.set('2026-03-06T14:00:00Z');
    const complaint = await createRequest(reception, callbackRequest(t.location.id, { type: 'complaint' }));
    // Friday 15:00 → Monday is the first, Tuesday the second working day.
    expect(complaint.firstContactDueAt).toBe('2026-03-10T14:00:00.000Z');

    const reset = await admin.delete('/api/requests/type-settings/complaint');
    expect(reset.json()).toContainEqual(expect.objectContaining({ type: 'complaint', isDefault: true }));
    t.clock.set('2026-03-06T14:00:00Z');
    const after = await createRequest(reception, callbackRequest(t.location.id, { type: 'complaint' }));
    expect(after.firstContactDueAt).toBe('2026-03-09T14:00:00.000Z');
  });

  it('lets only administrators change the group-wide deadline, within bounds, naming the field', async () => {
    for (const client of [reception, manager]) {
      const denied = await client.put('/api/requests/type-settings/complaint', {
        firstContactAmount: 2,
        firstContactUnit: 'working_hours',
      });
      expect(denied.statusCode).toBe(403);
      expect((await client.delete('/api/requests/type-settings/sales_lead')).statusCode).toBe(403);
    }
    const tooLong = await admin.put('/api/requests/type-settings/complaint', {
      firstContactAmount: 11,
      firstContactUnit: 'working_days',
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().errors[0].field).toBe('firstContactAmount');
    const settings = (await reception.get('/api/requests/type-settings')).json();
    expect(settings).toHaveLength(6);
    expect(settings).toContainEqual(expect.objectContaining({ type: 'complaint', isDefault: true }));
  });
});

describe('escalation', () => {
  it('alerts the manager and the assignee at the deadline, not before, and only once', async () => {
    t.clock.set(MONDAY_9);
    const request = await createRequest(reception, callbackRequest(t.location.id, { assigneeId: advisor.userId }));
    t.clock.set('2026-03-03T07:59:00Z');
    await t.services.jobs.worker.runDue();
    expect((await manager.get(`/api/requests/${request.id}`)).json().escalatedAt).toBeNull();

    t.clock.set('2026-03-03T08:00:00Z');
    await t.services.jobs.worker.runDue();
    const escalated = (await manager.get(`/api/requests/${request.id}`)).json();
    expect(escalated.escalatedAt).toBe('2026-03-03T08:00:00.000Z');
    expect(escalated.overdue).toBe(false); // exactly at the deadline it is due, not yet past it
    expect((await escalations(request.id)).map((n) => n.user_id).sort()).toEqual(
      [manager.userId, advisor.userId].sort(),
    );
    const mails = await t.database.query(`SELECT * FROM outbox_emails WHERE subject LIKE $1`, [
      `Überfällig: ${request.number}%`,
    ]);
    expect(mails).toHaveLength(2);

    // A second run of the same timer (a retry, another process) changes nothing.
    await t.services.jobs.schedule(
      t.database.db,
      t.services.requests.firstContactDueJob,
      { requestId: request.id },
      { runAt: t.clock.now() },
    );
    await t.services.jobs.worker.runDue();
    expect(await escalations(request.id)).toHaveLength(2);
    const events = (await manager.get(`/api/requests/${request.id}/events`)).json();
    expect(events.filter((e: { kind: string }) => e.kind === 'escalated')).toHaveLength(1);
  });

  it('does not escalate a request whose customer was called in time', async () => {
    t.clock.set(MONDAY_9);
    const request = await createRequest(reception, callbackRequest(t.location.id, { assigneeId: advisor.userId }));
    t.clock.set('2026-03-02T14:00:00Z');
    const attempt = await advisor.post(`/api/requests/${request.id}/attempts`, {
      channel: 'phone',
      outcome: 'no_answer',
    });
    expect(attempt.statusCode).toBe(201);
    expect(attempt.json()).toMatchObject({ status: 'in_progress', firstContactedAt: '2026-03-02T14:00:00.000Z' });
    t.clock.set('2026-03-04T08:00:00Z');
    await t.services.jobs.worker.runDue();
    expect((await advisor.get(`/api/requests/${request.id}`)).json().escalatedAt).toBeNull();
    expect(await escalations(request.id)).toHaveLength(0);
  });

  it.runIf(inject('engine') === 'postgres')(
    'two server processes escalate each of 30 overdue requests exactly once',
    async () => {
      const admin = await t.userWithRole('admin');
      const key = await intakeKey(t, admin);
      const actor: ApiKeyActor = { kind: 'apiKey', apiKeyId: key.id, name: 'Last', scopes: ['intake'] };
      t.clock.set(MONDAY_9);
      const ids: string[] = [];
      for (let i = 0; i < 30; i++) {
        const { row } = await t.services.requests.takeIn(actor, {
          type: 'callback',
          channel: 'web_form',
          locationId: t.location.id,
          subject: `Rückruf ${i}`,
          customer: newCustomer() as never,
          assigneeId: advisor.userId,
        });
        ids.push(row.id);
      }
      const second = openPostgres(t.database.pool!.options.connectionString!, 5);
      const other = await buildApp({
        config: t.config,
        database: second,
        clock: t.clock,
        logger: pino({ level: 'silent' }),
      });
      try {
        t.clock.set('2026-03-04T08:00:00Z');
        const [a, b] = await Promise.all([t.services.jobs.worker.runDue(), other.services.jobs.worker.runDue()]);
        expect(a + b).toBeGreaterThanOrEqual(30);
        const rows = await t.database.query<{ request_id: string; user_id: string; n: number }>(
          `SELECT data->>'requestId' AS request_id, user_id, count(*)::int AS n FROM notifications
            WHERE kind = 'request.escalated' AND data->>'requestId' = ANY($1) GROUP BY 1, 2`,
          [ids],
        );
        expect(rows).toHaveLength(60); // the manager and the assignee for each request
        expect(rows.every((r) => r.n === 1)).toBe(true);
        const events = await t.database.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM request_events WHERE kind = 'escalated' AND request_id = ANY($1::uuid[])`,
          [ids],
        );
        expect(events[0]!.n).toBe(30);
      } finally {
        await other.app.close();
        await second.close();
      }
    },
    60_000,
  );
});
