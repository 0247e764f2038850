import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSipgateAdapter, sipgateWebhookUrl } from '@server/integrations/sipgate';
import { ManualClock } from '@server/lib/clock';
import type { CallEvent } from '@server/modules/telephony/ports';
import { callEvents, telephonyConnections } from '@server/modules/telephony/tables';
import { createTestApp, type TestApp } from '../support/app';
import { CallEventCollector } from '../support/call-event-collector';
import { SipgateSimulator, sipgateKeys, startSipgateApi } from '../support/sipgate-simulator';

const NOW = new Date('2026-03-02T08:00:00Z');
const clock = new ManualClock(NOW);
let t: TestApp;
let sink: CallEventCollector;
let origin: string;

beforeAll(async () => {
  t = await createTestApp({ clock });
  sink = new CallEventCollector(t.services.telephony.sink);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  origin = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
});
afterAll(() => t.close());
beforeEach(() => sink.clear());

type ConnectionInsert = typeof telephonyConnections.$inferInsert;
async function connection(values: Partial<ConnectionInsert> = {}) {
  const [row] = await t.database.db
    .insert(telephonyConnections)
    .values({ provider: 'sipgate', name: 'sipgate Zentrale', secret: 'sipgate-personal-access-token', ...values })
    .returning();
  return row!;
}

/** The events as the call service receives them, without the raw payload (checked separately). */
const withoutPayload = (events: CallEvent[]) => events.map(({ payload: _payload, ...rest }) => rest);

const CUSTOMER = '4917612345678';
const OUR_LINE = '4921188401000';

