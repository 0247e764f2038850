import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPlacetelAdapter } from '@server/integrations/placetel';
import { ManualClock } from '@server/lib/clock';
import type { CallEvent } from '@server/modules/telephony/ports';
import { callEvents, telephonyConnections, telephonyExtensions } from '@server/modules/telephony/tables';
import { createTestApp, type TestApp } from '../support/app';
import { CallEventCollector } from '../support/call-event-collector';
import { PlacetelSimulator, placetelSign, startPlacetelApi } from '../support/placetel-simulator';

const NOW = new Date('2026-03-02T09:30:00Z');
const clock = new ManualClock(NOW);
const SECRET = 'placetel-notify-secret';
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

async function connection(values: Partial<typeof telephonyConnections.$inferInsert> = {}) {
  const [row] = await t.database.db
    .insert(telephonyConnections)
    .values({ provider: 'placetel', name: 'Placetel Köln', secret: SECRET, ...values })
    .returning();
  return row!;
}
const urlOf = (id: string) => `${origin}/api/telephony/placetel/${id}`;
const simulator = (id: string, secret = SECRET) => new PlacetelSimulator({ url: urlOf(id), secret });
const withoutPayload = (events: CallEvent[]) => events.map(({ payload: _payload, ...rest }) => rest);

const PEER_ANNA = '777123456@fpbx.de';
const PEER_MAX = '777654321@fpbx.de';

