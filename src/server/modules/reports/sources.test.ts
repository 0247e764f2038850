import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '@test/support/app';
import { fixture } from '@server/integrations/adf/test-helpers';
import { intakeKey, newCustomer } from '../requests/test-support';
import { MISSED_CALL_GRACE_MS } from '../telephony/missed';
import { mapExtension, trackingNumber, WebhookPbx, webhookConnection } from '../telephony/test-simulator';

/*
 * Leads per source and campaign (R0.3, R3.5), fed the way they really arrive:
 * a call to a tracking number, portals through the JSON and ADF intake, and
 * staff at the counter.
 */
let t: TestApp;
let manager: TestClient;
let key: { headers: Record<string, string> };
const day = 'from=2026-03-02&to=2026-03-02&groupBy=source';

type Row = { key: string; label: string; received: number };

beforeAll(async () => {
  t = await createTestApp({ env: { CRM_SESSION_IDLE_MINUTES: '100000', CRM_SESSION_MAX_HOURS: '100000' } });
  t.clock.set('2026-03-02T09:00:00Z');
  const admin = await t.userWithRole('admin');
  manager = await t.userWithRole('manager');
  const reception = await t.userWithRole('reception');
  key = await intakeKey(t, admin);

  // A missed call to the spring campaign's number becomes a callback request.
  const connection = await webhookConnection(t, admin);
  await mapExtension(t, connection.id, '10', reception.userId);
  const pbx = new WebhookPbx(t, connection.id, connection.headers);
  await trackingNumber(t, { number: '+49711987650', source: 'Google Ads', campaign: 'Frühjahr 2026' });
  await pbx.ring('tracked', '+49 160 1112223', ['10'], { dialled: '0711 987650' });
  t.clock.advance(20_000);
  await pbx.hangup('tracked', 'cancel');
  t.clock.advance(MISSED_CALL_GRACE_MS);
  await t.services.jobs.worker.runDue();

  const portal = async (n: number, body: Record<string, unknown>) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/intake/requests',
      headers: { ...key.headers, 'idempotency-key': `lead-${n}` },
      payload: { type: 'sales_lead', locationCode: t.location.code, customer: newCustomer(), ...body },
    });
    if (res.statusCode !== 201) throw new Error(`intake: ${res.statusCode} ${res.body}`);
  };
  await portal(1, { source: 'mobile.de', channel: 'lead_portal' });
  // The same portal written another way is the same source; the row shows the first spelling.
  t.clock.advance(60_000);
  await portal(2, { source: 'Mobile.de ', channel: 'lead_portal' });
  await portal(3, { source: 'Website', campaign: 'Frühjahr 2026' });
  const adf = await t.app.inject({
    method: 'POST',
    url: '/api/intake/adf',
    payload: fixture('mobile-de.xml'),
    headers: { ...key.headers, 'content-type': 'application/xml' },
  });
  if (adf.statusCode !== 201) throw new Error(`adf: ${adf.statusCode} ${adf.body}`);

  const walkIn = await reception.post('/api/requests', {
    type: 'general',
    channel: 'walk_in',
    locationId: t.location.id,
    subject: 'Frage zum Angebot',
    customer: newCustomer(),
  });
  if (walkIn.statusCode !== 201) throw new Error(`walk-in: ${walkIn.statusCode} ${walkIn.body}`);
}, 120_000);
afterAll(() => t.close());

describe('leads per source and campaign', () => {
  it('counts the requests of each source and campaign, from calls, portals and the counter', async () => {
    const res = await manager.get(`/api/reports/monitoring?${day}`);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json() as { groupBy: string; rows: Row[]; total: Row };
    expect(report.groupBy).toBe('source');
    expect(Object.fromEntries(report.rows.map((r) => [r.label, r.received]))).toEqual({
      'Google Ads · Frühjahr 2026': 1,
      'mobile.de': 2,
      'mobile.de GmbH · Händleranfrage': 1,
      'Website · Frühjahr 2026': 1,
      'ohne Quelle (Vor Ort)': 1,
    });
    expect(report.rows.find((r) => r.label === 'ohne Quelle (Vor Ort)')!.key).toBe('channel:walk_in');
    expect(report.total.received).toBe(6);
  });

  it('drills down to the requests of one source and exports the rows as CSV', async () => {
    const report = (await manager.get(`/api/reports/monitoring?${day}`)).json() as { rows: Row[] };
    const mobile = report.rows.find((r) => r.label === 'mobile.de')!;
    const drill = await manager.get(
      `/api/reports/monitoring/requests?${day}&key=${encodeURIComponent(mobile.key)}&measure=received`,
    );
    expect(drill.statusCode, drill.body).toBe(200);
    expect(drill.json().map((r: { channel: string }) => r.channel)).toEqual(['lead_portal', 'lead_portal']);

    const tracked = report.rows.find((r) => r.label === 'Google Ads · Frühjahr 2026')!;
    const calls = (
      await manager.get(`/api/reports/monitoring/requests?${day}&key=${encodeURIComponent(tracked.key)}`)
    ).json();
    expect(calls).toEqual([expect.objectContaining({ type: 'callback', channel: 'phone' })]);

    const csv = (await manager.get(`/api/reports/monitoring.csv?${day}`)).body.replace(/^\uFEFF/, '').split('\r\n');
    expect(csv[0]).toMatch(/^Quelle \/ Kampagne;Eingegangen;/);
    expect(csv).toContainEqual(expect.stringMatching(/^Google Ads · Frühjahr 2026;1;/));
    expect(csv).toContainEqual(expect.stringMatching(/^mobile\.de;2;/));
  });
});
