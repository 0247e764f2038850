import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '@test/support/app';
import {
  absent,
  clearRules,
  decideNow,
  insertRequest,
  makeContact,
  makeLocation,
  makeRule,
  makeUser,
} from './test-factories';
import { mapExtension, WebhookPbx, webhookConnection } from '../telephony/test-simulator';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp(); // Monday 2 March 2026, 09:00 in Berlin
});
afterAll(() => t.close());
beforeEach(() => clearRules(t));

async function team(names: string[], locationId = t.location.id) {
  const people = [];
  for (const name of names)
    people.push(await makeUser(t, 'service', { firstName: name, lastName: 'Team', locationId }));
  return people;
}

describe('round robin', () => {
  it('cycles through the group in order', async () => {
    const [a, b, c] = await team(['Anton', 'Berta', 'Cäsar']);
    await makeRule(t, { strategy: 'round_robin', groupUserIds: [a!.id, b!.id, c!.id] });
    const order = [];
    for (let i = 0; i < 4; i++) order.push((await decideNow(t)).assigneeId);
    expect(order).toEqual([a!.id, b!.id, c!.id, a!.id]);
  });

  it('skips members who are away, inactive or not working at the location', async () => {
    const elsewhere = await makeLocation(t, 'Filiale Nord');
    const [a, b, c] = await team(['Dora', 'Emil', 'Frida']);
    const [d] = await team(['Gustav'], elsewhere);
    const gone = await makeUser(t, 'service', { lastName: 'Weg', active: false });
    await absent(t, b!.id, '2026-03-02', '2026-03-06');
    await makeRule(t, { strategy: 'round_robin', groupUserIds: [a!.id, b!.id, d!.id, c!.id] });
    await t.database.query('UPDATE assignment_rules SET group_user_ids = array_append(group_user_ids, $1::uuid)', [
      gone.id,
    ]);
    const order = [];
    for (let i = 0; i < 3; i++) order.push((await decideNow(t)).assigneeId);
    expect(order).toEqual([a!.id, c!.id, a!.id]);
    const decision = await decideNow(t);
    expect(decision.explanation[1]).toBe(
      `Nicht verfügbar: Emil Team (abwesend bis 06.03.2026), Gustav Team (nicht an diesem Standort), ${gone.displayName} (nicht mehr aktiv)`,
    );
    expect(decision.explanation[2]).toBe('Reihum ist Frida Team an der Reihe (2 von 5 anwesend)');
  });

  it('never hands two simultaneous requests to the same person', async () => {
    const [a, b] = await team(['Hanna', 'Ida']);
    await makeRule(t, { strategy: 'round_robin', groupUserIds: [a!.id, b!.id] });
    const both = await Promise.all([decideNow(t), decideNow(t)]);
    expect(both.map((d) => d.assigneeId).sort()).toEqual([a!.id, b!.id].sort());
  });

  it('goes to the manager when no one of the group is there', async () => {
    const loc = await makeLocation(t, 'Filiale Süd');
    const manager = await makeUser(t, 'manager', { firstName: 'Susi', lastName: 'Süd', locationId: loc });
    const [a] = await team(['Jonas'], loc);
    await absent(t, a!.id, '2026-03-02', '2026-03-02', null, 'sick');
    await makeRule(t, { strategy: 'round_robin', groupUserIds: [a!.id] });
    const decision = await decideNow(t, { locationId: loc });
    expect(decision.assigneeId).toBe(manager.id);
    expect(decision.explanation.at(-1)).toBe('Niemand aus der Gruppe anwesend → Leitung des Standorts: Susi Süd');
  });
});

describe('least loaded', () => {
  it('picks the present member with the fewest open requests; closed ones do not count', async () => {
    const [a, b, c] = await team(['Karl', 'Lena', 'Mona']);
    const contactId = await makeContact(t);
    await insertRequest(t, { assigneeId: a!.id, contactId });
    await insertRequest(t, { assigneeId: a!.id, contactId, status: 'in_progress' });
    for (let i = 0; i < 3; i++) await insertRequest(t, { assigneeId: b!.id, contactId, status: 'done' });
    await insertRequest(t, { assigneeId: b!.id, contactId, status: 'waiting' });
    await absent(t, c!.id, '2026-03-01', '2026-03-03'); // has nothing open, but is away
    await makeRule(t, { strategy: 'least_loaded', groupUserIds: [a!.id, b!.id, c!.id] });
    const decision = await decideNow(t);
    expect(decision.assigneeId).toBe(b!.id);
    expect(decision.explanation.at(-1)).toBe(
      'Geringste Auslastung: Lena Team (offene Anliegen: Lena Team 1, Karl Team 2)',
    );
  });

  it('between equally loaded members picks the one who got a request longest ago', async () => {
    const [a, b] = await team(['Nora', 'Otto']);
    const contactId = await makeContact(t);
    await insertRequest(t, { assigneeId: a!.id, contactId, assignedAt: '2026-03-01T10:00:00Z' });
    await insertRequest(t, { assigneeId: b!.id, contactId, assignedAt: '2026-02-27T10:00:00Z' });
    await makeRule(t, { strategy: 'least_loaded', groupUserIds: [a!.id, b!.id] });
    expect((await decideNow(t)).assigneeId).toBe(b!.id);
  });
});

