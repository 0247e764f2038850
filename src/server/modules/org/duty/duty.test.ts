import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '@test/support/app';
import { makeLocation } from '../../assignment/test-factories';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp(); // Monday 2 March 2026, 09:00 in Berlin; open 08:00–18:00
});
afterAll(() => t.close());

const useCheckIn = async (locationId: string, autoCheckOutAtClosing = false) => {
  const admin = await t.userWithRole('admin');
  const res = await admin.put(`/api/locations/${locationId}/duty-settings`, {
    usesCheckIn: true,
    autoCheckOutAtClosing,
  });
  expect(res.statusCode, res.body).toBe(200);
};

describe('checking in and out', () => {
  it('opens a shift at the location, shows it on the header and the on-duty list, and closes it on check-out', async () => {
    t.clock.set('2026-03-02T06:58:00Z'); // 07:58 in Berlin
    const anna = await t.userWithRole('sales');
    const checkIn = await anna.post('/api/duty/check-in', { locationId: t.location.id });
    expect(checkIn.statusCode, checkIn.body).toBe(200);
    expect(checkIn.json()).toMatchObject({
      location: { id: t.location.id, name: 'Autohaus Test Stuttgart' },
      checkedInAt: '2026-03-02T06:58:00.000Z',
      checkedOutAt: null,
    });

    const mine = (await anna.get('/api/duty/me')).json();
    expect(mine.current.location.id).toBe(t.location.id);
    expect(mine.locations).toEqual([{ id: t.location.id, name: 'Autohaus Test Stuttgart', usesCheckIn: false }]);

    const parts = await t.userWithRole('parts');
    const now = (await parts.get(`/api/duty/now?locationId=${t.location.id}`)).json();
    expect(now).toContainEqual({
      user: { id: anna.userId, displayName: expect.stringContaining('sales'), role: 'sales' },
      department: null,
      since: '2026-03-02T06:58:00.000Z',
    });

    t.clock.set('2026-03-02T07:40:00Z');
    const out = await anna.post('/api/duty/check-out');
    expect(out.json()).toMatchObject({ checkedOutAt: '2026-03-02T07:40:00.000Z', checkOutKind: 'manual' });
    expect((await anna.get('/api/duty/me')).json().current).toBeNull();
    const after = (await parts.get(`/api/duty/now?locationId=${t.location.id}`)).json();
    expect(after.map((e: { user: { id: string } }) => e.user.id)).not.toContain(anna.userId);

    const again = await anna.post('/api/duty/check-out');
    expect(again.statusCode).toBe(409);
  });

  it('moves the shift when the user checks in at another of their locations', async () => {
    t.clock.set('2026-03-02T08:00:00Z');
    const north = await makeLocation(t, 'Filiale Nord');
    const ben = await t.userWithRole('service', { extraLocationIds: [north] });
    await ben.post('/api/duty/check-in', { locationId: t.location.id });
    t.clock.set('2026-03-02T10:00:00Z');
    const moved = await ben.post('/api/duty/check-in', { locationId: north });
    expect(moved.json().location.id).toBe(north);

    const history = (await ben.get('/api/duty/history')).json();
    expect(history).toMatchObject([
      { location: { id: north }, checkedOutAt: null },
      { location: { id: t.location.id }, checkedOutAt: '2026-03-02T10:00:00.000Z', checkOutKind: 'automatic' },
    ]);
    const here = (await ben.get(`/api/duty/now?locationId=${t.location.id}`)).json();
    expect(here.map((e: { user: { id: string } }) => e.user.id)).not.toContain(ben.userId);
  });

  it('keeps one open shift when the same user checks in twice at once', async () => {
    const north = await makeLocation(t, 'Filiale Ost');
    const clara = await t.userWithRole('reception', { extraLocationIds: [north] });
    const answers = await Promise.all([
      clara.post('/api/duty/check-in', { locationId: t.location.id }),
      clara.post('/api/duty/check-in', { locationId: north }),
    ]);
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200]);
    const open = (await clara.get('/api/duty/history'))
      .json()
      .filter((s: { checkedOutAt: string | null }) => !s.checkedOutAt);
    expect(open).toHaveLength(1);
  });

  it('refuses a check-in at a location the user does not work at, naming the field', async () => {
    const elsewhere = await makeLocation(t, 'Filiale Süd');
    const dora = await t.userWithRole('sales');
    const res = await dora.post('/api/duty/check-in', { locationId: elsewhere });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'locationId', code: 'own_location_required' });
  });
});

