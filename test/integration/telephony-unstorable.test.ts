import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sipgateWebhookUrl } from '@server/integrations/sipgate';
import { ManualClock } from '@server/lib/clock';
import { telephonyConnections } from '@server/modules/telephony/tables';
import { webhookConnection } from '@server/modules/telephony/test-simulator';
import { createTestApp, type TestApp, type TestClient } from '../support/app';
import { PlacetelSimulator } from '../support/placetel-simulator';
import { SipgateSimulator } from '../support/sipgate-simulator';

/*
 * A phone system that sends a NUL character or an impossible date in a call event still gets
 * its call shown and stored: the event is taken in without what cannot be stored. It used to
 * fail with a 500 on every delivery, so the call never popped up.
 */

const NOW = new Date('2026-03-02T08:00:00Z');
let t: TestApp;
let admin: TestClient;
let origin: string;

beforeAll(async () => {
  t = await createTestApp({ clock: new ManualClock(NOW) });
  admin = await t.userWithRole('admin');
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  origin = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
});
afterAll(() => t.close());

async function storedEvents(connectionId: string) {
  const res = await admin.get(`/api/telephony/connections/${connectionId}/events`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Array<{ kind: string; at: string; payload: Record<string, unknown> | null }>;
}

describe('call events holding what the database cannot store', () => {
  it('takes a generic webhook event in without the NUL and the impossible date, and says so', async () => {
    const pbx = await webhookConnection(t, admin);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/telephony/webhook/${pbx.id}`,
      headers: pbx.headers,
      payload: {
        eventId: 'evt-1',
        callId: 'call-nul',
        event: 'ringing',
        direction: 'inbound',
        from: '+49 171 2345678',
        extensions: ['21\u0000'],
        answeredBy: 'Anna\u0000 Berger',
        at: '0000-01-01T00:00:00Z',
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().warnings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'nul_removed', path: 'extensions.0' }),
        expect.objectContaining({ code: 'nul_removed', path: 'answeredBy' }),
        expect.objectContaining({ code: 'date_dropped', path: 'at' }),
      ]),
    );
    const [event] = await storedEvents(pbx.id);
    expect(event).toMatchObject({ at: NOW.toISOString(), payload: { extensions: ['21'], answeredBy: 'Anna Berger' } });
  });

  it('takes a sipgate push whose user name holds a NUL in, without it', async () => {
    const [row] = await t.database.db
      .insert(telephonyConnections)
      .values({ provider: 'sipgate', name: 'sipgate', secret: 'sipgate-personal-access-token' })
      .returning();
    const sim = new SipgateSimulator({ url: sipgateWebhookUrl(origin, row!) });
    const post = await sim.newCall({
      callId: 'sg-nul',
      from: '4917612345678',
      to: '4921188401000',
      direction: 'in',
      users: ['Anna\u0000 Berger'],
      userIds: ['w0'],
    });
    expect(post.status, post.body).toBe(200);
    const [event] = await storedEvents(row!.id);
    expect(event!.payload).toMatchObject({ 'user[]': ['Anna Berger'] });
  });

  it('takes a Placetel notification whose caller field holds a NUL in, without it', async () => {
    const secret = 'placetel-notify-secret';
    const [row] = await t.database.db
      .insert(telephonyConnections)
      .values({ provider: 'placetel', name: 'Placetel', secret })
      .returning();
    const sim = new PlacetelSimulator({ url: `${origin}/api/telephony/placetel/${row!.id}`, secret });
    const post = await sim.post([
      ['event', 'IncomingCall'],
      ['from', '0221\u00001234567'],
      ['to', '022188401000'],
      ['call_id', 'pt-nul'],
    ]);
    expect(post.status, post.body).toBe(204);
    const [event] = await storedEvents(row!.id);
    expect(event!.payload).toMatchObject({ from: '02211234567' });
  });
});
