import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '@test/support/app';
import { searchFactory } from '../search/test-factories';
import { mapExtension, WebhookPbx, webhookConnection } from './test-simulator';

let t: TestApp;
let admin: TestClient;
let anna: TestClient & { userId: string };
let ben: TestClient & { userId: string };
let pbx: WebhookPbx;
let customer: { id: string; displayName: string };

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.userWithRole('admin');
  anna = await t.userWithRole('reception');
  ben = await t.userWithRole('sales');
  const connection = await webhookConnection(t, admin);
  await mapExtension(t, connection.id, '21', anna.userId);
  await mapExtension(t, connection.id, '22', ben.userId);
  pbx = new WebhookPbx(t, connection.id, connection.headers);
  customer = await searchFactory(t.database, () => t.clock.now()).contact({
    location: t.location,
    lastName: 'Huber',
    firstName: 'Karl',
    phones: ['0171 7654321'],
  });
});
afterAll(() => t.close());

const call = async (client: TestClient, id: string) => {
  const res = await client.get(`/api/calls/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('a call through the generic webhook', () => {
  it('rings, is answered, held, transferred with a new call id pointing to the original, and hung up', async () => {
    const ring = await pbx.ring('pbx-1', '+49 171 7654321', ['21']);
    expect(ring.applied).toBe(true);
    let first = await call(anna, ring.callId);
    expect(first).toMatchObject({
      state: 'ringing',
      direction: 'inbound',
      fromNumber: '+491717654321',
      toNumber: '+49711123456',
      contact: { id: customer.id, displayName: customer.displayName },
      matchedContactIds: [customer.id],
      extensions: ['21'],
      users: [{ id: anna.userId }],
    });

    t.clock.advance(5_000);
    await pbx.answer('pbx-1', '21');
    t.clock.advance(30_000);
    await pbx.hold('pbx-1');
    expect((await call(anna, ring.callId)).state).toBe('on_hold');
    await pbx.retrieve('pbx-1');
    expect((await call(anna, ring.callId)).state).toBe('answered');

    t.clock.advance(10_000);
    const transfer = await pbx.transfer('pbx-1', 'pbx-2', ['22']);
    first = await call(anna, ring.callId);
    expect(first).toMatchObject({ state: 'transferred', durationSeconds: 40, answeredBy: { id: anna.userId } });
    const second = await call(ben, transfer.callId);
    expect(second).toMatchObject({
      parentCallId: ring.callId,
      state: 'ringing',
      direction: 'inbound',
      fromNumber: '+491717654321',
      contact: { id: customer.id },
      users: [{ id: ben.userId }],
    });

    await pbx.answer('pbx-2', '22');
    t.clock.advance(125_000);
    await pbx.hangup('pbx-2');
    await pbx.hangup('pbx-1');
    expect(await call(ben, transfer.callId)).toMatchObject({
      state: 'ended',
      durationSeconds: 125,
      endCause: 'normalClearing',
    });
    expect((await call(anna, ring.callId)).state).toBe('transferred');

    const timeline = (await admin.get(`/api/contacts/${customer.id}/timeline`)).json();
    const calls = (timeline.items ?? timeline.entries).filter((e: { kind: string }) => e.kind === 'call');
    expect(calls.map((e: { summary: string }) => e.summary).sort()).toEqual([
      'Anruf von 0171 7654321 weitergeleitet (0:40 min)',
      'Eingehender Anruf von 0171 7654321 (2:05 min)',
    ]);
  });

  it('changes nothing when the same event arrives twice', async () => {
    const body = { eventId: 'dup-1', callId: 'pbx-dup', event: 'ringing', from: '0171 7654321', extensions: ['21'] };
    const first = await pbx.post(body);
    const again = await pbx.post(body);
    expect(first.json()).toEqual({ callId: first.json().callId, applied: true });
    expect(again.json()).toEqual({ callId: first.json().callId, applied: false });
    const [counted] = await t.database.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM call_events WHERE event_key = 'dup-1'`,
    );
    expect(counted!.count).toBe(1);
  });

  it('takes an answer before the ring and a hang-up before the answer in its stride', async () => {
    const start = t.clock.now();
    t.clock.advance(10_000);
    const answered = await pbx.answer('pbx-ooo', '22', { direction: 'inbound', from: '0171 7654321' });
    expect((await call(ben, answered.callId)).state).toBe('answered');
    await pbx.send('pbx-ooo', 'ringing', { at: start.toISOString(), extensions: ['21', '22'] });
    const afterRing = await call(ben, answered.callId);
    expect(afterRing).toMatchObject({ state: 'answered', startedAt: start.toISOString() });
    expect(afterRing.users.map((u: { id: string }) => u.id).sort()).toEqual([anna.userId, ben.userId].sort());

    // Hang-up first, answer afterwards: not a missed call.
    const ended = await pbx.send('pbx-late', 'ended', {
      direction: 'inbound',
      from: '0171 7654321',
      extensions: ['21'],
    });
    expect((await call(anna, ended.callId)).state).toBe('missed');
    await pbx.send('pbx-late', 'answered', {
      answeredBy: '21',
      at: new Date(t.clock.now().getTime() - 60_000).toISOString(),
    });
    expect((await call(anna, ended.callId)).state).toBe('ended');
  });

  it('answers 400 naming the field for a malformed event', async () => {
    const res = await pbx.post({ eventId: 'bad-1', callId: 'x', event: 'exploded' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain('event');
    const missing = await pbx.post({ callId: 'x', event: 'ringing' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors.map((e: { field: string }) => e.field)).toContain('eventId');
  });

  it('refuses an API key without the telephony scope, and unknown, disabled or foreign connections', async () => {
    const intake = await admin.post('/api/admin/api-keys', { name: 'Webformular', scopes: ['intake'] });
    const wrongScope = await pbx.post(
      { eventId: 'scope-1', callId: 'x', event: 'ringing' },
      { 'x-api-key': intake.json().secret as string },
    );
    expect(wrongScope.statusCode).toBe(403);
    expect((await pbx.post({ eventId: 'anon-1', callId: 'x', event: 'ringing' }, {})).statusCode).toBe(401);

    const headers = (await webhookConnection(t, admin)).headers;
    const unknown = await new WebhookPbx(t, '00000000-0000-4000-8000-000000000000', headers).post({
      eventId: 'u-1',
      callId: 'x',
      event: 'ringing',
    });
    expect(unknown.statusCode).toBe(404);
    const off = await webhookConnection(t, admin, { enabled: false });
    const disabled = await new WebhookPbx(t, off.id, off.headers).post({
      eventId: 'd-1',
      callId: 'x',
      event: 'ringing',
    });
    expect(disabled.statusCode).toBe(409);
    expect(disabled.json().detail).toContain('switched off');
    const sipgate = await webhookConnection(t, admin, { provider: 'sipgate' });
    const foreign = await new WebhookPbx(t, sipgate.id, sipgate.headers).post({
      eventId: 'f-1',
      callId: 'x',
      event: 'ringing',
    });
    expect(foreign.statusCode).toBe(409);
  });

  it('lists calls newest first with a cursor, and the live calls of the signed-in user', async () => {
    const live = await pbx.ring('pbx-live', '+49 171 7654321', ['22']);
    const mine = (await ben.get('/api/calls/live')).json().items.map((c: { id: string }) => c.id);
    expect(mine).toContain(live.callId);
    expect((await anna.get('/api/calls/live')).json().items.map((c: { id: string }) => c.id)).not.toContain(
      live.callId,
    );

    const page1 = (await admin.get(`/api/calls?contactId=${customer.id}&limit=2`)).json();
    expect(page1.items).toHaveLength(2);
    const page2 = (await admin.get(`/api/calls?contactId=${customer.id}&limit=2&cursor=${page1.nextCursor}`)).json();
    const all = [...page1.items, ...page2.items].map((c: { startedAt: string }) => c.startedAt);
    expect(all).toEqual([...all].sort().reverse());
    expect(new Set([...page1.items, ...page2.items].map((c: { id: string }) => c.id)).size).toBe(all.length);
    expect((await admin.get('/api/calls?cursor=nonsense')).statusCode).toBe(400);
  });
});
