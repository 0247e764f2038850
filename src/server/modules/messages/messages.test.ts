import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient, testLocation } from '@test/support/app';
import { createContact } from '@server/modules/vehicles/test-factories';

type User = TestClient & { userId: string; email: string };
let t: TestApp;
let reception: User;
let manager: User;
let sales: User;

beforeAll(async () => {
  // Monday 2 March 2026, 09:00 in Berlin; the test location is closed at weekends.
  t = await createTestApp();
  reception = await t.userWithRole('reception');
  manager = await t.userWithRole('manager');
  sales = await t.userWithRole('sales');
});
afterAll(() => t.close());

const write = (client: TestClient, body: Record<string, unknown>) => client.post('/api/messages', body);
const base = (contactId: string, extra: Record<string, unknown> = {}) => ({
  contactId,
  responsibleId: manager.userId,
  text: 'Kunde hat neue IBAN DE02 1203 0000 0000 2020 51 genannt.',
  type: 'internal',
  internalSubject: 'bank_details',
  ...extra,
});
const fieldsOf = (res: { json(): { errors: Array<{ field: string; code: string }> } }) =>
  res
    .json()
    .errors.map((e) => `${e.field}:${e.code}`)
    .sort();
const auditActions = async (contactId: string) =>
  (
    await t.database.query<{ action: string }>('SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY id', [
      contactId,
    ])
  ).map((r) => r.action);
const contactDetail = async (id: string) => (await manager.get(`/api/contacts/${id}`)).json();

describe('writing a message', () => {
  it('names every missing required field at once', async () => {
    const res = await write(reception, {});
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['contactId:required', 'responsibleId:required', 'text:required', 'type:required']);
  });

  it('asks each type for its own fields', async () => {
    const contact = await createContact(t, reception, 'Arnold');
    const cases: Array<[string, string[]]> = [
      ['internal', ['internalSubject:required']],
      ['daily_check', ['checkDay:required', 'checkName:required']],
      ['block', ['blockReason:required']],
      ['house_rules', ['houseRule:required']],
      ['complaint', ['channel:required']],
      ['wish', ['channel:required']],
      ['concern', ['channel:required']],
    ];
    for (const [type, fields] of cases) {
      const res = await write(reception, { contactId: contact.id, responsibleId: manager.userId, text: 'x', type });
      expect(res.statusCode, type).toBe(400);
      expect(fieldsOf(res), type).toEqual(fields);
    }
  });

  it('refuses a house-rules message without the rule, and stores it with the rule', async () => {
    const contact = await createContact(t, reception, 'Berger');
    const without = await write(reception, base(contact.id, { type: 'house_rules', houseRule: '  ' }));
    expect(fieldsOf(without)).toEqual(['houseRule:required']);
    const res = await write(reception, base(contact.id, { type: 'house_rules', houseRule: 'AGB §9' }));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      type: 'house_rules',
      houseRule: 'AGB §9',
      contact: { id: contact.id, customerNumber: contact.customerNumber },
      enteredBy: { id: reception.userId },
      responsible: { id: manager.userId },
    });
  });

  it('keeps the text verbatim on the timeline and names the one who entered it for a colleague', async () => {
    const contact = await createContact(t, reception, 'Cramer');
    const text = 'Neue Adresse: Hauptstraße 5,  70173 Stuttgart — ab 1.4.';
    const res = await write(
      reception,
      base(contact.id, { text, internalSubject: 'address', enteredById: sales.userId }),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ enteredBy: { id: sales.userId }, createdBy: { id: reception.userId } });
    const timeline = (await reception.get(`/api/contacts/${contact.id}/timeline`)).json();
    expect(timeline.items[0]).toMatchObject({ kind: 'message', body: text });
  });

  it('refuses an entering colleague from another location', async () => {
    const other = await t.services.org.createLocation(null, testLocation({ code: 'ULM', name: 'Autohaus Ulm' }));
    const stranger = await t.userWithRole('sales', { locationId: other.id });
    const contact = await createContact(t, reception, 'Decker');
    const res = await write(reception, base(contact.id, { enteredById: stranger.userId }));
    expect(fieldsOf(res)).toEqual(['enteredById:active_colleague_required']);
  });

  it('takes a check message for today or back to the previous opening day (Friday), not earlier and not tomorrow', async () => {
    const contact = await createContact(t, reception, 'Ebert');
    const check = (checkDay: string) =>
      write(
        reception,
        base(contact.id, { type: 'daily_check', checkName: 'Kamerakontrolle', checkDay, checkEntryId: 'k-1' }),
      );
    expect((await check('2026-03-02')).statusCode).toBe(201);
    expect((await check('2026-02-27')).statusCode).toBe(201);
    expect(fieldsOf(await check('2026-02-26'))).toEqual(['checkDay:check_day_out_of_window']);
    expect(fieldsOf(await check('2026-03-03'))).toEqual(['checkDay:in_future']);
  });
});

