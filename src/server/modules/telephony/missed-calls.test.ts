import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '@test/support/app';
import { buildApp } from '@server/app';
import { openPostgres } from '@server/db/client';
import { clearRules, makeRule, makeUser } from '../assignment/test-factories';
import { searchFactory } from '../search/test-factories';
import { MISSED_CALL_GRACE_MS } from './missed';
import { mapExtension, trackingNumber, WebhookPbx, webhookConnection } from './test-simulator';

let t: TestApp;
let admin: TestClient;
let reception: TestClient & { userId: string };
let pbx: WebhookPbx;
let rita: { id: string };
let customer: { id: string };

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-03-02T09:00:00Z');
  admin = await t.userWithRole('admin');
  reception = await t.userWithRole('reception');
  rita = await makeUser(t, 'service', { firstName: 'Rita', lastName: 'Rückruf' });
  const connection = await webhookConnection(t, admin);
  await mapExtension(t, connection.id, '10', reception.userId);
  pbx = new WebhookPbx(t, connection.id, connection.headers);
  customer = await searchFactory(t.database, () => t.clock.now()).contact({
    location: t.location,
    lastName: 'Vogel',
    firstName: 'Vera',
    phones: ['0172 3334445'],
  });
});
afterAll(() => t.close());
beforeEach(async () => {
  await clearRules(t);
  await makeRule(t, { strategy: 'fixed_user', userId: rita.id, match: { types: ['callback'] } });
});

let n = 0;
async function missedCall(from: string, extra: { dialled?: string } = {}) {
  const callId = `missed-${++n}`;
  const { callId: id } = await pbx.ring(callId, from, ['10'], extra);
  t.clock.advance(20_000);
  await pbx.hangup(callId, 'cancel');
  return id;
}

const callOf = async (id: string) => (await admin.get(`/api/calls/${id}`)).json();
const request = async (id: string) => (await admin.get(`/api/requests/${id}`)).json();
const afterGrace = async () => {
  t.clock.advance(MISSED_CALL_GRACE_MS);
  await t.services.jobs.worker.runDue();
};