describe('least loaded for a customer waiting at the desk', () => {
  it('skips whoever is on the phone or away and gives the walk-in to the next free consultant', async () => {
    const admin = await t.userWithRole('admin');
    const reception = await t.userWithRole('reception');
    const sales = async (firstName: string) => makeUser(t, 'sales', { firstName, lastName: 'Verkauf' });
    const [anna, bernd, clara] = [await sales('Anna'), await sales('Bernd'), await sales('Clara')];
    const contactId = await makeContact(t);
    for (let i = 0; i < 2; i++) await insertRequest(t, { assigneeId: bernd.id, contactId });
    await absent(t, clara.id, '2026-03-02', '2026-03-02'); // nothing open, but not here today
    await makeRule(t, {
      strategy: 'least_loaded',
      groupUserIds: [anna.id, bernd.id, clara.id],
      match: { types: ['sales_lead'] },
    });
    const connection = await webhookConnection(t, admin);
    await mapExtension(t, connection.id, '41', anna.id);
    const pbx = new WebhookPbx(t, connection.id, connection.headers);
    const walkIn = (subject: string) =>
      reception.post('/api/requests', {
        type: 'sales_lead',
        channel: 'walk_in',
        locationId: t.location.id,
        subject,
        contactId,
      });

    // Anna has nothing open but is talking to a customer on the phone.
    await pbx.ring('desk-1', '+49 171 5550101', ['41']);
    await pbx.answer('desk-1', '41');
    const first = await walkIn('Möchte einen Golf Probe fahren');
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().assignee.id).toBe(bernd.id);

    // A web lead is not waiting at the desk: it still goes to the least loaded, call or not.
    const lead = await reception.post('/api/requests', {
      type: 'sales_lead',
      channel: 'email',
      locationId: t.location.id,
      subject: 'Angebot Tiguan',
      contactId,
    });
    expect(lead.json().assignee.id).toBe(anna.id);

    // The walk-in form shows who is on the phone.
    const presence = (await reception.get(`/api/users/presence?locationId=${t.location.id}`)).json();
    const entry = (id: string) => presence.find((e: { user: { id: string } }) => e.user.id === id);
    expect(entry(anna.id)).toMatchObject({ present: true, onCall: true });
    expect(entry(bernd.id)).toMatchObject({ present: true, onCall: false });
    expect(entry(clara.id)).toMatchObject({ present: false, onCall: false });

    // The call is over: Anna is free again.
    await pbx.hangup('desk-1');
    const second = await walkIn('Fragt nach dem Leasingangebot');
    expect(second.json().assignee.id).toBe(anna.id);
  });
});

describe('probe: who would get this request?', () => {
  it('tells who would get it, with the explanation, without moving the round-robin pointer', async () => {
    const [a, b] = await team(['Paula', 'Quirin']);
    const rule = await makeRule(t, { name: 'Service reihum', strategy: 'round_robin', groupUserIds: [a!.id, b!.id] });
    const manager = await t.userWithRole('manager');
    const probe = { type: 'service_appointment', locationId: t.location.id };
    for (let i = 0; i < 2; i++) {
      const res = await manager.post('/api/assignment/probe', probe);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        assignee: { id: a!.id, displayName: 'Paula Team' },
        onBehalfOf: null,
        rule: { id: rule.id, name: 'Service reihum' },
        explanation: [
          'Regel „Service reihum“ passt (gilt für alle Anliegen)',
          'Reihum ist Paula Team an der Reihe (2 von 2 anwesend)',
        ],
        notify: [],
        fallback: null,
      });
    }
    expect((await decideNow(t)).assigneeId).toBe(a!.id);
  });

  it('checks next week’s holiday cover when given a date', async () => {
    const [a, b] = await team(['Rita', 'Sven']);
    await absent(t, a!.id, '2026-03-09', '2026-03-13', b!.id);
    await makeRule(t, { strategy: 'fixed_user', userId: a!.id });
    const manager = await t.userWithRole('manager');
    const res = await manager.post('/api/assignment/probe', {
      type: 'general',
      locationId: t.location.id,
      at: '2026-03-10T09:00:00+01:00',
    });
    expect(res.json()).toMatchObject({ assignee: { id: b!.id }, onBehalfOf: { id: a!.id } });
  });

  it('names an unknown location or contact', async () => {
    const manager = await t.userWithRole('manager');
    const unknown = '00000000-0000-4000-8000-000000000001';
    const res = await manager.post('/api/assignment/probe', { type: 'general', locationId: unknown });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('locationId');
    const res2 = await manager.post('/api/assignment/probe', {
      type: 'general',
      locationId: t.location.id,
      contactId: unknown,
    });
    expect(res2.json().errors[0].field).toBe('contactId');
  });

  it('is not for sales staff', async () => {
    const sales = await t.userWithRole('sales');
    expect((await sales.post('/api/assignment/probe', { type: 'general', locationId: t.location.id })).statusCode).toBe(
      403,
    );
  });
});
