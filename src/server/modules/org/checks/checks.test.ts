import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '@test/support/app';
import { checkEntryOfDay } from '@server/modules/org';
import { makeLocation } from '../../assignment/test-factories';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp(); // Monday 2 March 2026
});
afterAll(() => t.close());

describe('daily checks', () => {
  it('warns about a due day without an entry on the page and on the home page of the managers and of the role that runs it', async () => {
    const locationId = await makeLocation(t, 'Filiale Kamera');
    const manager = await t.userWithRole('manager', { locationId });
    const reception = await t.userWithRole('reception', { locationId });
    const sales = await t.userWithRole('sales', { locationId });
    t.clock.set('2026-02-26T08:00:00Z'); // Thursday: the check is set up
    const created = await manager.post(`/api/locations/${locationId}/checks`, {
      name: 'Kamerakontrolle',
      weekdays: [1, 2, 3, 4, 5],
      role: 'reception',
    });
    expect(created.statusCode, created.body).toBe(201);
    const check = created.json();
    // Thursday recorded, Friday forgotten; the weekend is not due.
    const thursday = await reception.post(`/api/checks/${check.id}/entries`, {
      day: '2026-02-26',
      findings: 'Kamera 3 zeigt nur Rauschen, Techniker informiert',
      ok: false,
    });
    expect(thursday.statusCode, thursday.body).toBe(201);

    t.clock.set('2026-03-02T08:00:00Z'); // Monday
    const receptionNow = await t.login(reception.email);
    const page = (await receptionNow.get(`/api/locations/${locationId}/checks`)).json();
    expect(page.today).toBe('2026-03-02');
    expect(page.checks).toMatchObject([{ name: 'Kamerakontrolle', dueToday: true, todayEntry: null }]);
    expect(page.missing).toEqual([
      {
        checkId: check.id,
        checkName: 'Kamerakontrolle',
        locationId,
        locationName: 'Filiale Kamera',
        day: '2026-02-27',
      },
    ]);
    expect(page.entries[0]).toMatchObject({
      day: '2026-02-26',
      findings: 'Kamera 3 zeigt nur Rauschen, Techniker informiert',
      ok: false,
    });

    expect((await receptionNow.get('/api/checks/missing')).json()).toHaveLength(1);
    expect((await (await t.login(manager.email)).get('/api/checks/missing')).json()).toHaveLength(1);
    expect((await (await t.login(sales.email)).get('/api/checks/missing')).json()).toEqual([]);

    // Recorded late, the warning goes away; today's entry is linked for a daily-check message.
    await receptionNow.post(`/api/checks/${check.id}/entries`, {
      day: '2026-02-27',
      findings: 'Nachgetragen',
      ok: true,
    });
    await receptionNow.post(`/api/checks/${check.id}/entries`, {
      day: '2026-03-02',
      findings: 'Alles ruhig',
      ok: true,
    });
    expect((await receptionNow.get(`/api/locations/${locationId}/checks`)).json().missing).toEqual([]);
    const linked = await checkEntryOfDay(t.database.db, locationId, check.id, '2026-03-02');
    expect(linked).toMatchObject({ findings: 'Alles ruhig', ok: true, checkName: 'Kamerakontrolle' });
    expect(await checkEntryOfDay(t.database.db, t.location.id, check.id, '2026-03-02')).toBeNull();
  });

  it('keeps one entry per check and day, and none for a day to come', async () => {
    const manager = await t.userWithRole('manager');
    const check = (
      await manager.post(`/api/locations/${t.location.id}/checks`, { name: 'Kassensturz', weekdays: [1] })
    ).json();
    const body = { day: '2026-03-02', findings: 'Stimmt', ok: true };
    expect((await manager.post(`/api/checks/${check.id}/entries`, body)).statusCode).toBe(201);
    expect((await manager.post(`/api/checks/${check.id}/entries`, body)).statusCode).toBe(409);
    const future = await manager.post(`/api/checks/${check.id}/entries`, { ...body, day: '2026-03-03' });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0]).toMatchObject({ field: 'day', code: 'in_future' });
  });

  it("lets only the location's managers set up checks, and only its staff record them", async () => {
    const other = await makeLocation(t, 'Filiale Fremd');
    const manager = await t.userWithRole('manager');
    const sales = await t.userWithRole('sales');
    const input = { name: 'Kamerakontrolle', weekdays: [1] };
    expect((await manager.post(`/api/locations/${other}/checks`, input)).statusCode).toBe(403);
    expect((await sales.post(`/api/locations/${t.location.id}/checks`, input)).statusCode).toBe(403);
    const otherManager = await t.userWithRole('manager', { locationId: other });
    const check = (await otherManager.post(`/api/locations/${other}/checks`, input)).json();
    const entry = { day: '2026-03-02', findings: 'ok', ok: true };
    expect((await sales.post(`/api/checks/${check.id}/entries`, entry)).statusCode).toBe(403);
    expect((await sales.get(`/api/locations/${other}/checks`)).statusCode).toBe(403);
  });
});