describe('missed calls', () => {
  it('become a callback request through the assignment rules 15 minutes later', async () => {
    const id = await missedCall('+49 172 3334445');
    expect(await callOf(id)).toMatchObject({ state: 'missed', requestId: null });

    t.clock.advance(MISSED_CALL_GRACE_MS - 60_000);
    await t.services.jobs.worker.runDue();
    expect((await callOf(id)).requestId).toBeNull();

    t.clock.advance(60_000);
    await t.services.jobs.worker.runDue();
    const call = await callOf(id);
    expect(call.requestId).not.toBeNull();
    expect(await request(call.requestId)).toMatchObject({
      type: 'callback',
      channel: 'phone',
      contact: { id: customer.id },
      assignee: { id: rita.id },
      subject: 'Verpasster Anruf von 0172 3334445',
      // The phone system's own text, not what the caller said.
      messageFrom: 'system',
    });

    // Runs once: a second pass creates nothing more.
    await afterGrace();
    const [counted] = await t.database.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM customer_requests WHERE contact_id = $1`,
      [customer.id],
    );
    expect(counted!.count).toBe(1);
    const timeline = (await admin.get(`/api/contacts/${customer.id}/timeline`)).json();
    const entries = (timeline.items ?? timeline.entries) as Array<{ kind: string; summary: string }>;
    expect(entries.filter((e) => e.kind === 'call').map((e) => e.summary)).toEqual([
      'Verpasster Anruf von 0172 3334445',
    ]);
  });

  it('are linked, not duplicated, when the caller gets through within 15 minutes', async () => {
    const missed = await missedCall('0172 3334445');
    t.clock.advance(5 * 60_000);
    const { callId: later } = await pbx.ring('got-through', '0172 3334445', ['10']);
    await pbx.answer('got-through', '10');
    await pbx.hangup('got-through');
    await afterGrace();
    expect((await callOf(missed)).requestId).toBeNull();
    expect((await callOf(later)).followUpOfCallId).toBe(missed);
  });

  it('go to the routing target of a tracking number, with its source and campaign', async () => {
    const tom = await makeUser(t, 'sales', { firstName: 'Tom', lastName: 'Tracking' });
    await trackingNumber(t, {
      number: '+49711987650',
      label: 'mobile.de Golf GTI',
      source: 'mobile.de',
      campaign: 'Golf GTI März',
      routeUserId: tom.id,
    });
    const id = await missedCall('+49 160 1112223', { dialled: '0711 987650' });
    expect(await callOf(id)).toMatchObject({
      source: 'mobile.de',
      campaign: 'Golf GTI März',
      trackingNumber: { label: 'mobile.de Golf GTI', source: 'mobile.de' },
    });
    await afterGrace();
    const made = await request((await callOf(id)).requestId);
    expect(made).toMatchObject({ assignee: { id: tom.id }, source: 'mobile.de', campaign: 'Golf GTI März' });
    // An unknown caller becomes a new contact with the number.
    expect(made.contact.displayName).toContain('Anrufer');
    const contact = (await admin.get(`/api/contacts/${made.contact.id}`)).json();
    expect(contact.phones.map((p: { e164: string }) => p.e164)).toEqual(['+491601112223']);
  });

  it('go to one of the routing group of a tracking number', async () => {
    const a = await makeUser(t, 'sales', { firstName: 'Gruppe', lastName: 'Eins' });
    const b = await makeUser(t, 'sales', { firstName: 'Gruppe', lastName: 'Zwei' });
    await trackingNumber(t, { number: '+49711987651', routeGroupUserIds: [a.id, b.id] });
    const first = await missedCall('+49 160 5550001', { dialled: '+49 711 987651' });
    await afterGrace();
    const second = await missedCall('+49 160 5550002', { dialled: '+49 711 987651' });
    await afterGrace();
    const assignees = [
      (await request((await callOf(first)).requestId)).assignee.id,
      (await request((await callOf(second)).requestId)).assignee.id,
    ];
    expect(assignees.sort()).toEqual([a.id, b.id].sort());
  });

  it('from one number join the open callback instead of making a second one', async () => {
    const first = await missedCall('+49 160 4440001');
    t.clock.advance(16_000);
    const second = await missedCall('+49 160 4440001');
    await afterGrace();
    const requestId = (await callOf(first)).requestId;
    expect(requestId).not.toBeNull();
    expect((await callOf(second)).requestId).toBe(requestId);

    // Later the same day, while the callback is still open: the third call joins it too.
    t.clock.advance(2 * 3600_000);
    const third = await missedCall('0160 4440001');
    await afterGrace();
    expect((await callOf(third)).requestId).toBe(requestId);
    const [counted] = await t.database.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM customer_requests WHERE subject = 'Verpasster Anruf von 0160 4440001'`,
    );
    expect(counted!.count).toBe(1);
    const history = (await admin.get(`/api/requests/${requestId}/events`)).json() as Array<{
      kind: string;
      data: { count?: number; calledAt?: string } | null;
    }>;
    const repeats = history.filter((e) => e.kind === 'call_repeated');
    expect(repeats.map((e) => e.data?.count)).toEqual([2, 3]);
    expect(repeats.map((e) => e.data?.calledAt)).toEqual([
      (await callOf(second)).startedAt,
      (await callOf(third)).startedAt,
    ]);
  });

  it('from a number several customers share go to the looked-after customer, the others kept to choose', async () => {
    const sam = await makeUser(t, 'sales', { firstName: 'Sam', lastName: 'Stamm' });
    await clearRules(t);
    await makeRule(t, { strategy: 'regular_consultant', match: { types: ['callback'] } });
    const factory = searchFactory(t.database, () => t.clock.now());
    const regular = await factory.contact({
      location: t.location,
      lastName: 'Stammkunde',
      firstName: 'Paul',
      phones: ['0151 2223334'],
    });
    await t.database.query(`UPDATE contacts SET sales_consultant_id = $1 WHERE id = $2`, [sam.id, regular.id]);
    t.clock.advance(3600_000);
    const duplicate = await factory.contact({
      location: t.location,
      lastName: 'Stammkunde',
      firstName: 'P.',
      phones: ['0151 2223334'],
    });

    const id = await missedCall('+49 151 2223334');
    expect((await callOf(id)).matchedContactIds).toHaveLength(2);
    await afterGrace();
    const made = await request((await callOf(id)).requestId);
    expect(made).toMatchObject({ contact: { id: regular.id }, assignee: { id: sam.id } });
    expect(made.submitted).toMatchObject({ match: 'shared_number' });
    expect(made.submitted.possibleDuplicates.map((c: { id: string }) => c.id)).toEqual([duplicate.id]);
  });

  it('from a withheld number make no request', async () => {
    const id = await missedCall('anonymous');
    await afterGrace();
    expect(await callOf(id)).toMatchObject({ state: 'missed', requestId: null });
    const jobs = await t.database.query(`SELECT 1 FROM jobs WHERE unique_key = $1`, [`missed-call:${id}`]);
    expect(jobs).toHaveLength(0);
  });

  it.runIf(inject('engine') === 'postgres')('make one request even with two server processes', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) ids.push(await missedCall(`+49 160 77700${String(i).padStart(2, '0')}`));
    const second = openPostgres(t.database.pool!.options.connectionString!, 5);
    const other = await buildApp({
      config: t.config,
      database: second,
      clock: t.clock,
      logger: pino({ level: 'silent' }),
    });
    try {
      t.clock.advance(MISSED_CALL_GRACE_MS);
      await Promise.all([t.services.jobs.worker.runDue(), other.services.jobs.worker.runDue()]);
      const rows = await t.database.query<{ request_id: string | null }>(
        `SELECT request_id FROM calls WHERE id = ANY($1::uuid[])`,
        [ids],
      );
      expect(rows.every((r) => r.request_id !== null)).toBe(true);
      const [counted] = await t.database.query<{ count: number }>(
        `SELECT count(*)::int AS count FROM customer_requests WHERE subject LIKE 'Verpasster Anruf von 0160 777%'`,
      );
      expect(counted!.count).toBe(10);
    } finally {
      await other.app.close();
      await second.close();
    }
  });

  it.runIf(inject('engine') === 'postgres')(
    'from one number handled at the same moment by two processes make one request',
    async () => {
      const ids: string[] = [];
      for (let i = 0; i < 6; i++) ids.push(await missedCall('+49 160 8880000'));
      const second = openPostgres(t.database.pool!.options.connectionString!, 5);
      const other = await buildApp({
        config: t.config,
        database: second,
        clock: t.clock,
        logger: pino({ level: 'silent' }),
      });
      try {
        t.clock.advance(MISSED_CALL_GRACE_MS);
        await Promise.all([t.services.jobs.worker.runDue(), other.services.jobs.worker.runDue()]);
        const rows = await t.database.query<{ request_id: string | null }>(
          `SELECT DISTINCT request_id FROM calls WHERE id = ANY($1::uuid[])`,
          [ids],
        );
        expect(rows).toHaveLength(1);
        expect(rows[0]!.request_id).not.toBeNull();
        const [counted] = await t.database.query<{ count: number }>(
          `SELECT count(*)::int AS count FROM customer_requests WHERE subject = 'Verpasster Anruf von 0160 8880000'`,
        );
        expect(counted!.count).toBe(1);
      } finally {
        await other.app.close();
        await second.close();
      }
    },
  );
});