describe('block and unblock', () => {
  it('blocks the customer with reason and end date, audited, and refuses reception to lift it at once', async () => {
    const contact = await createContact(t, reception, 'Fischer');
    const blocked = await write(reception, {
      ...base(contact.id),
      type: 'block',
      text: 'Hat Personal beleidigt.',
      blockReason: 'Beleidigung des Personals',
      blockUntil: '2026-06-01T00:00:00+02:00',
    });
    expect(blocked.statusCode).toBe(201);
    expect((await contactDetail(contact.id)).activeBlock).toMatchObject({
      reason: 'Beleidigung des Personals',
      blockedUntil: '2026-05-31T22:00:00.000Z',
    });
    expect(await auditActions(contact.id)).toContain('contact.blocked');
    const again = await write(reception, { ...base(contact.id), type: 'block', blockReason: 'nochmal' });
    expect(again.statusCode).toBe(409);

    const unblock = await write(reception, { ...base(contact.id), type: 'unblock', text: 'Hat sich entschuldigt.' });
    expect(unblock.statusCode).toBe(201);
    expect(unblock.json().unblockState).toBe('pending');
    expect((await contactDetail(contact.id)).activeBlock).not.toBeNull();
    expect(await auditActions(contact.id)).toContain('contact.unblock_requested');

    const bySales = await sales.post(`/api/messages/${unblock.json().id}/confirm-unblock`);
    expect(bySales.statusCode).toBe(403);
    const confirmed = await manager.post(`/api/messages/${unblock.json().id}/confirm-unblock`);
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toMatchObject({ unblockState: 'done', confirmedBy: { id: manager.userId } });
    expect((await contactDetail(contact.id)).activeBlock).toBeNull();
    expect(await auditActions(contact.id)).toContain('contact.unblocked');
  });

  it("lifts a block at once when a manager writes the unblock, and follows the location's policy", async () => {
    const contact = await createContact(t, reception, 'Graf');
    await write(manager, { ...base(contact.id), type: 'block', blockReason: 'Hausverbot' });
    const unblock = await write(manager, { ...base(contact.id), type: 'unblock', responsibleId: sales.userId });
    expect(unblock.json().unblockState).toBe('done');
    expect((await contactDetail(contact.id)).activeBlock).toBeNull();

    const policy = await manager.put(`/api/messages/locations/${t.location.id}/block-policy`, {
      blockRoles: ['admin', 'manager'],
      unblockRoles: ['admin', 'manager', 'reception'],
    });
    expect(policy.statusCode).toBe(200);
    const refused = await write(reception, { ...base(contact.id), type: 'block', blockReason: 'Hausverbot' });
    expect(refused.statusCode).toBe(403);
    await manager.put(`/api/messages/locations/${t.location.id}/block-policy`, {
      blockRoles: ['admin', 'manager', 'sales', 'service', 'reception'],
      unblockRoles: ['admin', 'manager'],
    });
  });
});

describe('complaints', () => {
  it('opens a complaint request assigned to the responsible, linked both ways', async () => {
    const contact = await createContact(t, reception, 'Hahn');
    const res = await write(reception, {
      ...base(contact.id),
      type: 'complaint',
      channel: 'written',
      responsibleId: sales.userId,
      text: 'Auslieferung wieder verschoben, Kunde verärgert.',
    });
    expect(res.statusCode).toBe(201);
    const { requestId, id } = res.json();
    expect(requestId).toEqual(expect.any(String));
    const request = (await manager.get(`/api/requests/${requestId}`)).json();
    expect(request).toMatchObject({ type: 'complaint', channel: 'letter', contact: { id: contact.id } });
    const [row] = await t.database.query<{ external_source: string; external_id: string }>(
      'SELECT external_source, external_id FROM customer_requests WHERE id = $1',
      [requestId],
    );
    expect(row).toEqual({ external_source: 'customer_message', external_id: id });
  });
});

