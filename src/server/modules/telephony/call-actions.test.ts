import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '@test/support/app';
import { clearRules, makeRule, makeUser } from '../assignment/test-factories';
import { searchFactory } from '../search/test-factories';
import { createRequest, callbackRequest } from '../requests/test-support';
import type { TelephonyAdapter } from './ports';
import { registerAdapterFactory } from './registry';
import { mapExtension, WebhookPbx, webhookConnection } from './test-simulator';

let t: TestApp;
let admin: TestClient;
let agent: TestClient & { userId: string };
let other: TestClient & { userId: string };
let pbx: WebhookPbx;
let serviceLead: { id: string; displayName: string };
let customer: { id: string };
let connectionId: string;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-03-02T09:00:00Z');
  admin = await t.userWithRole('admin');
  agent = await t.userWithRole('reception');
  other = await t.userWithRole('sales');
  serviceLead = await makeUser(t, 'service', { firstName: 'Sven', lastName: 'Service' });
  const connection = await webhookConnection(t, admin);
  connectionId = connection.id;
  await mapExtension(t, connection.id, '40', agent.userId);
  pbx = new WebhookPbx(t, connection.id, connection.headers);
  customer = await searchFactory(t.database, () => t.clock.now()).contact({
    location: t.location,
    lastName: 'Sommer',
    firstName: 'Sina',
    phones: ['0151 2223334'],
  });
});
afterAll(() => t.close());
beforeEach(async () => {
  await clearRules(t);
  await makeRule(t, { strategy: 'fixed_user', userId: serviceLead.id, match: { types: ['service_appointment'] } });
});

let n = 0;
async function talk(from = '0151 2223334') {
  const external = `act-${++n}`;
  const { callId } = await pbx.ring(external, from, ['40']);
  await pbx.answer(external, '40');
  t.clock.advance(90_000);
  return { callId, hangup: () => pbx.hangup(external) };
}

const callEntries = async (contactId: string) => {
  const timeline = (await admin.get(`/api/contacts/${contactId}/timeline`)).json();
  return (
    (timeline.items ?? timeline.entries) as Array<{ kind: string; body: string | null; data: { callId: string } }>
  ).filter((e) => e.kind === 'call');
};

