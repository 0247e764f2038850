import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '@test/support/app';
import { createContact, createVehicle } from './test-factories';

let t: TestApp;
let clerk: TestClient;
const created: Array<{ id: string; make: string; model: string }> = [];

const MAKES = ['Audi', 'BMW', 'VW', 'Skoda'];
const MODELS = ['A', 'B', 'C'];

beforeAll(async () => {
  t = await createTestApp();
  clerk = await t.userWithRole('reception');
  for (let i = 0; i < 22; i++) {
    // Duplicate sort keys and missing plates/dates on purpose: the cursor must still be exact.
    const vehicle = await createVehicle(clerk, {
      make: MAKES[i % MAKES.length],
      model: MODELS[i % MODELS.length],
      plate: i % 3 === 0 ? null : `B-X ${100 + (i % 5)}`,
      firstRegistration: i % 4 === 0 ? null : `20${10 + (i % 6)}-01-01`,
      fuel: i % 2 === 0 ? 'diesel' : 'electric',
      serviceContract: i % 5 === 0,
    });
    created.push(vehicle);
    t.clock.advance(i % 2 === 0 ? 0 : 1_000);
  }
});
afterAll(() => t.close());

async function walk(query: string): Promise<string[][]> {
  const pages: string[][] = [];
  let cursor: string | null = null;
  do {
    const url: string = `/api/vehicles?limit=4&${query}${cursor ? `&cursor=${cursor}` : ''}`;
    const res = await clerk.get(url);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    pages.push(body.items.map((v: { id: string }) => v.id));
    cursor = body.nextCursor;
  } while (cursor && pages.length < 50);
  return pages;
}

describe('the vehicle list', () => {
  it.each([
    'sort=make',
    'sort=make&dir=desc',
    'sort=plate',
    'sort=plate&dir=desc',
    'sort=firstRegistration',
    'sort=firstRegistration&dir=desc',
    'sort=updatedAt',
    'sort=updatedAt&dir=desc',
  ])('pages through every vehicle exactly once (%s)', async (query) => {
    const ids = (await walk(query)).flat();
    expect(ids).toHaveLength(created.length);
    expect(new Set(ids).size).toBe(created.length);
  });

  it('sorts by make and model', async () => {
    const items = (await clerk.get('/api/vehicles?limit=200&sort=make')).json().items as Array<{
      make: string;
      model: string;
    }>;
    const keys = items.map((v) => `${v.make}|${v.model}`);
    expect(keys).toEqual([...keys].sort());
    expect(items[0]!.make).toBe('Audi');
  });

  it('puts vehicles without a plate last when sorted by plate', async () => {
    const items = (await clerk.get('/api/vehicles?limit=200&sort=plate')).json().items as Array<{
      plate: string | null;
    }>;
    const firstMissing = items.findIndex((v) => v.plate === null);
    expect(firstMissing).toBeGreaterThan(0);
    expect(items.slice(firstMissing).every((v) => v.plate === null)).toBe(true);
  });

  it('filters by make, fuel and service contract, paging within the filter', async () => {
    const ids = (await walk('sort=plate&make=VW&fuel=diesel')).flat();
    const expected = created.filter((_, i) => MAKES[i % 4] === 'VW' && i % 2 === 0).map((v) => v.id);
    expect(ids.sort()).toEqual(expected.sort());
    const withContract = (await clerk.get('/api/vehicles?limit=200&serviceContract=true')).json().items;
    expect(withContract).toHaveLength(created.filter((_, i) => i % 5 === 0).length);
  });

  it('shows the owner of each vehicle', async () => {
    const owner = await createContact(t, clerk, 'Listenhalter');
    const vehicle = await createVehicle(clerk, { make: 'Zastava', contacts: [{ contactId: owner.id, role: 'owner' }] });
    const items = (await clerk.get('/api/vehicles?make=Zastava')).json().items;
    expect(items).toEqual([
      expect.objectContaining({ id: vehicle.id, owner: { id: owner.id, displayName: owner.displayName } }),
    ]);
  });

  it('refuses a cursor from another sort with 400 naming cursor', async () => {
    const { nextCursor } = (await clerk.get('/api/vehicles?limit=2&sort=make')).json();
    const res = await clerk.get(`/api/vehicles?limit=2&sort=plate&cursor=${nextCursor}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('cursor');
  });
});
