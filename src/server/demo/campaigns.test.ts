import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '@test/support/app';
import { ManualClock } from '../lib/clock';
import { seedDemoCampaigns } from './campaigns';
import { seedDemoCustomers } from './customers';
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemoOrganisation } from './org';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock: new ManualClock('2026-03-12T10:30:00Z') });
  await seedDemoOrganisation(t.services);
  await seedDemoCustomers(t.services, t.database, { count: 300, now: t.clock.now() });
  await seedDemoCampaigns(t.services, t.database, { now: t.clock.now() });
  await t.services.jobs.worker.runDue();
}, 240_000);
afterAll(() => t.close());

describe('demo campaigns', () => {
  it('has a finished letter campaign with responses and a planned e-mail campaign for phase 3', async () => {
    const manager = await t.login(DEMO_LOGINS.manager, DEMO_PASSWORD);
    const list = (await manager.get('/api/campaigns')).json() as Array<{
      channel: string;
      status: string;
      recipientCount: number;
      responses: Record<string, number>;
      filter: { phases: string[] };
    }>;
    const letter = list.find((c) => c.channel === 'letter')!;
    expect(letter).toMatchObject({ status: 'done' });
    expect(letter.recipientCount).toBeGreaterThan(10);
    expect(letter.responses.appointment).toBe(3);
    const email = list.find((c) => c.channel === 'email')!;
    expect(email).toMatchObject({ status: 'draft', filter: { phases: ['reorientation'] } });
  });
});
