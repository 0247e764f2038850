import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '@test/support/app';
import { ManualClock } from '../lib/clock';
import { seedDemoComplaints } from './complaints';
import { seedDemoCustomers } from './customers';
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemoOrganisation } from './org';
import { seedDemoRequests } from './requests';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock: new ManualClock('2026-03-12T10:30:00Z') });
  await seedDemoOrganisation(t.services);
  await seedDemoCustomers(t.services, t.database, { count: 300, now: t.clock.now() });
  await seedDemoRequests(t.services, t.database, { now: t.clock.now(), days: 7 });
  await seedDemoComplaints(t.services, t.database, { now: t.clock.now() });
}, 240_000);
afterAll(() => t.close());

describe('demo complaints', () => {
  it('has a complaint in every state in every house, with an overdue step and similar delivery delays', async () => {
    const rows = await t.database.query<{ status: string; location_id: string; justified: string }>(
      'SELECT status, location_id, justified FROM complaint_cases',
    );
    expect(new Set(rows.map((r) => r.status))).toEqual(
      new Set(['new', 'qualified', 'in_remedy', 'passed_on', 'closed']),
    );
    expect(new Set(rows.map((r) => r.location_id)).size).toBe(3);
    expect(rows.filter((r) => r.status === 'closed').map((r) => r.justified)).toEqual(
      expect.arrayContaining(['yes', 'no']),
    );

    const manager = await t.login(DEMO_LOGINS.manager, DEMO_PASSWORD);
    const overdue = await manager.get('/api/complaints?filter=overdue');
    expect(overdue.statusCode, overdue.body).toBe(200);
    expect(overdue.json().items.length).toBeGreaterThanOrEqual(1);
    const open = (await manager.get('/api/complaints?filter=open')).json().items as Array<{
      id: string;
      status: string;
    }>;
    const fresh = open.find((c) => c.status === 'new')!;
    const similar = await manager.get(`/api/complaints/${fresh.id}/similar?category=delivery_date`);
    expect(similar.statusCode, similar.body).toBe(200);
    const items = similar.json().items as Array<{ reasons: string[]; outcome: string | null }>;
    expect(items.some((i) => i.reasons.includes('similar_text') && i.outcome)).toBe(true);
  });
});