describe('automatic check-out at closing time', () => {
  it("checks out at the location's closing time when enabled, and not where it is off", async () => {
    const west = await makeLocation(t, 'Filiale West');
    await useCheckIn(west, true);
    const closingOff = await makeLocation(t, 'Filiale Mitte');
    await useCheckIn(closingOff, false);
    t.clock.set('2026-03-02T07:30:00Z');
    const emil = await t.userWithRole('sales', { locationId: west });
    const fritz = await t.userWithRole('sales', { locationId: closingOff });
    await emil.post('/api/duty/check-in', { locationId: west });
    await fritz.post('/api/duty/check-in', { locationId: closingOff });

    t.clock.set('2026-03-02T16:59:00Z'); // 17:59: still open
    await t.services.jobs.worker.runDue();
    // The morning's sessions have expired by now: log in again.
    const emilLater = await t.login(emil.email);
    expect((await emilLater.get('/api/duty/me')).json().current).not.toBeNull();

    t.clock.set('2026-03-02T17:05:00Z'); // 18:05: closed at 18:00
    await t.services.jobs.worker.runDue();
    expect((await emilLater.get('/api/duty/me')).json().current).toBeNull();
    expect((await emilLater.get('/api/duty/history')).json()[0]).toMatchObject({
      checkedOutAt: '2026-03-02T17:00:00.000Z',
      checkOutKind: 'closing_time',
    });
    expect((await (await t.login(fritz.email)).get('/api/duty/me')).json().current).not.toBeNull();
  });
});

describe('history and settings access', () => {
  it("shows staff only their own shifts and managers those of their locations' staff", async () => {
    const south = await makeLocation(t, 'Filiale Hafen');
    const gerd = await t.userWithRole('sales');
    const hanna = await t.userWithRole('sales', { locationId: south });
    await gerd.post('/api/duty/check-in', { locationId: t.location.id });
    await hanna.post('/api/duty/check-in', { locationId: south });

    expect((await gerd.get(`/api/duty/history?userId=${hanna.userId}`)).statusCode).toBe(403);
    const manager = await t.userWithRole('manager');
    const seen = (await manager.get('/api/duty/history')).json().map((s: { user: { id: string } }) => s.user.id);
    expect(seen).toContain(gerd.userId);
    expect(seen).not.toContain(hanna.userId);
    expect((await manager.get(`/api/duty/history?locationId=${south}`)).statusCode).toBe(403);
  });

  it("lets a manager change only their own location's check-in setting", async () => {
    const other = await makeLocation(t, 'Filiale Berg');
    const manager = await t.userWithRole('manager');
    const sales = await t.userWithRole('sales');
    const body = { usesCheckIn: true, autoCheckOutAtClosing: true };
    expect((await manager.put(`/api/locations/${other}/duty-settings`, body)).statusCode).toBe(403);
    expect((await sales.put(`/api/locations/${t.location.id}/duty-settings`, body)).statusCode).toBe(403);
    const own = await manager.put(`/api/locations/${t.location.id}/duty-settings`, body);
    expect(own.json()).toEqual({ locationId: t.location.id, ...body });
    await manager.put(`/api/locations/${t.location.id}/duty-settings`, {
      usesCheckIn: false,
      autoCheckOutAtClosing: false,
    });
  });
});
