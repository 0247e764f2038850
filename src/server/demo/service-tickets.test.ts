import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '@test/support/app';
import { ManualClock } from '../lib/clock';
import { seedDemoCustomers } from './customers';
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemoOrganisation } from './org';
import { seedDemoServiceTickets } from './service-tickets';

let t: TestApp;
beforeAll(async () => {
  // Thursday 12 March 2026, 11:30 Berlin.
  t = await createTestApp({ clock: new ManualClock('2026-03-12T10:30:00Z') });
  await seedDemoOrganisation(t.services);
  await seedDemoCustomers(t.services, t.database, { count: 120, now: t.clock.now() });
  await seedDemoServiceTickets(t.services, t.database, { now: t.clock.now() });
}, 240_000);
afterAll(() => t.close());

describe('demo service tickets', () => {
  it('has the four service processes and tickets finished, running and one overdue that the watch reports', async () => {
    const manager = await t.login(DEMO_LOGINS.manager, DEMO_PASSWORD);
    const processes = (await manager.get('/api/service-processes')).json().items as Array<{
      name: string;
      version: number;
    }>;
    expect(processes.map((p) => `${p.name} v${p.version}`).sort()).toEqual([
      'Garantieantrag v1',
      'Reparatur vor Ort v1',
      'Wartung v2',
      'Werksreparatur v1',
    ]);
    const all = (await manager.get('/api/service-tickets?scope=location&status=all')).json().items as Array<{
      status: string;
      overdue: boolean;
      currentStep: { overdue: boolean } | null;
    }>;
    expect(all.filter((x) => x.status === 'done').length).toBeGreaterThanOrEqual(2);
    expect(all.filter((x) => x.status === 'open' && !x.currentStep?.overdue).length).toBeGreaterThanOrEqual(2);
    const overdue = (await manager.get('/api/service-tickets?scope=overdue')).json().items;
    expect(overdue).toHaveLength(1);

    await t.services.jobs.worker.runDue();
    const [reported] = await t.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM notifications WHERE kind = 'serviceTicket.overdue'`,
    );
    expect(reported!.n).toBeGreaterThanOrEqual(1);
  });
});