describe('Placetel notify', () => {
  it('follows a call through ring, accept and hang-up, reading national numbers in E.164', async () => {
    const row = await connection();
    const sim = simulator(row.id);
    const call = { callId: 'p-full', from: '0221 1234567', to: '021188401000', peer: PEER_ANNA };
    const posts = await sim.fullCall(call, PEER_ANNA, 42);
    expect(posts.map((p) => p.status)).toEqual([204, 204, 204]);

    const base = {
      provider: 'placetel',
      connectionId: row.id,
      callId: 'p-full',
      at: NOW,
      from: { raw: '0221 1234567', e164: '+492211234567' },
      to: { raw: '021188401000', e164: '+4921188401000' },
      extensions: [PEER_ANNA],
    };
    expect(withoutPayload(sink.events)).toEqual([
      { ...base, eventKey: 'IncomingCall:p-full', kind: 'ringing', direction: 'inbound', dialled: '+4921188401000' },
      { ...base, eventKey: `CallAccepted:p-full:${PEER_ANNA}`, kind: 'answered', answeredBy: PEER_ANNA },
      { ...base, eventKey: 'HungUp:p-full', kind: 'ended', cause: 'normalClearing' },
    ]);
    expect(sink.events[2]!.payload).toEqual({
      event: 'HungUp',
      from: '0221 1234567',
      to: '021188401000',
      call_id: 'p-full',
      peer: PEER_ANNA,
      type: 'accepted',
      duration: '42',
    });
  });

  it('pops the call while it rings to the users the called number routes to', async () => {
    const row = await connection();
    const anna = await t.userWithRole('sales');
    const max = await t.userWithRole('sales');
    await t.database.db.insert(telephonyExtensions).values([
      { connectionId: row.id, extension: PEER_ANNA, userId: anna.userId },
      { connectionId: row.id, extension: PEER_MAX, userId: max.userId },
      { connectionId: row.id, extension: '0211 88401099', userId: max.userId },
    ]);
    const sim = simulator(row.id);
    const live = async (user: typeof anna) =>
      ((await user.get('/api/calls/live')).json().items as Array<{ externalId: string }>).map((c) => c.externalId);

    // The main line has no user of its own: everyone of the connection sees it ring.
    await sim.incomingCall({ callId: 'p-route-group', from: '0221 1234567', to: '021188401000' });
    expect(await live(anna)).toContain('p-route-group');
    expect(await live(max)).toContain('p-route-group');

    // Max's direct line rings only at Max.
    await sim.incomingCall({ callId: 'p-route-direct', from: '0221 1234568', to: '021188401099' });
    expect(await live(max)).toContain('p-route-direct');
    expect(await live(anna)).not.toContain('p-route-direct');
  });

  it('reads an outgoing call as originated from the dialling peer', async () => {
    const row = await connection();
    await simulator(row.id).outgoingCall({ callId: 'p-out', from: PEER_ANNA, to: '0043 1 5123456', peer: PEER_ANNA });
    expect(withoutPayload(sink.events)).toEqual([
      {
        provider: 'placetel',
        connectionId: row.id,
        callId: 'p-out',
        at: NOW,
        eventKey: 'OutgoingCall:p-out',
        kind: 'originated',
        direction: 'outbound',
        from: { raw: PEER_ANNA, e164: null, extension: PEER_ANNA },
        to: { raw: '0043 1 5123456', e164: '+4315123456' },
        extensions: [PEER_ANNA],
      },
    ]);
  });

  it('reports a call handed to a colleague as a second acceptance by the new peer', async () => {
    const row = await connection();
    await simulator(row.id).transfer(
      { callId: 'p-transfer', from: '01761234567', to: '021188401000' },
      PEER_ANNA,
      PEER_MAX,
    );
    expect(sink.events.map((e) => [e.kind, e.answeredBy ?? null, e.extensions, e.cause ?? null])).toEqual([
      ['ringing', null, [], null],
      ['answered', PEER_ANNA, [PEER_ANNA], null],
      ['answered', PEER_MAX, [PEER_MAX], null],
      ['ended', null, [PEER_MAX], 'normalClearing'],
    ]);
  });

  it('reports missed calls with their cause, does not look up withheld or short numbers, and reads a bare 49…', async () => {
    const row = await connection();
    const sim = simulator(row.id);
    await sim.missedCall({ callId: 'p-missed', from: 'anonymous', to: '021188401000' });
    await sim.missedCall({ callId: 'p-cancel', from: '110', to: '021188401000' }, 'canceled');
    await sim.missedCall({ callId: 'p-busy', from: '4921112345678', to: '021188401000' }, 'busy');

    expect(sink.events.map((e) => [e.callId, e.kind, e.from, e.cause ?? null])).toEqual([
      ['p-missed', 'ringing', { raw: 'anonymous', e164: null }, null],
      ['p-missed', 'ended', { raw: 'anonymous', e164: null }, 'noAnswer'],
      ['p-cancel', 'ringing', { raw: '110', e164: null }, null],
      ['p-cancel', 'ended', { raw: '110', e164: null }, 'cancel'],
      // 49… without "+" and too long for a local number: Germany's country code (the shared rule).
      ['p-busy', 'ringing', { raw: '4921112345678', e164: '+4921112345678' }, null],
      ['p-busy', 'ended', { raw: '4921112345678', e164: '+4921112345678' }, 'busy'],
    ]);
  });

  it("reads national numbers in the connection's country", async () => {
    const row = await connection({ settings: { country: 'AT' } });
    await simulator(row.id).incomingCall({ callId: 'p-at', from: '0664 1234567', to: '01 5123456' });
    expect(sink.events[0]).toMatchObject({
      from: { e164: '+436641234567' },
      to: { e164: '+4315123456' },
      dialled: '+4315123456',
    });
  });

  it('changes nothing when Placetel repeats a post', async () => {
    const row = await connection();
    const sim = simulator(row.id);
    const call = { callId: 'p-twice', from: '02211234567', to: '021188401000' };
    await sim.incomingCall(call);
    await sim.incomingCall(call);
    await sim.accepted(call, PEER_ANNA);
    await sim.accepted(call, PEER_ANNA);
    await sim.hungUp(call, 'accepted', 10);
    expect((await sim.hungUp(call, 'accepted', 10)).status).toBe(204);

    expect(sink.deliveries.map((d) => [d.event.eventKey, d.applied])).toEqual([
      ['IncomingCall:p-twice', true],
      ['IncomingCall:p-twice', false],
      [`CallAccepted:p-twice:${PEER_ANNA}`, true],
      [`CallAccepted:p-twice:${PEER_ANNA}`, false],
      ['HungUp:p-twice', true],
      ['HungUp:p-twice', false],
    ]);
    expect(await t.database.db.select().from(callEvents).where(eq(callEvents.connectionId, row.id))).toHaveLength(3);
  });
});

