import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testLocation, type TestApp } from '@test/support/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('locations', () => {
  it('an admin creates a location with its four departments and opening hours', async () => {
    const admin = await t.userWithRole('admin');
    const res = await admin.post(
      '/api/locations',
      testLocation({ name: 'Autohaus Test Dresden', code: 'dd1', federalState: 'SN' }),
    );
    expect(res.statusCode).toBe(201);
    const location = res.json();
    expect(location.code).toBe('DD1');
    expect(location.departments.map((d: { kind: string }) => d.kind).sort()).toEqual([
      'administration',
      'parts',
      'sales',
      'service',
    ]);
    expect(location.openingHours.mon).toEqual([{ from: '08:00', to: '18:00' }]);
  });

  it('refuses a duplicate code with 409 naming the field', async () => {
    const admin = await t.userWithRole('admin');
    const res = await admin.post('/api/locations', testLocation());
    expect(res.statusCode).toBe(409);
    expect(res.json().errors[0].field).toBe('code');
  });

  it('refuses opening hours that end before they start, and an unknown federal state', async () => {
    const admin = await t.userWithRole('admin');
    const res = await admin.post(
      '/api/locations',
      testLocation({
        code: 'XX1',
        federalState: 'XY' as never,
        openingHours: { ...testLocation().openingHours, tue: [{ from: '18:00', to: '08:00' }] },
      }),
    );
    expect(res.statusCode).toBe(400);
    const fields = res.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toContain('federalState');
    expect(fields).toContain('openingHours.tue.0.to');
  });

  it('only admins change locations', async () => {
    const manager = await t.userWithRole('manager');
    expect((await manager.patch(`/api/locations/${t.location.id}`, { name: 'Neu' })).statusCode).toBe(403);
    expect((await manager.get('/api/locations')).statusCode).toBe(200);
  });
});

