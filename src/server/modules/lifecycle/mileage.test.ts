import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '@server/lib/clock';
import { createTestApp, type TestApp, type TestClient } from '@test/support/app';
import { vehicleInput } from '../vehicles/test-factories';

/*
 * "Service due by mileage": due when the mileage estimated from the readings is the rule's lead
 * of driving days short of the next multiple, once per multiple, with the clock moved.
 */

type Client = TestClient & { userId: string };
let t: TestApp;
let manager: Client;
let admin: Client;

beforeAll(async () => {
  t = await createTestApp({
    clock: new ManualClock('2026-03-02T08:00:00Z'),
    env: { CRM_SESSION_IDLE_MINUTES: '10000000', CRM_SESSION_MAX_HOURS: '1000000' },
  });
  manager = await t.userWithRole('manager');
  admin = await t.userWithRole('admin');
});
afterAll(() => t?.close());

const day = (iso: string) => t.clock.set(`${iso}T08:00:00Z`);

async function run() {
  const res = await manager.post('/api/lifecycle/run');
  expect(res.statusCode, res.body).toBe(200);
}

async function mileageActions(vehicleId: string) {
  return t.database.query<{ occurrence: string; due_on: string; status: string }>(
    `SELECT a.occurrence::text AS occurrence, a.due_on::text AS due_on, a.status FROM lifecycle_actions a
       JOIN lifecycle_rules r ON r.id = a.rule_id
      WHERE a.vehicle_id = $1 AND r.trigger = 'service_by_mileage' ORDER BY a.due_on`,
    [vehicleId],
  );
}

describe('service due by mileage', () => {
  it('is created once per multiple, lead days before the estimate reaches it', async () => {
    const service = await t.userWithRole('service');
    const contact = await manager.post('/api/contacts', {
      firstName: 'Karl',
      lastName: 'Vielfahrer',
      homeLocationId: t.location.id,
      serviceAdvisorId: service.userId,
      ignoreDuplicates: true,
    });
    expect(contact.statusCode, contact.body).toBe(201);
    const contactId = contact.json().id as string;
    const consent = await manager.post(`/api/contacts/${contactId}/consents`, {
      channel: 'phone',
      purpose: 'service_reminders',
      status: 'granted',
      source: 'signed_form',
    });
    expect(consent.statusCode, consent.body).toBeLessThan(300);
    const created = await manager.post(
      '/api/vehicles',
      vehicleInput({ firstRegistration: '2024-03-02', contacts: [{ contactId, role: 'owner' }] }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const vehicleId = created.json().id as string;
    // 730 days since first registration: 40 km a day. 30,000 km are reached on 22 March.
    const reading = await manager.post(`/api/vehicles/${vehicleId}/mileage`, { readOn: '2026-03-02', km: 29_200 });
    expect(reading.statusCode, reading.body).toBe(201);

    const rules = (await admin.get('/api/lifecycle/rules')).json() as Array<Record<string, unknown>>;
    const { id, defaultKey: _k, locationName: _n, ...values } = rules.find((r) => r.trigger === 'service_by_mileage')!;
    const saved = await admin.put(`/api/lifecycle/rules/${id as string}`, { ...values, leadDays: 10, enabled: true });
    expect(saved.statusCode, saved.body).toBe(200);

    day('2026-03-11');
    await run();
    expect(await mileageActions(vehicleId)).toEqual([]);

    day('2026-03-12');
    await run();
    await run();
    expect(await mileageActions(vehicleId)).toEqual([
      expect.objectContaining({ due_on: '2026-03-12', status: 'done' }),
    ]);

    // Weeks later the same multiple is not due again.
    day('2026-05-01');
    await run();
    expect(await mileageActions(vehicleId)).toHaveLength(1);

    // 60,000 km: 770 days after the reading, on 11 April 2028; due ten days before.
    day('2028-03-31');
    await run();
    await run();
    const both = await mileageActions(vehicleId);
    expect(both.map((a) => a.due_on)).toEqual(['2026-03-12', '2028-03-31']);
    expect(new Set(both.map((a) => a.occurrence)).size).toBe(2);
  });

  it('refuses an interval under 1,000 km naming the amount', async () => {
    const rules = (await admin.get('/api/lifecycle/rules')).json() as Array<Record<string, unknown>>;
    const { id, defaultKey: _k, locationName: _n, ...values } = rules.find((r) => r.trigger === 'service_by_mileage')!;
    const res = await admin.put(`/api/lifecycle/rules/${id as string}`, { ...values, amount: 500 });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'amount', code: 'too_few' });
  });
});