describe('Placetel notify: signature', () => {
  const call = { callId: 'p-sig', from: '02211234567', to: '021188401000' };

  it('refuses a wrong or missing signature with 401 and stores nothing', async () => {
    const row = await connection();
    const sim = simulator(row.id);
    const bad = await sim.incomingCall(call, 'bad');
    expect(bad.status).toBe(401);
    expect(bad.contentType).toContain('application/problem+json');
    expect(JSON.parse(bad.body).detail).toMatch(/X-PLACETEL-SIGNATURE/);
    expect((await sim.incomingCall(call, 'none')).status).toBe(401);
    expect((await simulator(row.id, 'another-secret').incomingCall(call)).status).toBe(401);
    expect(sink.deliveries).toEqual([]);
  });

  it('checks the signature over the raw body, byte for byte', async () => {
    const row = await connection();
    // Same fields, different encoding: a signature over a re-encoded body would not match.
    const raw = 'event=IncomingCall&from=0221%201234567&to=021188401000&call_id=p-raw';
    const res = await fetch(urlOf(row.id), {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-placetel-signature': placetelSign(SECRET, raw),
      },
      body: raw,
    });
    expect(res.status).toBe(204);
    const tampered = await fetch(urlOf(row.id), {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-placetel-signature': placetelSign(SECRET, raw),
      },
      body: raw.replace('p-raw', 'p-raw2'),
    });
    expect(tampered.status).toBe(401);
    expect(sink.events.map((e) => [e.callId, e.from?.e164])).toEqual([['p-raw', '+492211234567']]);
  });

  it('answers 409 on a connection without a secret, a disabled one or another provider, and 404 for none', async () => {
    expect((await simulator((await connection({ secret: null })).id).incomingCall(call)).status).toBe(409);
    expect((await simulator((await connection({ enabled: false })).id).incomingCall(call)).status).toBe(409);
    expect((await simulator((await connection({ provider: 'sipgate' })).id).incomingCall(call)).status).toBe(409);
    expect((await simulator('00000000-0000-4000-8000-000000000000').incomingCall(call)).status).toBe(404);
    expect(sink.deliveries).toEqual([]);
  });
});

describe('Placetel notify: malformed posts', () => {
  const fieldsOf = (body: string) =>
    (JSON.parse(body) as { errors: Array<{ field: string }> }).errors.map((e) => e.field);

  it('answers 400 naming the missing or unknown field', async () => {
    const row = await connection();
    const sim = simulator(row.id);
    const noCallId = await sim.post([
      ['event', 'IncomingCall'],
      ['from', '0221123456'],
      ['to', '021188401000'],
    ]);
    expect(noCallId.status).toBe(400);
    expect(fieldsOf(noCallId.body)).toEqual(['call_id']);

    const unknown = await sim.post([
      ['event', 'CallRinging'],
      ['call_id', 'x'],
    ]);
    expect(unknown.status).toBe(400);
    expect(fieldsOf(unknown.body)).toEqual(['event']);

    const noNumbers = await sim.post([
      ['event', 'IncomingCall'],
      ['call_id', 'x'],
    ]);
    expect(fieldsOf(noNumbers.body)).toEqual(['from', 'to']);

    const badDuration = await sim.post([
      ['event', 'HungUp'],
      ['call_id', 'x'],
      ['duration', 'long'],
    ]);
    expect(fieldsOf(badDuration.body)).toEqual(['duration']);

    // Bad input is only reported to a sender that proved itself.
    expect((await sim.post([['event', 'CallRinging']], 'bad')).status).toBe(401);
    expect(sink.deliveries).toEqual([]);
  });
});

describe('Placetel click-to-call', () => {
  it("places the call through Placetel's REST API with the API token", async () => {
    const api = await startPlacetelApi('placetel-api-token');
    try {
      const row = await connection({ settings: { apiToken: 'placetel-api-token', baseUrl: `${api.url}/` } });
      const adapter = createPlacetelAdapter(row, t.services.telephony.sink);
      expect(adapter.status().state).toBe('connected');
      expect(await adapter.makeCall({ extension: PEER_ANNA, to: '+492211234567' })).toEqual({ externalCallId: '9001' });
      expect(api.requests).toEqual([
        expect.objectContaining({
          method: 'POST',
          path: '/api/v2/calls',
          body: { sipuid: PEER_ANNA, target: '+492211234567' },
        }),
      ]);
      expect(api.requests[0]!.headers.authorization).toBe('Bearer placetel-api-token');

      const wrong = createPlacetelAdapter(
        { ...row, settings: { apiToken: 'old', baseUrl: api.url } },
        t.services.telephony.sink,
      );
      await expect(wrong.makeCall({ extension: PEER_ANNA, to: '+492211234567' })).rejects.toThrow(
        /Placetel refused the credentials \(HTTP 401\)/,
      );
      const noToken = createPlacetelAdapter({ ...row, settings: { baseUrl: api.url } }, t.services.telephony.sink);
      await expect(noToken.makeCall({ extension: PEER_ANNA, to: '+492211234567' })).rejects.toThrow(/no API token/);
      const notUrl = createPlacetelAdapter(
        { ...row, settings: { apiToken: 'x', baseUrl: 'ftp://example.test' } },
        t.services.telephony.sink,
      );
      await expect(notUrl.makeCall({ extension: PEER_ANNA, to: '+492211234567' })).rejects.toThrow(/https:\/\//);
    } finally {
      await api.close();
    }
  });
});