describe('public holidays of a location', () => {
  it("lists the statutory holidays of the location's federal state, not another state's", async () => {
    const admin = await t.userWithRole('admin');
    const bavarian = (
      await admin.post(
        '/api/locations',
        testLocation({ name: 'Autohaus Test München', code: 'MUC9', federalState: 'BY' }),
      )
    ).json();
    const consultant = await t.userWithRole('sales');
    const res = await consultant.get(`/api/locations/${bavarian.id}/holidays?year=2026`);
    expect(res.statusCode).toBe(200);
    const days = res.json() as Array<{ date: string; name: string }>;
    expect(days).toContainEqual({ date: '2026-01-06', name: 'Heilige Drei Könige' });
    expect(days.map((d) => d.date)).toContain('2026-12-25');
    // Reformation Day is a holiday in Saxony, not in Bavaria.
    expect(days.map((d) => d.date)).not.toContain('2026-10-31');
    const english = (await consultant.get(`/api/locations/${bavarian.id}/holidays?year=2026&lang=en`)).json();
    expect(english.find((d: { date: string }) => d.date === '2026-12-25').name).toBe('Christmas Day');
  });

  it('names the year when it is out of range and answers 404 for an unknown location', async () => {
    const consultant = await t.userWithRole('sales');
    const bad = await consultant.get(`/api/locations/${t.location.id}/holidays?year=20266`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('year');
    const missing = await consultant.get('/api/locations/00000000-0000-4000-8000-000000000000/holidays?year=2026');
    expect(missing.statusCode).toBe(404);
  });
});

describe('users', () => {
  it('an admin creates a user with further locations; the user is listed with them', async () => {
    const admin = await t.userWithRole('admin');
    const second = (await admin.post('/api/locations', testLocation({ code: 'SEC', name: 'Zweitbetrieb' }))).json();
    const res = await admin.post('/api/users', {
      email: 'Max.Mustermann@Example.test',
      firstName: 'Max',
      lastName: 'Mustermann',
      role: 'service',
      homeLocationId: t.location.id,
      locationIds: [second.id],
      department: 'service',
      phoneExtension: '231',
      password: 'a-long-password',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().initialPassword).toBeUndefined();
    const user = res.json().user;
    expect(user.email).toBe('max.mustermann@example.test');
    expect(user.locationIds).toEqual([t.location.id, second.id]);
    const list = (await admin.get('/api/users')).json();
    expect(list.find((u: { id: string }) => u.id === user.id)).toMatchObject({
      displayName: 'Max Mustermann',
      phoneExtension: '231',
    });
  });

  it('refuses a duplicate e-mail (any case) with 409, and an unknown home location with 400', async () => {
    const admin = await t.userWithRole('admin');
    const base = { firstName: 'A', lastName: 'B', role: 'sales', homeLocationId: t.location.id };
    expect((await admin.post('/api/users', { ...base, email: 'dup@example.test' })).statusCode).toBe(201);
    const dup = await admin.post('/api/users', { ...base, email: 'DUP@example.test' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors[0].field).toBe('email');
    const unknown = await admin.post('/api/users', {
      ...base,
      email: 'x@example.test',
      homeLocationId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toBe('homeLocationId');
  });

  it('a manager sees the users of the own locations only', async () => {
    const admin = await t.userWithRole('admin');
    const other = (await admin.post('/api/locations', testLocation({ code: 'OTH', name: 'Andere Filiale' }))).json();
    const here = await t.userWithRole('sales');
    const there = await t.userWithRole('sales', { locationId: other.id });
    const manager = await t.userWithRole('manager');
    const ids = (await manager.get('/api/users')).json().map((u: { id: string }) => u.id);
    expect(ids).toContain(here.userId);
    expect(ids).not.toContain(there.userId);
    expect((await manager.get(`/api/users/${there.userId}`)).statusCode).toBe(403);
  });

  it('a role change ends the user’s sessions, so old rights do not linger', async () => {
    const admin = await t.userWithRole('admin');
    const manager = await t.userWithRole('manager');
    expect((await manager.get('/api/users')).statusCode).toBe(200);
    await admin.patch(`/api/users/${manager.userId}`, { role: 'sales' });
    expect((await manager.get('/api/users')).statusCode).toBe(401);
    const again = await t.login(manager.email);
    expect((await again.get('/api/users')).statusCode).toBe(403);
  });

  it('an admin cannot demote or deactivate themself', async () => {
    const admin = await t.userWithRole('admin');
    const res = await admin.patch(`/api/users/${admin.userId}`, { role: 'sales' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('role');
  });

  it('a password reset returns a one-time password and ends the user’s sessions', async () => {
    const admin = await t.userWithRole('admin');
    const sales = await t.userWithRole('sales');
    const res = await admin.post(`/api/users/${sales.userId}/password`, {});
    expect(res.statusCode).toBe(200);
    expect((await sales.get('/api/auth/session')).statusCode).toBe(401);
    const relogged = await t.login(sales.email, res.json().password);
    expect((await relogged.get('/api/auth/session')).json().user.mustChangePassword).toBe(true);
  });

  it('sales staff may read the colleague directory but not the user admin', async () => {
    const sales = await t.userWithRole('sales');
    expect((await sales.get('/api/users')).statusCode).toBe(403);
    const directory = await sales.get('/api/users/directory');
    expect(directory.statusCode).toBe(200);
    expect(Object.keys(directory.json()[0]).sort()).toEqual([
      'active',
      'displayName',
      'homeLocationId',
      'id',
      'locationIds',
      'role',
    ]);
  });

  it('records administrative changes in the audit log', async () => {
    const admin = await t.userWithRole('admin');
    const sales = await t.userWithRole('sales');
    await admin.patch(`/api/users/${sales.userId}`, { phoneExtension: '299' });
    const rows = await t.database.query<{ action: string; actor_user_id: string }>(
      'SELECT action, actor_user_id FROM audit_events WHERE entity_id = $1 ORDER BY id',
      [sales.userId],
    );
    expect(rows.at(-1)).toEqual({ action: 'user.updated', actor_user_id: admin.userId });
  });
});