describe('the inbox', () => {
  it('notifies the responsible, lists it until archived, and keeps it on the timeline', async () => {
    const contact = await createContact(t, reception, 'Illner');
    const res = await write(reception, {
      ...base(contact.id),
      responsibleId: sales.userId,
      type: 'wish',
      channel: 'phone',
    });
    const id = res.json().id;
    const notes = (await sales.get('/api/notifications')).json().items;
    const note = notes.find((n: { data: { messageId?: string } }) => n.data?.messageId === id);
    expect(note).toMatchObject({ kind: 'message.received', link: `/messages?open=${id}` });
    expect(note.title).toContain(contact.customerNumber);

    const inbox = async () =>
      (await sales.get('/api/messages/inbox?acknowledged=true')).json().items.map((m: { id: string }) => m.id);
    expect(await inbox()).toContain(id);
    const ack = await sales.post(`/api/messages/${id}/acknowledge`);
    expect(ack.json()).toMatchObject({ acknowledgedBy: { id: sales.userId } });
    const open = (await sales.get('/api/messages/inbox')).json().items.map((m: { id: string }) => m.id);
    expect(open).not.toContain(id);
    expect(await inbox()).toContain(id);

    expect((await sales.post(`/api/messages/${id}/archive`)).statusCode).toBe(200);
    expect(await inbox()).not.toContain(id);
    const timeline = (await sales.get(`/api/contacts/${contact.id}/timeline`)).json();
    expect(
      timeline.items.some((e: { kind: string; body: string }) => e.kind === 'message' && e.body === res.json().text),
    ).toBe(true);
  });

  it("lets managers filter the location's list by type, and keeps other locations out", async () => {
    const list = await manager.get(`/api/messages?locationId=${t.location.id}&type=house_rules`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.length).toBeGreaterThan(0);
    expect(list.json().items.every((m: { type: string }) => m.type === 'house_rules')).toBe(true);

    const other = await t.services.org.createLocation(null, testLocation({ code: 'AAL', name: 'Autohaus Aalen' }));
    const foreign = await t.userWithRole('manager', { locationId: other.id });
    expect((await foreign.get(`/api/messages?locationId=${t.location.id}`)).statusCode).toBe(403);
    const own = (await foreign.get('/api/messages')).json().items;
    expect(own).toEqual([]);
    const someone = list.json().items[0].id;
    expect((await foreign.get(`/api/messages/${someone}`)).statusCode).toBe(403);
  });
});

describe('merging customers', () => {
  it("moves the dropped customer's messages to the record kept", async () => {
    const kept = await createContact(t, reception, 'Jansen');
    const duplicate = await createContact(t, reception, 'Jansen');
    const res = await write(reception, base(duplicate.id, { text: 'Neue Telefonnummer 0711 123456.' }));
    expect(res.statusCode).toBe(201);
    const merged = await manager.post('/api/contacts/merge', { sourceId: duplicate.id, targetId: kept.id });
    expect(merged.statusCode, merged.body).toBe(200);
    const moved = (await manager.get(`/api/messages/${res.json().id}`)).json();
    expect(moved.contact).toMatchObject({ id: kept.id, customerNumber: kept.customerNumber });
    const list = (await manager.get(`/api/messages?contactId=${kept.id}`)).json().items;
    expect(list.map((m: { id: string }) => m.id)).toContain(res.json().id);
  });
});

describe('the entering employee where the location uses check-in', () => {
  it('offers and accepts only colleagues on duty, naming the field for one who is not', async () => {
    const admin = await t.userWithRole('admin');
    const location = await t.services.org.createLocation(null, testLocation({ code: 'KEH', name: 'Autohaus Kehl' }));
    const settings = { usesCheckIn: true, autoCheckOutAtClosing: false };
    expect((await admin.put(`/api/locations/${location.id}/duty-settings`, settings)).statusCode).toBe(200);
    const desk = await t.userWithRole('reception', { locationId: location.id });
    const present = await t.userWithRole('sales', { locationId: location.id });
    const away = await t.userWithRole('sales', { locationId: location.id });
    const boss = await t.userWithRole('manager', { locationId: location.id });
    expect((await present.post('/api/duty/check-in', { locationId: location.id })).statusCode).toBe(200);
    const contact = await createContact(t, desk, 'Kehler');
    const at = (extra: Record<string, unknown>) =>
      write(desk, base(contact.id, { locationId: location.id, responsibleId: boss.userId, ...extra }));

    const people = (await desk.get(`/api/messages/locations/${location.id}/people`)).json().items;
    const ids = people.map((p: { id: string }) => p.id);
    expect(ids).toContain(present.userId);
    expect(ids).not.toContain(away.userId);

    expect(fieldsOf(await at({ enteredById: away.userId }))).toEqual(['enteredById:on_duty_required']);
    const ok = await at({ enteredById: present.userId });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().enteredBy).toMatchObject({ id: present.userId });
  });
});
