import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '@server/lib/clock';
import { createTestApp, type TestApp, type TestClient } from '@test/support/app';
import { createVehicle } from './test-factories';

/* Mileage readings on the vehicle page: what is refused, and the kilometres a year estimated. */

let t: TestApp;
let clerk: TestClient;

beforeAll(async () => {
  t = await createTestApp({
    clock: new ManualClock('2026-03-02T08:00:00Z'),
    env: { CRM_SESSION_IDLE_MINUTES: '1000000', CRM_SESSION_MAX_HOURS: '100000' },
  });
  clerk = await t.userWithRole('reception');
});
afterAll(() => t?.close());

const fields = (body: { errors?: Array<{ field: string; code: string }> }) =>
  (body.errors ?? []).map((e) => `${e.field}:${e.code}`);

describe('recording a mileage reading', () => {
  it('refuses a reading in the future, above 2,000,000 km or below an earlier one, naming the field', async () => {
    const vehicle = await createVehicle(clerk, { firstRegistration: '2024-03-02' });
    const url = `/api/vehicles/${vehicle.id}/mileage`;
    expect((await clerk.post(url, { readOn: '2026-01-10', km: 20_000 })).statusCode).toBe(201);

    const future = await clerk.post(url, { readOn: '2026-03-03', km: 21_000 });
    expect(future.statusCode).toBe(400);
    expect(fields(future.json())).toEqual(['readOn:in_future']);

    const huge = await clerk.post(url, { readOn: '2026-03-01', km: 2_000_001 });
    expect(huge.statusCode).toBe(400);
    expect(fields(huge.json())).toEqual(['km:too_many']);

    const lower = await clerk.post(url, { readOn: '2026-03-01', km: 19_000 });
    expect(lower.statusCode).toBe(400);
    expect(lower.json().errors[0]).toMatchObject({
      field: 'km',
      code: 'below_earlier_reading',
      params: { km: 20_000 },
    });

    // A replaced odometer: confirmed, it is kept and becomes the latest reading.
    const confirmed = await clerk.post(url, { readOn: '2026-03-01', km: 19_000, confirmLower: true });
    expect(confirmed.statusCode, confirmed.body).toBe(201);
    expect(confirmed.json().readings.map((r: { km: number }) => r.km)).toEqual([19_000, 20_000]);
    expect((await clerk.get(`/api/vehicles/${vehicle.id}`)).json()).toMatchObject({
      mileageKm: 19_000,
      mileageDate: '2026-03-01',
    });
  });

  it('estimates from one reading and the first registration, then from two readings 30 days apart', async () => {
    const vehicle = await createVehicle(clerk, { firstRegistration: '2025-03-02' });
    const url = `/api/vehicles/${vehicle.id}/mileage`;
    expect((await clerk.get(url)).json()).toMatchObject({ readings: [], kmPerYear: null, basis: null });

    // 365 days after first registration: 14,600 km is 40 km a day.
    const one = (await clerk.post(url, { readOn: '2026-03-02', km: 14_600, source: 'workshop' })).json();
    expect(one).toMatchObject({ kmPerYear: 14_600, basis: 'first_registration', estimatedKmToday: 14_600 });

    // 20 days later: too short to tell; 40 days later: 60 km a day between the two readings.
    t.clock.set('2026-04-11T08:00:00Z');
    const two = (await clerk.post(url, { readOn: '2026-04-11', km: 17_000 })).json();
    expect(two).toMatchObject({ kmPerYear: Math.round(60 * 365), basis: 'readings', estimatedKmToday: 17_000 });
    t.clock.set('2026-03-02T08:00:00Z');
  });

  it('takes the mileage typed into the vehicle form as a reading', async () => {
    const vehicle = await createVehicle(clerk, { mileageKm: 12_000, mileageDate: '2026-02-01' });
    const res = (await clerk.get(`/api/vehicles/${vehicle.id}/mileage`)).json();
    expect(res.readings).toEqual([expect.objectContaining({ km: 12_000, readOn: '2026-02-01', source: 'manual' })]);
  });
});
