import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '@test/support/app';
import { searchFactory } from '../modules/search/test-factories';
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemoOrganisation } from './org';
import { seedDemoTelephony } from './telephony';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoOrganisation(t.services);
  await seedDemoTelephony(t.database);
}, 120_000);
afterAll(() => t.close());

describe('demo telephony', () => {
  it('rings the demo sales consultant when the München phone system posts a call to his extension', async () => {
    const admin = await t.userWithRole('admin');
    const [connection] = await t.database.query<{ id: string }>(
      `SELECT id FROM telephony_connections WHERE name = 'Telefonanlage München'`,
    );
    const [mapped] = await t.database.query<{ extension: string }>(
      `SELECT e.extension FROM telephony_extensions e JOIN users u ON u.id = e.user_id WHERE u.email = $1`,
      [DEMO_LOGINS.sales],
    );
    expect(mapped).toBeDefined();
    const key = await admin.post('/api/admin/api-keys', { name: 'Telefonanlage', scopes: ['telephony'] });
    const [munich] = await t.database.query<{ id: string; code: string }>(
      `SELECT id, code FROM locations WHERE code = 'MUC'`,
    );
    await searchFactory(t.database, () => t.clock.now()).contact({
      location: munich!,
      lastName: 'Müller',
      firstName: 'Hans',
      phones: ['0171 1234567'],
    });

    const ring = await t.anonymous.request({
      method: 'POST',
      url: `/api/telephony/webhook/${connection!.id}`,
      headers: { 'x-api-key': key.json().secret },
      payload: {
        eventId: 'demo-1',
        callId: 'demo-1',
        event: 'ringing',
        from: '0171 1234567',
        extensions: [mapped!.extension],
      },
    });
    expect(ring.statusCode, ring.body).toBe(200);

    const consultant = await t.login(DEMO_LOGINS.sales, DEMO_PASSWORD);
    const live = (await consultant.get('/api/calls/live')).json().items;
    expect(live).toHaveLength(1);
    expect(live[0].contact.displayName).toContain('Müller');
  });

  it('has tracking numbers for an ad portal and a workshop campaign', async () => {
    const rows = await t.database.query<{ source: string }>(`SELECT source FROM tracking_numbers ORDER BY source`);
    expect(rows.map((r) => r.source)).toEqual(['Google Ads', 'mobile.de']);
  });
});
