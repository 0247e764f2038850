import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '@server/lib/clock';
import { createTestApp, type TestApp, type TestClient } from '@test/support/app';
import { vehicleInput } from './test-factories';

/*
 * The lifecycle phase filter of the customer list and the vehicle list, at the phase
 * boundaries: months 6/7, 28/29 and 36/37 of ownership, counted on Monday 2 March 2026.
 */

let t: TestApp;
let clerk: TestClient;
const TAG = 'Phasenliste';
const MAKE = 'Phasenmarke';

/** Delivery days around each boundary on 2026-03-02, with the phase they are in. */
const DELIVERED = {
  month6: ['2025-09-03', 'getting_to_know'],
  month7: ['2025-09-02', 'usage'],
  month28: ['2023-11-03', 'usage'],
  month29: ['2023-11-02', 'reorientation'],
  month36: ['2023-03-03', 'reorientation'],
  month37: ['2023-03-02', 'after36'],
} as const;
type Key = keyof typeof DELIVERED;

const contactOf = {} as Record<Key | 'both', string>;
const vehicleOf = {} as Record<Key, string>;

async function customer(lastName: string, deliveries: string[]) {
  const contact = await clerk.post('/api/contacts', {
    firstName: 'Pia',
    lastName,
    homeLocationId: t.location.id,
    tags: [TAG],
    ignoreDuplicates: true,
  });
  expect(contact.statusCode, contact.body).toBe(201);
  const contactId = contact.json().id as string;
  const vehicleIds: string[] = [];
  for (const deliveryDate of deliveries) {
    const vehicle = await clerk.post(
      '/api/vehicles',
      vehicleInput({ make: MAKE, deliveryDate, contacts: [{ contactId, role: 'owner' }] }),
    );
    expect(vehicle.statusCode, vehicle.body).toBe(201);
    vehicleIds.push(vehicle.json().id);
  }
  return { contactId, vehicleIds };
}

beforeAll(async () => {
  t = await createTestApp({
    clock: new ManualClock('2026-03-02T08:00:00Z'),
    env: { CRM_SESSION_IDLE_MINUTES: '1000000', CRM_SESSION_MAX_HOURS: '100000' },
  });
  clerk = await t.userWithRole('reception');
  for (const [key, [deliveryDate]] of Object.entries(DELIVERED) as Array<[Key, readonly [string, string]]>) {
    const { contactId, vehicleIds } = await customer(`Grenze ${key}`, [deliveryDate]);
    contactOf[key] = contactId;
    vehicleOf[key] = vehicleIds[0]!;
  }
  // Two vehicles: one in phase 1, one after 36 months.
  contactOf.both = (await customer('Zweiwagen', ['2026-01-15', '2021-06-01'])).contactId;
  // Without a delivery date: in no phase.
  await customer('Ohnedatum', []);
});
afterAll(() => t?.close());

const keysIn = (phase: string) =>
  (Object.entries(DELIVERED) as Array<[Key, readonly [string, string]]>)
    .filter(([, [, p]]) => p === phase)
    .map(([k]) => k);

describe('the vehicle list by lifecycle phase', () => {
  it.each(['getting_to_know', 'usage', 'reorientation', 'after36'])('%s takes exactly its months', async (phase) => {
    const res = await clerk.get(`/api/vehicles?make=${MAKE}&phase=${phase}&limit=100`);
    expect(res.statusCode, res.body).toBe(200);
    const ids = res.json().items.map((v: { id: string }) => v.id);
    for (const key of Object.keys(DELIVERED) as Key[]) {
      expect(ids.includes(vehicleOf[key]), `${key} in ${phase}`).toBe(keysIn(phase).includes(key));
    }
  });

  it('moves a vehicle to the next phase the day its month 7 begins', async () => {
    t.clock.set('2026-03-03T08:00:00Z');
    try {
      const res = await clerk.get(`/api/vehicles?make=${MAKE}&phase=usage&limit=100`);
      expect(res.json().items.map((v: { id: string }) => v.id)).toContain(vehicleOf.month6);
    } finally {
      t.clock.set('2026-03-02T08:00:00Z');
    }
  });

  it('refuses an unknown phase naming the field', async () => {
    const res = await clerk.get('/api/vehicles?phase=later');
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('phase');
  });
});

describe('the customer list by lifecycle phase', () => {
  const listed = async (phase: string) => {
    const res = await clerk.get(`/api/contacts?tag=${TAG}&phase=${phase}&limit=100`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items.map((c: { id: string }) => c.id) as string[];
  };

  it.each(['getting_to_know', 'usage', 'reorientation', 'after36'])('%s takes exactly its months', async (phase) => {
    const ids = await listed(phase);
    for (const key of Object.keys(DELIVERED) as Key[]) {
      expect(ids.includes(contactOf[key]), `${key} in ${phase}`).toBe(keysIn(phase).includes(key));
    }
  });

  it('finds a customer by any vehicle they hold', async () => {
    expect(await listed('getting_to_know')).toContain(contactOf.both);
    expect(await listed('after36')).toContain(contactOf.both);
    expect(await listed('usage')).not.toContain(contactOf.both);
  });

  it('refuses an unknown phase naming the field', async () => {
    const res = await clerk.get('/api/contacts?phase=later');
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('phase');
  });
});
