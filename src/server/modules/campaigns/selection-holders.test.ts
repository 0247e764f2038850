import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '@test/support/app';
import { vehicleInput } from '@server/modules/vehicles/test-factories';

/*
 * The count, the preview and the recipients a start freezes find customers through the vehicles
 * they hold now and through what the customer record says now: after an edit to the vehicle, a
 * change of hands, an edit to the customer or a merge, all three agree with the records.
 */

type User = TestClient & { userId: string };
let t: TestApp;
let manager: User;
let sales: User;

beforeAll(async () => {
  t = await createTestApp();
  manager = await t.userWithRole('manager');
  sales = await t.userWithRole('sales');
});
afterAll(() => t.close());

async function person(lastName: string, tags: string[] = []): Promise<string> {
  const res = await sales.post('/api/contacts', {
    salutation: 'ms',
    firstName: 'Eva',
    lastName,
    homeLocationId: t.location.id,
    emails: [{ address: `${lastName.toLowerCase()}@example.test`, isPrimary: true }],
    tags,
    ignoreDuplicates: true,
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  const consent = await sales.post(`/api/contacts/${id}/consents`, {
    channel: 'email',
    purpose: 'marketing',
    status: 'granted',
    source: 'signed_form',
  });
  expect(consent.statusCode, consent.body).toBeLessThan(300);
  return id;
}

async function car(make: string, contactId: string): Promise<string> {
  const res = await sales.post(
    '/api/vehicles',
    vehicleInput({ make, deliveryDate: '2024-01-15', contacts: [{ contactId, role: 'owner' }] }),
  );
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

type Filter = Record<string, unknown>;

/** Who the count, the preview and a started campaign reach, by last name; they must agree. */
async function reached(filter: Filter): Promise<string[]> {
  const count = await manager.post('/api/campaigns/selection/count', { channel: 'email', filter });
  expect(count.statusCode, count.body).toBe(200);
  const preview = await manager.post('/api/campaigns/selection/preview', { channel: 'email', filter });
  expect(preview.statusCode, preview.body).toBe(200);
  const rows = preview.json() as Array<{ displayName: string }>;
  const names = rows.map((r) => r.displayName.split(',')[0]!).sort();
  expect(count.json().matching).toBe(names.length);
  expect(count.json().recipients).toBe(names.length);
  return names;
}

async function frozen(filter: Filter): Promise<number> {
  const created = await manager.post('/api/campaigns', {
    name: 'Halter',
    channel: 'email',
    locationId: t.location.id,
    filter,
    subject: 'Hallo {{anrede}}',
    body: '{{anrede}},\n\nbis bald.',
  });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  const count = (await manager.post('/api/campaigns/selection/count', { channel: 'email', filter })).json();
  const started = await manager.post(`/api/campaigns/${id}/start`, { expectedRecipients: count.recipients });
  expect(started.statusCode, started.body).toBeLessThan(300);
  return started.json().recipientCount as number;
}

describe('customers found through the vehicles they hold', () => {
  it('follows a vehicle’s new make and its change of hands', async () => {
    const first = await person('Halterin');
    const second = await person('Nachfolgerin');
    const vehicle = await car('Trabant', first);
    expect(await reached({ brands: ['Trabant'] })).toEqual(['Halterin']);

    const edited = await sales.patch(`/api/vehicles/${vehicle}`, { make: 'Wartburg' });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(await reached({ brands: ['Trabant'] })).toEqual([]);
    expect(await reached({ brands: ['Wartburg'] })).toEqual(['Halterin']);

    const sold = await sales.post(`/api/vehicles/${vehicle}/transfer`, { toContactId: second });
    expect(sold.statusCode, sold.body).toBeLessThan(300);
    expect(await reached({ brands: ['Wartburg'] })).toEqual(['Nachfolgerin']);
    expect(await frozen({ brands: ['Wartburg'] })).toBe(1);
  });

  it('counts a customer once, whatever the number of matching vehicles and phases asked for', async () => {
    const owner = await person('Vielfahrer');
    await car('Barkas', owner);
    await car('Barkas', owner);
    expect(await reached({ brands: ['Barkas'] })).toEqual(['Vielfahrer']);
    const everyPhase = ['getting_to_know', 'usage', 'reorientation', 'after36'];
    expect(await reached({ brands: ['Barkas'], phases: everyPhase })).toEqual(['Vielfahrer']);
  });
});

describe('customers found by what their record says', () => {
  it('follows an edit of tags and a merge', async () => {
    const kept = await person('Behalten', ['stamm']);
    const source = await person('Doppelt', ['stamm']);
    expect(await reached({ tags: ['stamm'] })).toEqual(['Behalten', 'Doppelt']);

    const untagged = await sales.patch(`/api/contacts/${kept}`, { tags: ['neu'] });
    expect(untagged.statusCode, untagged.body).toBe(200);
    expect(await reached({ tags: ['stamm'] })).toEqual(['Doppelt']);
    expect(await reached({ tags: ['neu'] })).toEqual(['Behalten']);

    const merged = await manager.post('/api/contacts/merge', { sourceId: source, targetId: kept });
    expect(merged.statusCode, merged.body).toBe(200);
    // The merged-away record is nobody; the kept one carries both sets of tags.
    expect(await reached({ tags: ['stamm'] })).toEqual(['Behalten']);
    expect(await frozen({ tags: ['stamm'] })).toBe(1);
  });

  it('counts a new customer with nothing but a name, left out for want of consent', async () => {
    const res = await sales.post('/api/contacts', {
      salutation: 'mr',
      firstName: 'Max',
      lastName: 'Namenlos',
      homeLocationId: t.location.id,
      tags: ['nurname'],
      ignoreDuplicates: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    const count = (
      await manager.post('/api/campaigns/selection/count', { channel: 'email', filter: { tags: ['nurname'] } })
    ).json();
    expect(count).toMatchObject({ matching: 1, withoutConsent: 1, recipients: 0 });
  });
});
