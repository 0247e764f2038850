import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '@test/support/app';
import { ManualClock } from '../lib/clock';
import { seedDemoDuty } from './duty';
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemoOrganisation } from './org';

let t: TestApp;
beforeAll(async () => {
  // Late on a Sunday evening: the demo still finds colleagues on duty in Leipzig.
  t = await createTestApp({ clock: new ManualClock('2026-03-08T21:30:00Z') });
  await seedDemoOrganisation(t.services);
  await seedDemoDuty(t.services, t.database, { now: t.clock.now() });
});
afterAll(() => t.close());

describe('demo duty and daily checks', () => {
  it('has Leipzig staff on duty now, a week of shifts and a forgotten camera check in München', async () => {
    const locations = await t.services.org.listLocations();
    const leipzig = locations.find((l) => l.code === 'LEJ')!;
    const munich = locations.find((l) => l.code === 'MUC')!;
    const reception = await t.login(DEMO_LOGINS.reception, DEMO_PASSWORD);
    expect((await reception.get(`/api/duty/now?locationId=${leipzig.id}`)).json().length).toBeGreaterThan(2);
    expect((await reception.get(`/api/duty/now?locationId=${munich.id}`)).json()).toEqual([]);
    expect((await reception.get('/api/duty/history')).json().length).toBeGreaterThanOrEqual(3);
    const missing = (await reception.get('/api/checks/missing')).json();
    expect(missing).toEqual([expect.objectContaining({ checkName: 'Kamerakontrolle', day: '2026-03-06' })]);
  });
});