describe('the note pad', () => {
  it('saves the note with the call and keeps one timeline entry when it changes after the call', async () => {
    const { callId, hangup } = await talk();
    const saved = await agent.put(`/api/calls/${callId}/note`, { note: 'Fragt nach Inspektion' });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ note: 'Fragt nach Inspektion', noteAuthor: { id: agent.userId } });
    expect((await callEntries(customer.id)).filter((e) => e.data.callId === callId)).toHaveLength(0);

    await hangup();
    await agent.put(`/api/calls/${callId}/note`, { note: 'Fragt nach Inspektion, Termin nächste Woche' });
    const entries = (await callEntries(customer.id)).filter((e) => e.data.callId === callId);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.body).toBe('Fragt nach Inspektion, Termin nächste Woche');
  });

  it('turns into a service appointment request assigned by the rules, in one step', async () => {
    const { callId } = await talk();
    await agent.put(`/api/calls/${callId}/note`, { note: 'Möchte Termin für Bremsen' });
    const res = await agent.post(`/api/calls/${callId}/request`, { type: 'service_appointment' });
    expect(res.statusCode, res.body).toBe(201);
    const { call, request } = res.json();
    expect(request).toMatchObject({
      type: 'service_appointment',
      channel: 'phone',
      message: 'Möchte Termin für Bremsen',
      contact: { id: customer.id },
      assignee: { id: serviceLead.id },
    });
    expect(call.requestId).toBe(request.id);
    const again = await agent.post(`/api/calls/${callId}/request`, { type: 'callback' });
    expect(again.statusCode).toBe(409);
  });

  it('makes a new contact with the number for an unknown caller', async () => {
    const { callId } = await talk('+49 1522 9990001');
    const missing = await agent.post(`/api/calls/${callId}/request`, { type: 'callback' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors.map((e: { field: string }) => e.field)).toContain('contactId');
    const res = await agent.post(`/api/calls/${callId}/request`, {
      type: 'callback',
      newContact: { firstName: 'Nora', lastName: 'Neu' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const contactId = res.json().request.contact.id as string;
    expect(res.json().call.contact.id).toBe(contactId);
    const contact = (await admin.get(`/api/contacts/${contactId}`)).json();
    expect(contact).toMatchObject({ firstName: 'Nora', lastName: 'Neu' });
    expect(contact.phones.map((p: { e164: string }) => p.e164)).toEqual(['+4915229990001']);
  });

  it('is not for colleagues who were not on the call', async () => {
    const { callId } = await talk();
    expect((await other.post(`/api/calls/${callId}/request`, { type: 'callback' })).statusCode).toBe(403);
    expect((await admin.put(`/api/calls/${callId}/note`, { note: 'Admin darf' })).statusCode).toBe(200);
  });
});

describe('logging a call as a contact attempt', () => {
  it('records the attempt on the open request through the requests workflow', async () => {
    const open = await createRequest(
      admin,
      callbackRequest(t.location.id, { contactId: customer.id, customer: undefined, assigneeId: agent.userId }),
    );
    const { callId } = await talk();
    await agent.put(`/api/calls/${callId}/note`, { note: 'Kunde erreicht, alles geklärt' });
    const res = await agent.post(`/api/calls/${callId}/attempt`, { requestId: open.id, outcome: 'reached' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().request).toMatchObject({ id: open.id, status: 'in_progress' });
    expect(res.json().call.requestId).toBe(open.id);
    const attempts = await t.database.query<{ outcome: string; note: string; channel: string }>(
      `SELECT outcome, note, channel FROM contact_attempts WHERE request_id = $1`,
      [open.id],
    );
    expect(attempts).toEqual([{ outcome: 'reached', note: 'Kunde erreicht, alles geklärt', channel: 'phone' }]);
  });

  it('refuses "reached" without a note of what was said; "no answer" goes in without one', async () => {
    const open = await createRequest(
      admin,
      callbackRequest(t.location.id, { contactId: customer.id, customer: undefined, assigneeId: agent.userId }),
    );
    const { callId } = await talk();
    const reached = await agent.post(`/api/calls/${callId}/attempt`, { requestId: open.id, outcome: 'reached' });
    expect(reached.statusCode).toBe(400);
    expect(reached.json().errors[0]).toMatchObject({ field: 'note', code: 'note_required' });
    const noAnswer = await agent.post(`/api/calls/${callId}/attempt`, { requestId: open.id, outcome: 'no_answer' });
    expect(noAnswer.statusCode, noAnswer.body).toBe(201);
    const withNote = await agent.post(`/api/calls/${callId}/attempt`, {
      requestId: open.id,
      outcome: 'reached',
      note: 'Termin zur Inspektion am Montag vereinbart.',
    });
    expect(withNote.statusCode, withNote.body).toBe(201);
  });
});

describe('click-to-call', () => {
  it('gives a tel: link when the user has no extension that can dial', async () => {
    const res = await agent.post('/api/telephony/click-to-call', { number: '0151 2223334' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ mode: 'tel', href: 'tel:+491512223334', callId: null });
    const bad = await agent.post('/api/telephony/click-to-call', { number: 'abc' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('number');
  });

  it('dials through an adapter that can, and records the outbound call', async () => {
    const dialled: Array<{ extension: string; to: string }> = [];
    registerAdapterFactory('sipgate', (connection): TelephonyAdapter => ({
      provider: 'sipgate',
      connectionId: connection.id,
      start: async () => undefined,
      stop: async () => undefined,
      status: () => ({ state: 'connected', detail: null, since: null }),
      makeCall: async (input) => {
        dialled.push(input);
        return { externalCallId: 'sg-4711' };
      },
    }));
    const sipgate = await webhookConnection(t, admin, { provider: 'sipgate' });
    await mapExtension(t, sipgate.id, 'w0', other.userId);
    await t.services.telephony.adapters.startAll();
    try {
      const res = await other.post('/api/telephony/click-to-call', { number: '0151 2223334' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ mode: 'pbx', href: 'tel:+491512223334' });
      expect(dialled).toEqual([{ extension: 'w0', to: '+491512223334' }]);
      const call = (await other.get(`/api/calls/${res.json().callId}`)).json();
      expect(call).toMatchObject({
        direction: 'outbound',
        state: 'ringing',
        externalId: 'sg-4711',
        toNumber: '+491512223334',
        contact: { id: customer.id },
        users: [{ id: other.userId }],
      });
      // The webhook connection cannot dial: its user still gets the tel: link.
      expect((await agent.post('/api/telephony/click-to-call', { number: '0151 2223334' })).json().mode).toBe('tel');
      expect(connectionId).toBeTruthy();
    } finally {
      await t.services.telephony.adapters.stopAll();
    }
  });
});

describe('a callback agreed on the phone', () => {
  beforeEach(async () => {
    await makeRule(t, { strategy: 'fixed_user', userId: serviceLead.id, match: { types: ['callback'] } });
  });

  it('proposes whom it goes to by the rules, and goes to another colleague when the user chooses one', async () => {
    const { callId } = await talk();
    const proposal = await agent.get(`/api/calls/${callId}/callback-proposal`);
    expect(proposal.statusCode, proposal.body).toBe(200);
    expect(proposal.json()).toEqual({
      assignee: { id: serviceLead.id, displayName: serviceLead.displayName },
      locationId: t.location.id,
    });
    const res = await agent.post(`/api/calls/${callId}/request`, { type: 'callback', assigneeId: agent.userId });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().request.assignee.id).toBe(agent.userId);
  });

  it('refuses a window that ends before it starts, naming the field', async () => {
    const { callId } = await talk();
    const res = await agent.post(`/api/calls/${callId}/request`, {
      type: 'callback',
      callbackFrom: '2026-03-03T15:00:00Z',
      callbackTo: '2026-03-03T13:00:00Z',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain('callbackTo');
  });

  // Runs last: it moves the clock to the next day.
  it('is due at the end of the window the caller asked for, and reminds the assignee when it opens, from their calendar', async () => {
    const { callId } = await talk();
    // "Tomorrow between 14 and 16 h" in Berlin (CET): 13:00–15:00 UTC.
    const res = await agent.post(`/api/calls/${callId}/request`, {
      type: 'callback',
      callbackFrom: '2026-03-03T13:00:00Z',
      callbackTo: '2026-03-03T15:00:00Z',
    });
    expect(res.statusCode, res.body).toBe(201);
    const request = res.json().request;
    expect(request).toMatchObject({ assignee: { id: serviceLead.id }, firstContactDueAt: '2026-03-03T15:00:00.000Z' });

    // The window is a call in the assignee's calendar; its reminder is the one reminder.
    const reminders = () =>
      t.database.query<{ kind: string; title: string; link: string }>(
        `SELECT kind, title, link FROM notifications WHERE user_id = $1 AND kind IN ('activity.reminder', 'request.callback_window')`,
        [serviceLead.id],
      );
    t.clock.set('2026-03-03T12:59:00Z');
    await t.services.jobs.worker.runDue();
    expect(await reminders()).toEqual([]);
    t.clock.set('2026-03-03T13:00:00Z');
    await t.services.jobs.worker.runDue();
    expect(await reminders()).toEqual([
      {
        kind: 'activity.reminder',
        title: expect.stringContaining(request.number),
        link: expect.stringMatching(new RegExp(`^/customers/${request.contact.id}\\?activity=`)),
      },
    ]);
  });
});
