import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '@test/support/app';
import { callbackRequest, createRequest } from '../requests/test-support';
import { makeLocation, makeRule, makeUser } from './test-factories';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp(); // Monday 2 March 2026
});
afterAll(() => t.close());

const holiday = (userId: string, overrides: Record<string, unknown> = {}) => ({
  userId,
  kind: 'holiday',
  startsOn: '2026-03-02',
  endsOn: '2026-03-14',
  ...overrides,
});

describe('absences', () => {
  it('a user records their own holiday with a deputy; everyone can see it', async () => {
    const max = await t.userWithRole('sales');
    const anna = await makeUser(t, 'sales', { firstName: 'Anna', lastName: 'Schulz' });
    const res = await max.post('/api/absences', holiday(max.userId, { deputyId: anna.id, note: 'Skiurlaub' }));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      user: { id: max.userId },
      kind: 'holiday',
      startsOn: '2026-03-02',
      endsOn: '2026-03-14',
      deputy: { id: anna.id, displayName: 'Anna Schulz' },
      note: 'Skiurlaub',
    });

    const reception = await t.userWithRole('reception');
    const list = await reception.get(`/api/absences?userId=${max.userId}&from=2026-03-10&to=2026-03-20`);
    expect(list.statusCode).toBe(200);
    expect(list.json().map((a: { id: string }) => a.id)).toEqual([res.json().id]);
    expect((await reception.get(`/api/absences?userId=${max.userId}&from=2026-03-15`)).json()).toEqual([]);

    expect(await t.services.assignment.isAbsent(max.userId, '2026-03-14')).toBe(true);
    expect(await t.services.assignment.isAbsent(max.userId, '2026-03-15')).toBe(false);
    expect(await t.services.assignment.currentAbsence(max.userId, '2026-03-05')).toMatchObject({
      endsOn: '2026-03-14',
      deputyId: anna.id,
    });
  });

  it('refuses an absence that overlaps another of the same person with 409', async () => {
    const person = await t.userWithRole('service');
    expect((await person.post('/api/absences', holiday(person.userId))).statusCode).toBe(201);
    const overlap = await person.post(
      '/api/absences',
      holiday(person.userId, { kind: 'sick', startsOn: '2026-03-14', endsOn: '2026-03-16' }),
    );
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json().errors[0].field).toBe('startsOn');
    const after = await person.post(
      '/api/absences',
      holiday(person.userId, { startsOn: '2026-03-15', endsOn: '2026-03-16' }),
    );
    expect(after.statusCode).toBe(201);
    // Moving the second one onto the first is refused too.
    const moved = await person.patch(`/api/absences/${after.json().id}`, { startsOn: '2026-03-13' });
    expect(moved.statusCode).toBe(409);
  });

  it('refuses a deputy who is inactive or works elsewhere, naming deputyId', async () => {
    const person = await t.userWithRole('service');
    const elsewhere = await makeUser(t, 'service', { locationId: await makeLocation(t, 'Woanders') });
    const inactive = await makeUser(t, 'service', { active: false });
    for (const deputyId of [elsewhere.id, inactive.id, person.userId]) {
      const res = await person.post('/api/absences', holiday(person.userId, { deputyId }));
      expect(res.statusCode).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain('deputyId');
    }
  });

  it('refuses an end before the start', async () => {
    const person = await t.userWithRole('service');
    const res = await person.post(
      '/api/absences',
      holiday(person.userId, { startsOn: '2026-03-10', endsOn: '2026-03-09' }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('endsOn');
  });

  it('managers record absences for people of their locations only; others only their own', async () => {
    const manager = await t.userWithRole('manager');
    const colleague = await makeUser(t, 'service');
    const far = await makeUser(t, 'service', { locationId: await makeLocation(t, 'Weit weg') });
    expect((await manager.post('/api/absences', holiday(colleague.id))).statusCode).toBe(201);
    expect((await manager.post('/api/absences', holiday(far.id))).statusCode).toBe(403);

    const sales = await t.userWithRole('sales');
    expect(
      (await sales.post('/api/absences', holiday(colleague.id, { startsOn: '2026-04-01', endsOn: '2026-04-02' })))
        .statusCode,
    ).toBe(403);
    const unknown = await manager.post('/api/absences', holiday('00000000-0000-4000-8000-000000000003'));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toBe('userId');
  });

  it('changes and deletes an absence', async () => {
    const person = await t.userWithRole('parts');
    const deputy = await makeUser(t, 'parts');
    const id = (await person.post('/api/absences', holiday(person.userId))).json().id;
    const changed = await person.patch(`/api/absences/${id}`, { endsOn: '2026-03-20', deputyId: deputy.id });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ startsOn: '2026-03-02', endsOn: '2026-03-20', deputy: { id: deputy.id } });
    const other = await t.userWithRole('parts');
    expect((await other.delete(`/api/absences/${id}`)).statusCode).toBe(403);
    expect((await person.delete(`/api/absences/${id}`)).statusCode).toBe(204);
    expect((await person.get(`/api/absences?userId=${person.userId}`)).json()).toEqual([]);
  });
});

