import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '@test/support/app';
import pino from 'pino';
import type { Actor } from '@server/http/access';
import { MergeHooks } from './merge-hooks';
import { createContactsService } from './service';
import { personInput } from './test-factories';

let t: TestApp;
let sales: TestClient;
let manager: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  sales = await t.userWithRole('sales');
  manager = await t.userWithRole('manager');
});
afterAll(() => t.close());

const create = async (overrides: object) => {
  const res = await sales.post('/api/contacts', personInput(t.location.id, overrides));
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};

describe('duplicate check', () => {
  it('warns about the same phone, then saves once the user insists', async () => {
    const existing = await create({ firstName: 'Karl', lastName: 'Brandtner', phones: [{ number: '0171 7654321' }] });
    const input = personInput(t.location.id, {
      firstName: 'Petra',
      lastName: 'Oberhuber',
      phones: [{ number: '+49 171 7654321' }],
      ignoreDuplicates: false,
    });
    const warned = await sales.post('/api/contacts', input);
    expect(warned.statusCode).toBe(409);
    expect(warned.json().code).toBe('possible-duplicates');
    expect(warned.json().duplicates).toEqual([
      expect.objectContaining({ id: existing.id, reasons: ['phone'], primaryPhone: '0171 7654321', blocked: false }),
    ]);
    const saved = await sales.post('/api/contacts', { ...input, ignoreDuplicates: true });
    expect(saved.statusCode).toBe(201);
  });

  it('finds the same e-mail in any case', async () => {
    const existing = await create({ lastName: 'Vogelsang', emails: [{ address: 'j.vogelsang@example.test' }] });
    const res = await sales.post('/api/contacts/duplicates', {
      lastName: 'Irgendwer',
      emails: [{ address: 'J.Vogelsang@Example.TEST' }],
    });
    expect(res.json()).toEqual([expect.objectContaining({ id: existing.id, reasons: ['email'] })]);
  });

  it('finds Mueller at the same postal code as Müller, but a merely similar name elsewhere only when very similar', async () => {
    const existing = await create({
      firstName: 'Hans',
      lastName: 'Müllerschön',
      addresses: [{ street: 'Lindenweg 3', postalCode: '70565', city: 'Stuttgart' }],
    });
    const sameAddress = await sales.post('/api/contacts/duplicates', {
      firstName: 'Hans',
      lastName: 'Muellerschoen',
      addresses: [{ street: 'Anderswo 1', postalCode: '70565' }],
    });
    expect(sameAddress.json()).toEqual([
      expect.objectContaining({ id: existing.id, reasons: ['name_address'], city: 'Stuttgart' }),
    ]);
    const nameOnly = await sales.post('/api/contacts/duplicates', { firstName: 'Hans', lastName: 'Müllerschön' });
    expect(nameOnly.json()).toEqual([expect.objectContaining({ id: existing.id, reasons: ['name'] })]);
    const different = await sales.post('/api/contacts/duplicates', {
      firstName: 'Gisela',
      lastName: 'Müllerschönbach-Ried',
    });
    expect(different.json()).toEqual([]);
    const excluded = await sales.post('/api/contacts/duplicates', {
      firstName: 'Hans',
      lastName: 'Müllerschön',
      excludeId: existing.id,
    });
    expect(excluded.json()).toEqual([]);
  });
});

describe('merging duplicates', () => {
  it('moves phones and consents to the target, fills empty fields, and the source redirects', async () => {
    const target = await create({
      firstName: 'Sabine',
      lastName: 'Quast',
      phones: [{ number: '0171 1110001' }],
      tags: ['VIP'],
    });
    const source = await create({
      firstName: 'Sabine',
      lastName: 'Quast',
      dateOfBirth: '1981-02-03',
      phones: [{ number: '0171 1110001' }, { number: '0711 2220002', kind: 'landline' }],
      tags: ['Flotte'],
    });
    await sales.post(`/api/contacts/${source.id}/consents`, {
      channel: 'sms',
      purpose: 'service_reminders',
      status: 'granted',
      source: 'verbal',
    });

    const res = await manager.post('/api/contacts/merge', { sourceId: source.id, targetId: target.id });
    expect(res.statusCode).toBe(200);
    const merged = res.json();
    expect(merged.phones.map((p: { e164: string }) => p.e164)).toEqual(['+491711110001', '+497112220002']);
    expect(merged.phones.filter((p: { isPrimary: boolean }) => p.isPrimary)).toHaveLength(1);
    expect(merged.consents).toEqual([
      expect.objectContaining({ channel: 'sms', purpose: 'service_reminders', status: 'granted' }),
    ]);
    expect(merged.dateOfBirth).toBe('1981-02-03');
    expect(merged.tags.sort()).toEqual(['Flotte', 'VIP']);

    const redirected = (await sales.get(`/api/contacts/${source.id}`)).json();
    expect(redirected.mergedInto).toEqual({
      id: target.id,
      displayName: target.displayName,
      customerNumber: target.customerNumber,
    });
    expect((await sales.patch(`/api/contacts/${source.id}`, { notes: 'x' })).statusCode).toBe(409);
    expect((await manager.post('/api/contacts/merge', { sourceId: source.id, targetId: target.id })).statusCode).toBe(
      409,
    );

    const list = (await sales.get('/api/contacts?q=quast')).json();
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([target.id]);
    const entries = await t.database.query<{ kind: string }>(
      `SELECT kind FROM timeline_entries WHERE contact_id = $1 AND kind = 'merged'`,
      [target.id],
    );
    expect(entries).toHaveLength(1);
    expect(await t.services.contacts.findByPhoneE164('+497112220002')).toEqual([
      expect.objectContaining({ id: target.id }),
    ]);
  });

  it('runs the hooks of other modules inside the merge, and a failing hook undoes the whole merge', async () => {
    const hooks = new MergeHooks();
    const calls: Array<[string, string]> = [];
    hooks.register('test', async (_tx, sourceId, targetId) => {
      calls.push([sourceId, targetId]);
      if (calls.length === 2) throw new Error('vehicles could not be moved');
    });
    const deps = {
      config: t.config,
      database: t.database,
      db: t.database.db,
      clock: t.clock,
      log: pino({ level: 'silent' }),
    };
    const contacts = createContactsService(deps, t.services.org, hooks);
    const actor: Actor = {
      kind: 'apiKey',
      apiKeyId: '00000000-0000-4000-8000-000000000000',
      name: 'test',
      scopes: [],
    };

    const [target, source] = [await create({ lastName: 'Hookziel' }), await create({ lastName: 'Hookquelle' })];
    await contacts.merge(actor, { sourceId: source.id, targetId: target.id });
    expect(calls).toEqual([[source.id, target.id]]);

    const [other, failing] = [await create({ lastName: 'Hookandere' }), await create({ lastName: 'Hookfehler' })];
    await expect(contacts.merge(actor, { sourceId: failing.id, targetId: other.id })).rejects.toThrow(
      'vehicles could not be moved',
    );
    expect((await contacts.get(failing.id)).mergedInto).toBeNull();
  });

  it('only admins and managers merge; a contact cannot be merged into itself', async () => {
    const a = await create({ lastName: 'Einzel' });
    expect((await sales.post('/api/contacts/merge', { sourceId: a.id, targetId: a.id })).statusCode).toBe(403);
    const self = await manager.post('/api/contacts/merge', { sourceId: a.id, targetId: a.id });
    expect(self.statusCode).toBe(400);
    expect(self.json().errors[0].field).toBe('targetId');
  });
});
