import { createHmac } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sipgateWebhookUrl } from '@server/integrations/sipgate';
import { telephonyConnections } from '@server/modules/telephony/tables';
import { createTestApp, type TestApp } from '../support/app';
import { CallEventCollector } from '../support/call-event-collector';
import { PlacetelSimulator } from '../support/placetel-simulator';
import { SipgateSimulator } from '../support/sipgate-simulator';

/**
 * What an attacker or a broken PBX may post to the three push routes: a post
 * that cannot be read is refused with a 4xx naming what is wrong, one that only
 * holds text the database cannot store (NUL, an unpaired surrogate, a value too
 * long) is taken mended, as every machine input is — never a 500 — and the next
 * real event is taken as usual.
 */
let t: TestApp;
let sink: CallEventCollector;
let origin: string;
let callNumber = 0;

beforeAll(async () => {
  t = await createTestApp();
  sink = new CallEventCollector(t.services.telephony.sink);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  origin = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
});
afterAll(() => t.close());
beforeEach(() => sink.clear());

async function connection(values: Partial<typeof telephonyConnections.$inferInsert>) {
  const [row] = await t.database.db
    .insert(telephonyConnections)
    .values({ provider: 'webhook', name: 'Anlage', ...values })
    .returning();
  return row!;
}

const deepJson = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
const deepForm = (depth: number) => `event=newCall&callId=x&${'a[b]'.repeat(depth)}=1`;
/** Not UTF-8 at all, with zero bytes. */
const garbage = new Blob([new Uint8Array([0x00, 0xff, 0xfe, 0xc3, 0x28, 0x00, 0x7b, 0x7b, 0xed, 0xa0, 0x80])]);

function expectRefused(status: number, body: string, what: string) {
  expect(status, `${what}: ${body.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
  expect(status, `${what}: ${body.slice(0, 300)}`).toBeLessThan(500);
}

/** Posts that only carry unstorable text are taken, mended. */
const MENDED = /^(NUL|unpaired|huge, mended)/;

function expectAnswered(status: number, body: string, what: string) {
  if (MENDED.test(what)) expect(status, `${what}: ${body.slice(0, 300)}`).toBeLessThan(300);
  else expectRefused(status, body, what);
}

describe('sipgate push under hostile input', () => {
  it('refuses nested, huge, mistyped and garbled posts, mends NUL-laden ones and takes the next real call', async () => {
    const row = await connection({ provider: 'sipgate', secret: 'sipgate-personal-access-token' });
    const url = sipgateWebhookUrl(origin, row);
    const sim = new SipgateSimulator({ url });
    const hostile: Record<string, string | Blob> = {
      'nested keys': deepForm(20_000),
      huge: `event=newCall&callId=x&from=${'1'.repeat(200_000)}`,
      'wrong types': 'event=42&callId=&direction=sideways&from[]=1&to[x]=2',
      garbage,
      'NUL in the call id': 'event=newCall&direction=in&from=4917612345678&to=4921188401000&callId=a%00b',
      'NUL in a field name': 'event=newCall&direction=in&from=1&to=2&callId=c&x%00y=1',
    };
    for (const [what, body] of Object.entries(hostile)) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body,
      });
      expectAnswered(response.status, await response.text(), what);
    }
    const json = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: deepJson(50_000),
    });
    expectRefused(json.status, await json.text(), 'deep JSON');

    sink.clear();
    const callId = `sg-${++callNumber}`;
    const ring = await sim.newCall({ callId, from: '4917612345678', to: '4921188401000', direction: 'in' });
    expect(ring.status).toBe(200);
    expect(sink.events.map((e) => [e.callId, e.kind])).toEqual([[callId, 'ringing']]);
  });
});

describe('Placetel notify under hostile input', () => {
  it('refuses nested, huge, mistyped and garbled posts, mends NUL-laden ones and takes the next real call', async () => {
    const secret = 'placetel-notify-secret';
    const row = await connection({ provider: 'placetel', secret });
    const url = `${origin}/api/telephony/placetel/${row.id}`;
    const hostile: Record<string, string | Blob> = {
      'nested keys': deepForm(20_000),
      huge: `event=IncomingCall&call_id=x&from=${'1'.repeat(200_000)}`,
      'wrong types': 'event=IncomingCall&call_id=1&from=1&to=2&duration=-5',
      garbage,
      'NUL in the call id': 'event=IncomingCall&call_id=a%00b&from=02211234567&to=021188401000',
      'NUL in the caller': 'event=IncomingCall&call_id=p0&from=0221%00&to=021188401000',
    };
    for (const [what, body] of Object.entries(hostile)) {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-placetel-signature': createHmac('sha256', secret)
            .update(typeof body === 'string' ? body : new Uint8Array(await body.arrayBuffer()))
            .digest('hex'),
        },
        body,
      });
      expectAnswered(response.status, await response.text(), what);
    }
    sink.clear();
    const callId = `pt-${++callNumber}`;
    const sim = new PlacetelSimulator({ url, secret });
    const ring = await sim.incomingCall({ callId, from: '0221 1234567', to: '021188401000' });
    expect(ring.status).toBe(204);
    expect(sink.events.map((e) => [e.callId, e.kind])).toEqual([[callId, 'ringing']]);
  });
});

describe('generic webhook under hostile input', () => {
  it('refuses nested, mistyped and garbled events, mends huge and unstorable ones and takes the next real one', async () => {
    const row = await connection({ provider: 'webhook' });
    const admin = await t.userWithRole('admin');
    const key = (await admin.post('/api/admin/api-keys', { name: 'Anlage', scopes: ['telephony'] })).json();
    const url = `${origin}/api/telephony/webhook/${row.id}`;
    const valid = (n: number) => ({
      eventId: `wh-${n}-ring`,
      callId: `wh-${n}`,
      event: 'ringing',
      direction: 'inbound',
      from: '0171 1234567',
      to: '089 123456-0',
    });
    const hostile: Record<string, string | Blob> = {
      'nested 100,000 deep': deepJson(100_000),
      'nested arrays': `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
      'huge, mended': JSON.stringify({ ...valid(0), from: 'x'.repeat(3_000_000) }),
      'wrong types': JSON.stringify({ ...valid(0), eventId: 1, callId: [], extensions: 'x', at: {} }),
      'not an object': '[1,2,3]',
      null: 'null',
      garbage,
      'NUL in the event id': JSON.stringify({ ...valid(0), eventId: 'e\u0000' }),
      'NUL in an extension': JSON.stringify({ ...valid(0), extensions: ['2\u00001'] }),
      'unpaired surrogate in the caller': JSON.stringify(valid(0)).replace('0171 1234567', '\\ud800'),
    };
    for (const [what, body] of Object.entries(hostile)) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': key.secret },
        body,
      });
      expectAnswered(response.status, await response.text(), what);
    }
    sink.clear();
    const n = ++callNumber;
    const ring = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': key.secret },
      body: JSON.stringify(valid(n)),
    });
    expect(ring.status).toBe(200);
    expect(sink.events.map((e) => [e.callId, e.kind])).toEqual([[`wh-${n}`, 'ringing']]);
  });
});