describe('who is here today', () => {
  it('lists the location’s active colleagues, the absent ones with end and deputy', async () => {
    const loc = await makeLocation(t, 'Präsenz-Filiale');
    const max = await makeUser(t, 'sales', { firstName: 'Max', lastName: 'Weber', locationId: loc });
    const anna = await makeUser(t, 'sales', { firstName: 'Anna', lastName: 'Schulz', locationId: loc });
    await makeUser(t, 'sales', { lastName: 'Inaktiv', locationId: loc, active: false });
    await makeUser(t, 'admin', { firstName: 'System', lastName: 'Administrator', locationId: loc });
    const admin = await t.userWithRole('admin');
    await admin.post('/api/absences', holiday(max.id, { kind: 'sick', endsOn: '2026-03-03', deputyId: anna.id }));

    const reception = await t.userWithRole('reception');
    const res = await reception.get(`/api/users/presence?locationId=${loc}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([
      { user: { id: anna.id, displayName: 'Anna Schulz', role: 'sales' }, present: true, onCall: false },
      {
        user: { id: max.id, displayName: 'Max Weber', role: 'sales' },
        present: false,
        onCall: false,
        absence: { kind: null, endsOn: '2026-03-03', deputy: { id: anna.id, displayName: 'Anna Schulz' } },
      },
    ]);
  });

  it('takes only one of several overlapping absences entered at the same moment', async () => {
    const manager = await t.userWithRole('manager');
    // Several people at once, so that the checks really run side by side on PostgreSQL's pool.
    const people = await Promise.all(
      [1, 2, 3, 4, 5, 6].map((n) => makeUser(t, 'sales', { firstName: 'Gleich', lastName: `Zeitig${n}` })),
    );
    const answers = await Promise.all(
      people.flatMap((person) =>
        ['2026-04-01', '2026-04-02', '2026-04-03', '2026-04-04'].map(async (startsOn) => ({
          person: person.id,
          status: (await manager.post('/api/absences', holiday(person.id, { startsOn, endsOn: '2026-04-10' })))
            .statusCode,
        })),
      ),
    );
    for (const person of people) {
      const mine = answers.filter((a) => a.person === person.id).map((a) => a.status);
      expect(mine.sort()).toEqual([201, 409, 409, 409]);
      expect((await manager.get(`/api/absences?userId=${person.id}`)).json()).toHaveLength(1);
    }
  });
});

describe('sick leave is health data', () => {
  it('shows why someone is away, and the note, only to them, their location’s managers and admins', async () => {
    const here = await makeLocation(t, 'Filiale Gesundheit');
    const there = await makeLocation(t, 'Filiale Anderswo');
    const max = await t.userWithRole('sales', { locationId: here });
    const anna = await makeUser(t, 'sales', { firstName: 'Anna', lastName: 'Vertretung', locationId: here });
    const admin = await t.userWithRole('admin');
    const sick = await admin.post(
      '/api/absences',
      holiday(max.userId, { kind: 'sick', endsOn: '2026-03-04', deputyId: anna.id, note: 'Bandscheibenvorfall' }),
    );
    expect(sick.statusCode).toBe(201);

    const viewers = {
      himself: max,
      admin,
      managerHere: await t.userWithRole('manager', { locationId: here }),
      managerThere: await t.userWithRole('manager', { locationId: there }),
      colleague: await t.userWithRole('sales', { locationId: here }),
      reception: await t.userWithRole('reception', { locationId: here }),
    };
    for (const [who, viewer] of Object.entries(viewers)) {
      const sees = ['himself', 'admin', 'managerHere'].includes(who);
      const [listed] = (await viewer.get(`/api/absences?userId=${max.userId}`)).json();
      expect(listed, who).toMatchObject({
        kind: sees ? 'sick' : null,
        note: sees ? 'Bandscheibenvorfall' : null,
        endsOn: '2026-03-04',
        deputy: { id: anna.id, displayName: 'Anna Vertretung' },
      });
      const presence = (await viewer.get(`/api/users/presence?locationId=${here}`)).json();
      const entry = presence.find((p: { user: { id: string } }) => p.user.id === max.userId);
      expect(entry.absence, who).toEqual({
        kind: sees ? 'sick' : null,
        endsOn: '2026-03-04',
        deputy: { id: anna.id, displayName: 'Anna Vertretung' },
      });
    }
  });

  it('never names it in what a request tells its readers: explanation, history, alerts', async () => {
    const here = await makeLocation(t, 'Filiale Vertretung');
    const max = await makeUser(t, 'sales', { firstName: 'Max', lastName: 'Meier', locationId: here });
    const anna = await makeUser(t, 'sales', { firstName: 'Anna', lastName: 'Springer', locationId: here });
    const admin = await t.userWithRole('admin');
    const manager = await t.userWithRole('manager', { locationId: here });
    await admin.post('/api/absences', holiday(max.id, { kind: 'sick', endsOn: '2026-03-04', deputyId: anna.id }));
    await makeRule(t, {
      strategy: 'fixed_user',
      userId: max.id,
      notifyManager: true,
      match: { locationIds: [here] },
    });

    const probe = await manager.post('/api/assignment/probe', { type: 'callback', locationId: here });
    expect(probe.json().explanation).toContain('Max Meier ist abwesend bis 04.03.2026 → Vertretung: Anna Springer');

    const reception = await t.userWithRole('reception', { locationId: here });
    const request = await createRequest(reception, callbackRequest(here));
    expect(request.assignee?.id).toBe(anna.id);
    const told = [
      (await reception.get(`/api/requests/${request.id}/events`)).body,
      (await reception.get(`/api/requests/${request.id}`)).body,
      JSON.stringify(
        await t.database.query('SELECT subject, text FROM outbox_emails WHERE related_id = $1', [request.id]),
      ),
      JSON.stringify(
        await t.database.query("SELECT title, body FROM notifications WHERE data->>'requestId' = $1", [request.id]),
      ),
    ].join('\n');
    expect(told).toContain('abwesend bis 04.03.2026');
    expect(told).not.toMatch(/krank|sick/i);
  });
});
