import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callbackRequest, createRequest, newCustomer } from '@server/modules/requests/test-support';
import { createTestApp, type TestApp, type TestClient } from '../support/app';

/*
 * Staff input the database cannot store — a NUL character, broken UTF-16, JSON nested thousands
 * of levels deep, a date in year 0000 — is refused with a 400 naming the field, on every route,
 * and nothing is written. It used to fail inside the database with a 500 on every retry.
 */

let t: TestApp;
let manager: TestClient & { userId: string };
let admin: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  manager = await t.userWithRole('manager');
  admin = await t.userWithRole('admin');
});
afterAll(() => t.close());

const DEEP = '"__deep__"';
/** A JSON body with the marker replaced by an object nested `levels` deep (too deep to build with JSON.stringify). */
const nestedBody = (body: unknown, levels: number) =>
  JSON.stringify(body).replace(DEEP, '{"a":'.repeat(levels) + '1' + '}'.repeat(levels));

const count = async (table: string) =>
  Number((await t.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n);

type Problem = { errors: Array<{ field: string; in: string; code?: string }> };
function expectRefused(res: { statusCode: number; body: string; json(): unknown }, field: string, where = 'body') {
  expect(res.statusCode, res.body).toBe(400);
  expect((res.json() as Problem).errors).toContainEqual(expect.objectContaining({ field, in: where }));
}

const contact = (overrides: Record<string, unknown> = {}) => ({
  lastName: 'Schulz',
  homeLocationId: t.location.id,
  phones: [{ number: '0171 7654321' }],
  ...overrides,
});

describe('text the database cannot store, from staff', () => {
  let contactId = '';
  let requestId = '';
  beforeAll(async () => {
    const request = await createRequest(manager, callbackRequest(t.location.id, { customer: newCustomer() }));
    requestId = request.id;
    contactId = request.contact.id;
  });

  it('refuses a NUL character in a name, naming the field, and stores nothing', async () => {
    const before = await count('contacts');
    const res = await manager.post('/api/contacts', contact({ lastName: 'Mül\u0000ler' }));
    expectRefused(res, 'lastName');
    expect((res.json() as Problem).errors[0]!.code).toBe('unstorable_text');
    expect(await count('contacts')).toBe(before);
  });

  it('refuses a NUL character in a phone number inside a list, naming its place', async () => {
    expectRefused(
      await manager.post('/api/contacts', contact({ phones: [{ number: '0171\u0000 1' }] })),
      'phones.0.number',
    );
  });

  it('refuses a lone surrogate in JSON the request keeps (vehicle interest), naming the key', async () => {
    const res = await manager.post(
      '/api/requests',
      callbackRequest(t.location.id, { vehicleInterest: { make: 'VW', model: 'Golf \ud800' } }),
    );
    expectRefused(res, 'vehicleInterest.model');
  });

  it('refuses JSON nested thousands of levels deep, naming where it goes too deep', async () => {
    const before = await count('customer_requests');
    const res = await manager.request({
      method: 'POST',
      url: '/api/requests',
      headers: { 'content-type': 'application/json' },
      payload: nestedBody(callbackRequest(t.location.id, { vehicleInterest: { options: '__deep__' } }), 5_000),
    });
    expect(res.statusCode, res.body).toBe(400);
    const [error] = (res.json() as Problem).errors;
    expect(error).toMatchObject({ in: 'body', code: 'too_deep' });
    expect(error!.field).toMatch(/^vehicleInterest\.options(\.a)+$/);
    expect(await count('customer_requests')).toBe(before);
  });

  it('refuses a NUL character in a search query, naming the parameter', async () => {
    expectRefused(await manager.get('/api/search?q=M%C3%BCl%00ler'), 'q', 'querystring');
  });

  it.each([
    ['a note on a customer', () => manager.post(`/api/contacts/${contactId}/notes`, { text: 'Rückruf\u0000' }), 'text'],
    [
      'a contact attempt',
      () =>
        manager.post(`/api/requests/${requestId}/attempts`, {
          channel: 'phone',
          outcome: 'no_answer',
          note: 'x\u0000',
        }),
      'note',
    ],
    ['a template', () => manager.put('/api/templates/callback/phone_script', { body: 'Guten Tag\u0000' }), 'body'],
    [
      'an absence',
      () =>
        manager.post('/api/absences', {
          userId: manager.userId,
          kind: 'holiday',
          startsOn: '2026-04-01',
          endsOn: '2026-04-03',
          note: 'Urlaub\u0000',
        }),
      'note',
    ],
    ['a user', () => admin.patch(`/api/users/${manager.userId}`, { firstName: 'Ma\u0000x' }), 'firstName'],
    [
      'phone-system settings',
      () =>
        admin.post('/api/telephony/connections', {
          provider: 'webhook',
          name: 'Zentrale',
          settings: { country: 'D\u0000E' },
        }),
      'settings.country',
    ],
  ])('refuses a NUL character in %s', async (_what, send, field) => {
    expectRefused(await send(), field);
  });
});

describe('dates outside the sane years, from staff', () => {
  it.each([
    [
      'a birth date in year 0000',
      () => manager.post('/api/contacts', contact({ dateOfBirth: '0000-01-01' })),
      'dateOfBirth',
    ],
    [
      'a first registration in 1850',
      () =>
        manager.post('/api/vehicles', { make: 'Benz', model: 'Patent-Motorwagen', firstRegistration: '1850-01-29' }),
      'firstRegistration',
    ],
    [
      'a callback window in year 0000',
      () => manager.post('/api/requests', callbackRequest(t.location.id, { callbackFrom: '0000-01-01T08:00:00Z' })),
      'callbackFrom',
    ],
    [
      'an absence ending in 9999',
      () =>
        manager.post('/api/absences', {
          userId: manager.userId,
          kind: 'holiday',
          startsOn: '2026-04-01',
          endsOn: '9999-12-31',
        }),
      'endsOn',
    ],
  ])('refuses %s, naming the field', async (_what, send, field) => {
    expectRefused(await send(), field);
  });

  it('refuses a report range starting in year 0000, naming the parameter', async () => {
    expectRefused(await manager.get('/api/reports/monitoring?from=0000-01-01&to=2026-03-31'), 'from', 'querystring');
  });
});
