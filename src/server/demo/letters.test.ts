import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '@test/support/app';
import { ManualClock } from '../lib/clock';
import { seedDemoCustomers } from './customers';
import { seedDemoLetters } from './letters';
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemoOrganisation } from './org';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock: new ManualClock('2026-03-12T08:30:00Z') });
  await seedDemoOrganisation(t.services);
  await seedDemoCustomers(t.services, t.database, { count: 60, now: t.clock.now() });
  await seedDemoLetters(t.services, t.database);
  await t.services.jobs.worker.runDue();
}, 240_000);
afterAll(() => t.close());

describe('demo letters', () => {
  it('has the complaint "Lieferung schon wieder verschoben" as a scanned letter in München, read and findable', async () => {
    const reception = await t.login(DEMO_LOGINS.reception, DEMO_PASSWORD);
    const found = (await reception.get('/api/requests?scope=location&q=Lieferung%20verschoben')).json();
    expect(found.items).toEqual([
      expect.objectContaining({ type: 'complaint', channel: 'letter', subject: expect.stringContaining('verschoben') }),
    ]);
    const letter = (await reception.get(`/api/requests/${found.items[0].id}/letter`)).json();
    expect(letter).toMatchObject({ status: 'read', source: 'text_layer', suggestedType: null });
    expect(letter.text).toMatch(/die Lieferung schon wieder\s+verschoben/);

    const other = (await reception.get('/api/requests?scope=location&q=Wischerbl%C3%A4tter')).json();
    const general = (await reception.get(`/api/requests/${other.items[0].id}/letter`)).json();
    // "Mangel" in a general request: a complaint is suggested to whoever reads it.
    expect(general).toMatchObject({ status: 'read', suggestedType: 'complaint' });
  });
});
