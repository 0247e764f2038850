import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient, testLocation } from '@test/support/app';
import { personInput } from './test-factories';

let t: TestApp;
let sales: TestClient & { userId: string };
let locationId: string;
const created: Array<{ id: string; displayName: string; customerNumber: string; updatedAt: string }> = [];

const LAST_NAMES = [
  'Becker',
  'Albrecht',
  'Zander',
  'Becker',
  'Öztürk',
  'Meyer',
  'Becker',
  'Schulz',
  'Albrecht',
  'Yilmaz',
  'Krüger',
];

beforeAll(async () => {
  t = await createTestApp();
  sales = await t.userWithRole('sales');
  const admin = await t.userWithRole('admin');
  locationId = (await admin.post('/api/locations', testLocation({ code: 'LST', name: 'Listenbetrieb' }))).json().id;
  for (let i = 0; i < 22; i++) {
    // Same names and same instants on purpose: the id must break ties.
    if (i % 3 === 0) t.clock.advance(60_000);
    const lastName = LAST_NAMES[i % LAST_NAMES.length]!;
    const res = await sales.post(
      '/api/contacts',
      personInput(locationId, {
        firstName: i % 2 === 0 ? 'Anna' : 'Bernd',
        lastName,
        tags: i % 4 === 0 ? ['Flotte'] : [],
        salesConsultantId: i % 5 === 0 ? sales.userId : null,
      }),
    );
    created.push(res.json());
  }
});
afterAll(() => t.close());

async function collect(query: string, limit = 4) {
  const ids: string[] = [];
  const items: Array<Record<string, string>> = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 50; guard++) {
    const url: string = `/api/contacts?locationId=${locationId}&limit=${limit}&${query}${cursor ? `&cursor=${cursor}` : ''}`;
    const res = await sales.get(url);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json();
    items.push(...page.items);
    ids.push(...page.items.map((i: { id: string }) => i.id));
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return { ids, items };
}

describe('contact list', () => {
  for (const sort of ['name', 'customerNumber', 'updatedAt'] as const) {
    for (const dir of ['asc', 'desc'] as const) {
      it(`returns every contact exactly once across pages sorted by ${sort} ${dir}`, async () => {
        const { ids, items } = await collect(`sort=${sort}&dir=${dir}`);
        expect(ids).toHaveLength(created.length);
        expect(new Set(ids)).toEqual(new Set(created.map((c) => c.id)));
        const field = sort === 'name' ? 'displayName' : sort;
        const keys = items.map((i) => i[field]!);
        const sorted = [...keys].sort((a, b) =>
          sort === 'name' ? a.localeCompare(b, 'de') : a < b ? -1 : a > b ? 1 : 0,
        );
        if (dir === 'desc') sorted.reverse();
        if (sort !== 'name') expect(keys).toEqual(sorted);
        // Paging must not change the order the database gives in one go.
        expect(ids).toEqual((await collect(`sort=${sort}&dir=${dir}`, 200)).ids);
      });
    }
  }

  it('filters by name prefix folded like the search bar, by tag, by consultant and by kind', async () => {
    const byName = (await sales.get(`/api/contacts?locationId=${locationId}&q=oztu&limit=50`)).json();
    expect(byName.items.map((i: { displayName: string }) => i.displayName)).toEqual(
      ['Öztürk, Anna', 'Öztürk, Bernd'].filter((n) =>
        byName.items.some((i: { displayName: string }) => i.displayName === n),
      ),
    );
    expect(byName.items.length).toBeGreaterThan(0);
    const tagged = (await sales.get(`/api/contacts?locationId=${locationId}&tag=Flotte&limit=50`)).json();
    expect(tagged.items).toHaveLength(6);
    const mine = (
      await sales.get(`/api/contacts?locationId=${locationId}&salesConsultantId=${sales.userId}&limit=50`)
    ).json();
    expect(mine.items).toHaveLength(5);
    expect(mine.items[0].salesConsultant.id).toBe(sales.userId);
    const companies = (await sales.get(`/api/contacts?locationId=${locationId}&kind=company`)).json();
    expect(companies).toEqual({ items: [], nextCursor: null });
  });

  it('shows city, primary phone and e-mail in list rows', async () => {
    const { items } = await collect('sort=name', 50);
    expect(items[0]).toMatchObject({
      city: 'Stuttgart',
      primaryPhone: expect.stringMatching(/^0171 /),
      primaryEmail: expect.stringContaining('@'),
      blocked: false,
    });
  });

  it('answers 400 naming cursor for a cursor it did not issue', async () => {
    const res = await sales.get('/api/contacts?cursor=bm9wZQ');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('cursor');
  });
});