describe('sipgate.io push', () => {
  it('follows a call through ring, answer and hang-up, asking sipgate for the follow-ups', async () => {
    const row = await connection();
    const sim = new SipgateSimulator({ url: sipgateWebhookUrl(origin, row) });
    const call = { callId: 'c-full', from: CUSTOMER, to: OUR_LINE, direction: 'in' as const };

    const [ring, answer, hangup] = await sim.fullCall(
      { ...call, users: ['Anna Berger', 'Max Kurz'], userIds: ['w0', 'w1'] },
      { user: 'Anna Berger', userId: 'w0' },
    );

    expect(ring!.status).toBe(200);
    expect(ring!.contentType).toContain('application/xml');
    const followUp = sipgateWebhookUrl(origin, row).replace(/&/g, '&amp;');
    expect(ring!.body).toBe(
      `<?xml version="1.0" encoding="UTF-8"?>\n<Response onAnswer="${followUp}" onHangup="${followUp}"/>\n`,
    );
    expect(answer?.status).toBe(200);
    expect(hangup?.status).toBe(200);

    const base = { provider: 'sipgate', connectionId: row.id, callId: 'c-full', at: NOW };
    expect(withoutPayload(sink.events)).toEqual([
      {
        ...base,
        eventKey: 'newCall:c-full',
        kind: 'ringing',
        parentCallId: null,
        direction: 'inbound',
        from: { raw: CUSTOMER, e164: '+4917612345678' },
        to: { raw: OUR_LINE, e164: '+4921188401000' },
        dialled: '+4921188401000',
        extensions: ['w0', 'w1', 'Anna Berger', 'Max Kurz'],
      },
      {
        ...base,
        eventKey: 'answer:c-full:1234567w0',
        kind: 'answered',
        extensions: ['w0', 'Anna Berger'],
        answeredBy: 'w0',
      },
      { ...base, eventKey: 'hangup:c-full', kind: 'ended', cause: 'normalClearing' },
    ]);
    expect(sink.events[0]!.payload).toMatchObject({
      event: 'newCall',
      from: CUSTOMER,
      'user[]': ['Anna Berger', 'Max Kurz'],
      'userId[]': ['w0', 'w1'],
    });
  });

  it('reads an outgoing call as originated, with the dialling user as extension', async () => {
    const row = await connection();
    const sim = new SipgateSimulator({ url: sipgateWebhookUrl(origin, row) });
    await sim.newCall({ callId: 'c-out', from: OUR_LINE, to: '4369912345678', direction: 'out', userIds: ['p0'] });
    expect(withoutPayload(sink.events)).toEqual([
      {
        provider: 'sipgate',
        connectionId: row.id,
        callId: 'c-out',
        at: NOW,
        eventKey: 'newCall:c-out',
        kind: 'originated',
        parentCallId: null,
        direction: 'outbound',
        from: { raw: OUR_LINE, e164: '+4921188401000' },
        to: { raw: '4369912345678', e164: '+4369912345678' },
        dialled: null,
        extensions: ['p0'],
      },
    ]);
  });

  it('links a transfer: the new call points to the original, which ends as transferred', async () => {
    const row = await connection();
    const sim = new SipgateSimulator({ url: sipgateWebhookUrl(origin, row) });
    const original = { callId: 'c-orig', from: CUSTOMER, to: OUR_LINE, direction: 'in' as const, userIds: ['w0'] };
    await sim.newCall(original);
    await sim.answer('c-orig', { user: 'Anna Berger', userId: 'w0' });
    await sim.transfer(
      original,
      { callId: 'c-next', from: CUSTOMER, to: OUR_LINE, direction: 'in', userIds: ['w1'] },
      {
        user: 'Max Kurz',
        userId: 'w1',
      },
    );

    expect(
      sink.events.map((e) => [e.callId, e.kind, e.parentCallId ?? null, e.answeredBy ?? null, e.cause ?? null]),
    ).toEqual([
      ['c-orig', 'ringing', null, null, null],
      ['c-orig', 'answered', null, 'w0', null],
      ['c-next', 'ringing', 'c-orig', null, null],
      ['c-orig', 'transferred', null, null, 'forwarded'],
      ['c-next', 'answered', null, 'w1', null],
      ['c-next', 'ended', null, null, 'normalClearing'],
    ]);
  });

  it('reports a missed call from a withheld number: no answer, ended with the cause, caller not looked up', async () => {
    const row = await connection();
    const sim = new SipgateSimulator({ url: sipgateWebhookUrl(origin, row) });
    await sim.missedCall({ callId: 'c-missed', from: 'anonymous', to: OUR_LINE, direction: 'in', userIds: ['w0'] });
    await sim.missedCall({ callId: 'c-timeout', from: CUSTOMER, to: OUR_LINE, direction: 'in' }, 'noAnswer');

    expect(
      sink.events.map((e) => [e.callId, e.kind, e.from?.e164 ?? null, e.from?.raw ?? null, e.cause ?? null]),
    ).toEqual([
      ['c-missed', 'ringing', null, 'anonymous', null],
      ['c-missed', 'ended', null, null, 'cancel'],
      ['c-timeout', 'ringing', '+4917612345678', CUSTOMER, null],
      ['c-timeout', 'ended', null, null, 'noAnswer'],
    ]);
  });

  it('does not count the voicemail taking a call as an answer', async () => {
    const row = await connection();
    const sim = new SipgateSimulator({ url: sipgateWebhookUrl(origin, row) });
    await sim.newCall({ callId: 'c-vm', from: CUSTOMER, to: OUR_LINE, direction: 'in' });
    expect((await sim.answer('c-vm', { user: 'voicemail' }))?.status).toBe(200);
    await sim.hangup('c-vm', 'normalClearing');
    expect(sink.events.map((e) => e.kind)).toEqual(['ringing', 'ended']);
  });

  it('reads internal sipgate ids as extensions and short numbers as not looked up', async () => {
    const row = await connection();
    const sim = new SipgateSimulator({ url: sipgateWebhookUrl(origin, row) });
    await sim.newCall({ callId: 'c-int', from: 'e0', to: '110', direction: 'out' });
    expect(sink.events[0]).toMatchObject({
      from: { raw: 'e0', e164: null, extension: 'e0' },
      to: { raw: '110', e164: null },
    });
  });

  it('changes nothing when sipgate repeats a push', async () => {
    const row = await connection();
    const sim = new SipgateSimulator({ url: sipgateWebhookUrl(origin, row) });
    const call = { callId: 'c-twice', from: CUSTOMER, to: OUR_LINE, direction: 'in' as const, userIds: ['w0'] };
    await sim.newCall(call);
    const again = await sim.newCall(call);
    await sim.answer('c-twice', { user: 'Anna', userId: 'w0' });
    await sim.answer('c-twice', { user: 'Anna', userId: 'w0' });
    await sim.hangup('c-twice', 'normalClearing');
    await sim.hangup('c-twice', 'normalClearing');

    expect(again.status).toBe(200);
    expect(sink.deliveries.map((d) => [d.event.eventKey, d.applied])).toEqual([
      ['newCall:c-twice', true],
      ['newCall:c-twice', false],
      ['answer:c-twice:1234567w0', true],
      ['answer:c-twice:1234567w0', false],
      ['hangup:c-twice', true],
      ['hangup:c-twice', false],
    ]);
    const stored = await t.database.db.select().from(callEvents).where(eq(callEvents.connectionId, row.id));
    expect(stored).toHaveLength(3);
  });

  it('sends no follow-ups when the answer to newCall does not ask for them', async () => {
    const sim = new SipgateSimulator({ url: `${origin}/api/health` });
    const post = await sim.newCall({ callId: 'c-none', from: CUSTOMER, to: OUR_LINE, direction: 'in' });
    expect(post.status).not.toBe(200);
    expect(await sim.answer('c-none', { user: 'Anna' })).toBeNull();
    expect(await sim.hangup('c-none', 'normalClearing')).toBeNull();
  });
});

