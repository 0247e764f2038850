import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '@test/support/app';
import { searchFactory } from './test-factories';

let t: TestApp;
let admin: TestClient;
let pbxKey: string;
let otherKey: string;
let anna: { id: string; customerNumber: string };
let blocked: { id: string };
let merged: { id: string };

beforeAll(async () => {
  t = await createTestApp();
  const make = searchFactory(t.database, () => t.clock.now());
  anna = await make.contact({
    location: t.location,
    lastName: 'Weber',
    firstName: 'Anna',
    phones: ['0171 1234567', '0711 555666'],
  });
  blocked = await make.contact({
    location: t.location,
    lastName: 'Weber',
    firstName: 'Otto',
    phones: ['0711 555666'],
    block: 'active',
  });
  merged = await make.contact({
    location: t.location,
    lastName: 'Weber',
    firstName: 'Anna',
    phones: ['0171 1234567'],
    mergedIntoId: anna.id,
  });
  admin = await t.userWithRole('admin');
  const key = async (scopes: string[]) =>
    (await admin.post('/api/admin/api-keys', { name: `PBX ${scopes.join()}`, scopes })).json().secret as string;
  pbxKey = await key(['telephony']);
  otherKey = await key(['intake']);
});
afterAll(() => t.close());

const lookup = (number: string, headers: Record<string, string> = { 'x-api-key': pbxKey }) =>
  t.app.inject({ method: 'GET', url: `/api/contacts/lookup-by-phone?number=${encodeURIComponent(number)}`, headers });

describe('caller-id lookup', () => {
  it.each(['+491711234567', '01711234567', '0049 171 1234567', '+49 (171) 123-4567'])(
    'finds the caller for the number sent as %s',
    async (number) => {
      const res = await lookup(number);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({
        number,
        e164: '+491711234567',
        matches: [
          { contactId: anna.id, displayName: 'Weber, Anna', customerNumber: anna.customerNumber, blocked: false },
        ],
      });
    },
  );

  it('lists every contact sharing a landline, blocked ones marked, merged ones left out', async () => {
    const res = await lookup('0711 555666');
    const matches = res.json().matches as Array<{ contactId: string; blocked: boolean }>;
    expect(matches.map((m) => [m.contactId, m.blocked])).toEqual([
      [anna.id, false],
      [blocked.id, true],
    ]);
    expect(matches.map((m) => m.contactId)).not.toContain(merged.id);
  });

  it('matches only the whole number, never its last digits', async () => {
    expect((await lookup('1234567')).json().matches).toEqual([]);
    expect((await lookup('0171 12345670')).json().matches).toEqual([]);
  });

  it('answers an empty match for a caller without a usable number', async () => {
    expect((await lookup('anonymous')).json()).toEqual({ number: 'anonymous', e164: null, matches: [] });
  });

  it('admits telephony API keys and logged-in users, not keys of other scopes', async () => {
    expect((await lookup('01711234567', { 'x-api-key': otherKey })).statusCode).toBe(403);
    expect((await lookup('01711234567', {})).statusCode).toBe(401);
    const reception = await t.userWithRole('reception');
    const res = await reception.get('/api/contacts/lookup-by-phone?number=01711234567');
    expect(res.json().matches).toHaveLength(1);
  });

  it('answers 400 naming number when it is missing or too long', async () => {
    for (const url of [
      '/api/contacts/lookup-by-phone',
      '/api/contacts/lookup-by-phone?number=',
      `/api/contacts/lookup-by-phone?number=${'1'.repeat(41)}`,
    ]) {
      const res = await admin.get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain('number');
    }
  });
});
