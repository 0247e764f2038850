import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '@test/support/app';
import { vinProblem } from '@shared/vehicles/normalize';
import { seedDemoCustomers, WELL_KNOWN_CUSTOMER } from './customers';
import { seedDemoOrganisation } from './org';

let t: TestApp;
let result: Awaited<ReturnType<typeof seedDemoCustomers>>;
let seconds: number;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoOrganisation(t.services);
  const started = performance.now();
  result = await seedDemoCustomers(t.services, t.database, { now: t.clock.now() });
  seconds = (performance.now() - started) / 1000;
}, 120_000);
afterAll(() => t.close());

const one = async <T>(sql: string, params: unknown[] = []) => (await t.database.query<T>(sql, params))[0]!;

describe('demo customers', () => {
  it('creates about 5,000 contacts across the three locations, with about 1.2 vehicles each', async () => {
    console.info(`seeded ${result.contacts} contacts and ${result.vehicles} vehicles in ${seconds.toFixed(1)} s`);
    const { n } = await one<{ n: number }>('SELECT count(*)::int AS n FROM contacts');
    expect(n).toBeGreaterThanOrEqual(5_000);
    expect(n).toBeLessThan(5_010);
    expect(result.vehicles / result.contacts).toBeGreaterThan(1.05);
    expect(result.vehicles / result.contacts).toBeLessThan(1.4);
    const perLocation = await t.database.query<{ code: string; n: number }>(
      'SELECT l.code, count(*)::int AS n FROM contacts c JOIN locations l ON l.id = c.home_location_id GROUP BY l.code ORDER BY l.code',
    );
    expect(perLocation.map((r) => r.code)).toEqual(['CGN', 'LEJ', 'MUC']);
    for (const r of perLocation) expect(r.n).toBeGreaterThan(800);
    const companies = await one<{ n: number }>("SELECT count(*)::int AS n FROM contacts WHERE kind = 'company'");
    expect(companies.n / n).toBeGreaterThan(0.04);
    const persons = await one<{ n: number }>('SELECT count(*)::int AS n FROM contacts WHERE company_id IS NOT NULL');
    expect(persons.n).toBeGreaterThanOrEqual(companies.n);
  });

  it('includes Hans Müller in Munich, found by his mobile number, with his VW Golf M-HM 1234', async () => {
    const found = await t.services.contacts.findByPhoneE164(WELL_KNOWN_CUSTOMER.e164);
    expect(found).toHaveLength(1);
    const hans = await t.services.contacts.get(found[0]!.id);
    expect(hans).toMatchObject({ displayName: 'Müller, Hans', firstName: 'Hans', lastName: 'Müller' });
    expect(hans.customerNumber).toMatch(/^MUC-\d{6}$/);
    const car = await one<{ make: string; model: string; plate: string }>(
      `SELECT v.make, v.model, v.plate FROM vehicles v JOIN vehicle_contacts vc ON vc.vehicle_id = v.id
        WHERE vc.contact_id = $1 AND vc.valid_to IS NULL`,
      [hans.id],
    );
    expect(car).toEqual({ make: 'VW', model: 'Golf', plate: 'M-HM 1234' });
  });

  it('gives every customer valid phone numbers, ISO VINs and plates of their location', async () => {
    const invalid = await one<{ n: number }>('SELECT count(*)::int AS n FROM contact_phones WHERE NOT valid');
    expect(invalid.n).toBe(0);
    const vins = await t.database.query<{ vin: string }>('SELECT vin FROM vehicles');
    expect(vins.filter((v) => vinProblem(v.vin) !== null)).toEqual([]);
    const wrongDistrict = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM vehicles v JOIN locations l ON l.id = v.location_id
        WHERE NOT v.plate LIKE CASE l.code WHEN 'MUC' THEN 'M-%' WHEN 'CGN' THEN 'K-%' ELSE 'L-%' END`,
    );
    expect(wrongDistrict.n).toBe(0);
  });

  it('records consents (some withdrawn), a few blocks with reasons, and notes in the history', async () => {
    const consents = await t.database.query<{ status: string; n: number }>(
      'SELECT status, count(*)::int AS n FROM consents GROUP BY status',
    );
    const byStatus = Object.fromEntries(consents.map((c) => [c.status, c.n]));
    expect(byStatus.granted).toBeGreaterThan(1_000);
    expect(byStatus.withdrawn).toBeGreaterThan(50);
    const blocks = await one<{ n: number }>("SELECT count(*)::int AS n FROM contact_blocks WHERE reason <> ''");
    expect(blocks.n).toBeGreaterThan(20);
    expect(blocks.n).toBeLessThan(120);
    const notes = await one<{ n: number }>(
      "SELECT count(*)::int AS n FROM timeline_entries WHERE kind IN ('call', 'visit', 'note')",
    );
    expect(notes.n).toBeGreaterThan(5_000);
    const financed = await one<{ n: number }>(
      "SELECT count(*)::int AS n FROM vehicles WHERE financing_type <> 'none' AND financing_end IS NOT NULL",
    );
    expect(financed.n).toBeGreaterThan(500);
  });
});