describe('sipgate.io push: who may post', () => {
  it('refuses a missing or wrong token in the URL', async () => {
    const row = await connection();
    const url = `${origin}/api/telephony/sipgate/${row.id}`;
    const sim = new SipgateSimulator({ url });
    const call = { callId: 'c-token', from: CUSTOMER, to: OUR_LINE, direction: 'in' as const };
    const missing = await sim.newCall(call);
    expect(missing.status).toBe(401);
    expect(missing.contentType).toContain('application/problem+json');
    expect(JSON.parse(missing.body).detail).toMatch(/token/);
    expect((await new SipgateSimulator({ url: `${url}?token=${row.secret}` }).newCall(call)).status).toBe(401);
    expect(sink.deliveries).toEqual([]);
  });

  it("checks sipgate's signature when the connection has its public key", async () => {
    const keys = sipgateKeys();
    const row = await connection({ secret: null, settings: { publicKey: keys.publicKeyPem } });
    const url = sipgateWebhookUrl(origin, row);
    expect(url).not.toContain('token=');
    const signed = new SipgateSimulator({ url, privateKey: keys.privateKey });
    const call = { callId: 'c-signed', from: CUSTOMER, to: OUR_LINE, direction: 'in' as const };
    expect((await signed.newCall(call)).status).toBe(200);

    const other = sipgateKeys();
    const forged = await new SipgateSimulator({ url, privateKey: other.privateKey }).newCall({
      ...call,
      callId: 'c-forged',
    });
    expect(forged.status).toBe(401);
    expect(JSON.parse(forged.body).detail).toMatch(/X-Sipgate-Signature/);

    const unsigned = await new SipgateSimulator({ url }).newCall({ ...call, callId: 'c-unsigned' });
    expect(unsigned.status).toBe(401);

    // A body changed on the way no longer matches its signature.
    const body = 'event=newCall&direction=in&from=4917600000000&to=4921188401000&callId=c-tampered';
    const goodSignature = (await import('node:crypto'))
      .sign('sha256', Buffer.from(body.replace('4917600000000', CUSTOMER)), keys.privateKey)
      .toString('base64');
    expect((await signed.post(url, [], { body, signature: goodSignature })).status).toBe(401);

    expect(sink.events.map((e) => e.callId)).toEqual(['c-signed']);
  });

  it('admits only listed addresses when the connection has an IP allow-list', async () => {
    const blocked = await connection({ secret: null, settings: { allowedIps: ['217.116.118.254', '212.9.46.32'] } });
    const call = { callId: 'c-ip', from: CUSTOMER, to: OUR_LINE, direction: 'in' as const };
    const refused = await new SipgateSimulator({ url: sipgateWebhookUrl(origin, blocked) }).newCall(call);
    expect(refused.status).toBe(403);

    const local = await connection({ secret: null, settings: { allowedIps: ['127.0.0.0/8', '::1'] } });
    expect((await new SipgateSimulator({ url: sipgateWebhookUrl(origin, local) }).newCall(call)).status).toBe(200);
  });

  it('accepts nothing on a connection with no way to check the sender', async () => {
    const row = await connection({ secret: null });
    const res = await new SipgateSimulator({ url: sipgateWebhookUrl(origin, row) }).newCall({
      callId: 'c-open',
      from: CUSTOMER,
      to: OUR_LINE,
      direction: 'in',
    });
    expect(res.status).toBe(409);
    expect(sink.deliveries).toEqual([]);
  });

  it('answers 404 for an unknown connection and 409 for a disabled one or another provider', async () => {
    const call = { callId: 'c-conn', from: CUSTOMER, to: OUR_LINE, direction: 'in' as const };
    const unknown = await new SipgateSimulator({
      url: `${origin}/api/telephony/sipgate/00000000-0000-4000-8000-000000000000`,
    }).newCall(call);
    expect(unknown.status).toBe(404);

    const disabled = await connection({ enabled: false });
    expect((await new SipgateSimulator({ url: sipgateWebhookUrl(origin, disabled) }).newCall(call)).status).toBe(409);

    const placetel = await connection({ provider: 'placetel' });
    const wrong = await new SipgateSimulator({ url: sipgateWebhookUrl(origin, placetel) }).newCall(call);
    expect(wrong.status).toBe(409);
    expect(JSON.parse(wrong.body).detail).toMatch(/placetel/);
    expect(sink.deliveries).toEqual([]);
  });
});

