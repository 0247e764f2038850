import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../support/app';

/*
 * Field errors keep their English message for API clients and add a stable code with its
 * parameters, which is what the web app words in the user's language.
 */

let t: TestApp;
let admin: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.userWithRole('admin');
});
afterAll(() => t.close());

describe('field errors by code', () => {
  it('answers a schema violation with the field, a message, a code and its parameters', async () => {
    const res = await admin.get('/api/notifications?limit=500');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      expect.objectContaining({ field: 'limit', in: 'querystring', code: 'too_many', params: { max: 100 } }),
    ]);
    expect(typeof res.json().errors[0].message).toBe('string');
  });

  it('answers a rule of a service with its code beside the message', async () => {
    const user = (await t.userWithRole('sales')).email;
    const res = await admin.post('/api/users', {
      email: user,
      firstName: 'Doppelt',
      lastName: 'Vergeben',
      role: 'sales',
      homeLocationId: t.location.id,
      locationIds: [],
      department: null,
      phoneExtension: null,
      locale: 'de',
      active: true,
      password: 'correct-horse-battery',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().errors).toEqual([
      expect.objectContaining({ field: 'email', code: 'already_in_use', message: 'already in use' }),
    ]);
  });
});
