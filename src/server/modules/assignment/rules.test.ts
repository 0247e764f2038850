import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '@test/support/app';
import { clearRules, makeLocation, makeUser } from './test-factories';

let t: TestApp;
let other: string;
beforeAll(async () => {
  t = await createTestApp();
  other = await makeLocation(t, 'Autohaus Anderswo');
});
afterAll(() => t.close());
beforeEach(() => clearRules(t));

const rule = (overrides: Record<string, unknown> = {}) => ({
  name: 'Service Stuttgart',
  match: { types: ['service_appointment'], locationIds: [t.location.id] },
  strategy: 'round_robin',
  groupUserIds: [] as string[],
  ...overrides,
});

describe('assignment rules', () => {
  it('a manager creates, lists, changes and deletes a rule for their location', async () => {
    const manager = await t.userWithRole('manager');
    const anna = await makeUser(t, 'service', { firstName: 'Anna', lastName: 'Schulz' });
    const created = await manager.post('/api/assignment/rules', rule({ groupUserIds: [anna.id], notifyManager: true }));
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      name: 'Service Stuttgart',
      active: true,
      strategy: 'round_robin',
      groupUsers: [{ id: anna.id, displayName: 'Anna Schulz' }],
      user: null,
      notifyManager: true,
      notifyDeputy: true,
      match: { types: ['service_appointment'], locationIds: [t.location.id], brands: [], sources: [] },
    });
    const id = created.json().id;

    const changed = await manager.patch(`/api/assignment/rules/${id}`, {
      strategy: 'fixed_user',
      userId: anna.id,
      active: false,
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({
      strategy: 'fixed_user',
      user: { id: anna.id },
      active: false,
      name: 'Service Stuttgart',
    });

    const list = await manager.get('/api/assignment/rules');
    expect(list.json().map((r: { id: string }) => r.id)).toEqual([id]);

    expect((await manager.delete(`/api/assignment/rules/${id}`)).statusCode).toBe(204);
    expect((await manager.get('/api/assignment/rules')).json()).toEqual([]);
    expect((await manager.delete(`/api/assignment/rules/${id}`)).statusCode).toBe(404);

    const audit = await t.database.query<{ action: string }>(
      `SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY at, action`,
      [id],
    );
    expect(audit.map((a) => a.action).sort()).toEqual([
      'assignment_rule.created',
      'assignment_rule.deleted',
      'assignment_rule.updated',
    ]);
  });

  it('lists rules in their order and reorders them with the complete list', async () => {
    const admin = await t.userWithRole('admin');
    const anna = await makeUser(t, 'service');
    const ids: string[] = [];
    for (const name of ['Erste', 'Zweite', 'Dritte']) {
      ids.push((await admin.post('/api/assignment/rules', rule({ name, groupUserIds: [anna.id] }))).json().id);
    }
    const reordered = await admin.put('/api/assignment/rules/order', { ids: [ids[2], ids[0], ids[1]] });
    expect(reordered.statusCode).toBe(200);
    expect(reordered.json().map((r: { name: string }) => r.name)).toEqual(['Dritte', 'Erste', 'Zweite']);
    expect((await admin.get('/api/assignment/rules')).json().map((r: { name: string }) => r.name)).toEqual([
      'Dritte',
      'Erste',
      'Zweite',
    ]);

    for (const incomplete of [
      [ids[0], ids[1]],
      [ids[0], ids[0], ids[1]],
      [...ids, '00000000-0000-4000-8000-000000000009'],
    ]) {
      const res = await admin.put('/api/assignment/rules/order', { ids: incomplete });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].field).toBe('ids');
    }
  });

  it('refuses unknown or inactive people and unknown locations, naming the field', async () => {
    const admin = await t.userWithRole('admin');
    const active = await makeUser(t, 'service');
    const inactive = await makeUser(t, 'service', { active: false });
    const unknown = '00000000-0000-4000-8000-000000000002';
    const res = await admin.post(
      '/api/assignment/rules',
      rule({ groupUserIds: [active.id, inactive.id], match: { locationIds: [t.location.id, unknown] } }),
    );
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['groupUserIds.1', 'match.locationIds.1']);

    const fixed = await admin.post('/api/assignment/rules', rule({ strategy: 'fixed_user', userId: unknown }));
    expect(fixed.json().errors.map((e: { field: string }) => e.field)).toEqual(['userId']);

    const noGroup = await admin.post('/api/assignment/rules', rule());
    expect(noGroup.json().errors.map((e: { field: string }) => e.field)).toEqual(['groupUserIds']);
  });

  it('a change that leaves a fixed-person rule without its person is refused', async () => {
    const admin = await t.userWithRole('admin');
    const anna = await makeUser(t, 'service');
    const id = (await admin.post('/api/assignment/rules', rule({ groupUserIds: [anna.id] }))).json().id;
    const res = await admin.patch(`/api/assignment/rules/${id}`, { strategy: 'fixed_user' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('userId');
  });

  it('a manager may not set rules for another location, nor rules for everywhere', async () => {
    const manager = await t.userWithRole('manager');
    const admin = await t.userWithRole('admin');
    const anna = await makeUser(t, 'service');
    const foreign = rule({ groupUserIds: [anna.id], match: { locationIds: [other] } });
    expect((await manager.post('/api/assignment/rules', foreign)).statusCode).toBe(403);
    const everywhere = await manager.post('/api/assignment/rules', rule({ groupUserIds: [anna.id], match: {} }));
    expect(everywhere.statusCode).toBe(400);
    expect(everywhere.json().errors[0].field).toBe('match.locationIds');

    const theirs = (await admin.post('/api/assignment/rules', foreign)).json().id;
    expect((await manager.patch(`/api/assignment/rules/${theirs}`, { name: 'Meins jetzt' })).statusCode).toBe(403);
    expect((await manager.delete(`/api/assignment/rules/${theirs}`)).statusCode).toBe(403);

    const mine = (await manager.post('/api/assignment/rules', rule({ groupUserIds: [anna.id] }))).json().id;
    const widened = await manager.patch(`/api/assignment/rules/${mine}`, {
      match: { locationIds: [t.location.id, other] },
    });
    expect(widened.statusCode).toBe(403);
  });

  it('staff read the rules of their locations; only managers and admins change them', async () => {
    const admin = await t.userWithRole('admin');
    const anna = await makeUser(t, 'service', { firstName: 'Anna', lastName: 'Schulz' });
    const create = async (name: string, locationIds: string[]) =>
      (
        await admin.post('/api/assignment/rules', rule({ name, groupUserIds: [anna.id], match: { locationIds } }))
      ).json().id as string;
    const here = await create('Service Stuttgart', [t.location.id]);
    await create('Service Anderswo', [other]);
    const everywhere = await create('Überall', []);

    for (const role of ['sales', 'service', 'reception', 'parts'] as const) {
      const staff = await t.userWithRole(role);
      const res = await staff.get('/api/assignment/rules');
      expect(res.statusCode, role).toBe(200);
      expect(res.json().map((r: { name: string }) => r.name)).toEqual(['Service Stuttgart', 'Überall']);
      expect(res.json()[0]).toMatchObject({ id: here, groupUsers: [{ displayName: 'Anna Schulz' }] });

      expect((await staff.post('/api/assignment/rules', rule({ groupUserIds: [anna.id] }))).statusCode).toBe(403);
      expect((await staff.patch(`/api/assignment/rules/${here}`, { name: 'Meins' })).statusCode).toBe(403);
      expect((await staff.delete(`/api/assignment/rules/${here}`)).statusCode).toBe(403);
      expect((await staff.put('/api/assignment/rules/order', { ids: [everywhere, here] })).statusCode).toBe(403);
      expect((await staff.post('/api/assignment/probe', { type: 'parts', locationId: t.location.id })).statusCode).toBe(
        403,
      );
    }
    // Nothing changed.
    expect((await admin.get('/api/assignment/rules')).json().map((r: { name: string }) => r.name)).toEqual([
      'Service Stuttgart',
      'Service Anderswo',
      'Überall',
    ]);
  });
});