describe('sipgate.io push: malformed posts', () => {
  const fieldsOf = (body: string) =>
    (JSON.parse(body) as { errors: Array<{ field: string }> }).errors.map((e) => e.field);

  it('answers 400 naming the missing or unknown field', async () => {
    const row = await connection();
    const url = sipgateWebhookUrl(origin, row);
    const sim = new SipgateSimulator({ url });

    const noCallId = await sim.post(url, [
      ['event', 'newCall'],
      ['direction', 'in'],
      ['from', CUSTOMER],
      ['to', OUR_LINE],
    ]);
    expect(noCallId.status).toBe(400);
    expect(fieldsOf(noCallId.body)).toEqual(['callId']);

    const noEvent = await sim.post(url, [['callId', 'x']]);
    expect(noEvent.status).toBe(400);
    expect(fieldsOf(noEvent.body)).toEqual(['event']);

    const unknown = await sim.post(url, [
      ['event', 'dtmf'],
      ['callId', 'x'],
    ]);
    expect(unknown.status).toBe(400);
    expect(JSON.parse(unknown.body).errors[0]).toMatchObject({
      field: 'event',
      message: expect.stringMatching(/newCall/),
    });

    const badDirection = await sim.post(url, [
      ['event', 'newCall'],
      ['callId', 'x'],
      ['direction', 'sideways'],
      ['to', OUR_LINE],
    ]);
    expect(badDirection.status).toBe(400);
    expect(fieldsOf(badDirection.body)).toEqual(['direction', 'from']);

    const empty = await sim.post(url, [], { body: '' });
    expect(empty.status).toBe(400);
    expect(sink.deliveries).toEqual([]);
  });

  it('refuses JSON with 415 and a malformed connection id with 400 naming it', async () => {
    const row = await connection();
    const json = await fetch(sipgateWebhookUrl(origin, row), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ event: 'newCall', callId: 'x' }),
    });
    expect(json.status).toBe(415);

    const badId = await fetch(`${origin}/api/telephony/sipgate/not-an-id`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'event=newCall&callId=x',
    });
    expect(badId.status).toBe(400);
    expect(((await badId.json()) as { errors: Array<{ field: string }> }).errors.map((e) => e.field)).toEqual([
      'connectionId',
    ]);
  });

  it('leaves the rest of the app without a form parser', async () => {
    const res = await fetch(`${origin}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'email=a%40b.test&password=x',
    });
    expect(res.status).toBe(415);
  });
});

describe('sipgate click-to-call', () => {
  it("places the call through sipgate's REST API with the connection's token", async () => {
    const api = await startSipgateApi({ tokenId: 'token-A1B2C3', token: 'sipgate-personal-access-token' });
    try {
      const row = await connection({
        settings: { tokenId: 'token-A1B2C3', baseUrl: api.url, callerId: '+4921188401000' },
      });
      const adapter = createSipgateAdapter(row, t.services.telephony.sink);
      expect(adapter.status().state).toBe('connected');
      await adapter.start();

      expect(await adapter.makeCall({ extension: 'e0', to: '+4917612345678' })).toEqual({
        externalCallId: 'session-1',
      });
      expect(api.requests).toHaveLength(1);
      expect(api.requests[0]).toMatchObject({
        method: 'POST',
        path: '/v2/sessions/calls',
        body: { deviceId: 'e0', caller: 'e0', callee: '+4917612345678', callerId: '+4921188401000' },
      });
      expect(api.requests[0]!.headers.authorization).toBe(
        `Basic ${Buffer.from('token-A1B2C3:sipgate-personal-access-token').toString('base64')}`,
      );

      await expect(adapter.makeCall({ extension: 'Anna', to: '+4917612345678' })).rejects.toThrow(
        /sipgate could not place the call \(HTTP 403\): Device not found/,
      );
      const wrongToken = createSipgateAdapter({ ...row, secret: 'expired-token' }, t.services.telephony.sink);
      await expect(wrongToken.makeCall({ extension: 'e0', to: '+4917612345678' })).rejects.toThrow(
        /sipgate refused the credentials \(HTTP 401\)/,
      );
      const noTokenId = createSipgateAdapter({ ...row, settings: { baseUrl: api.url } }, t.services.telephony.sink);
      await expect(noTokenId.makeCall({ extension: 'e0', to: '+4917612345678' })).rejects.toThrow(/token id/);
    } finally {
      await api.close();
    }
  });

  it('says so when sipgate cannot be reached', async () => {
    const api = await startSipgateApi({ tokenId: 't', token: 'x' });
    await api.close();
    const row = await connection({ settings: { tokenId: 't', baseUrl: api.url } });
    await expect(
      createSipgateAdapter(row, t.services.telephony.sink).makeCall({ extension: 'e0', to: '+4917612345678' }),
    ).rejects.toThrow(/sipgate could not be reached at http:\/\/127\.0\.0\.1:\d+/);
    expect(createSipgateAdapter({ ...row, enabled: false }, t.services.telephony.sink).status().state).toBe('disabled');
  });
});
