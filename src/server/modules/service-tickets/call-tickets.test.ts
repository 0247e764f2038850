import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient, testLocation } from '@test/support/app';
import { searchFactory } from '../search/test-factories';
import { mapExtension, WebhookPbx, webhookConnection } from '../telephony/test-simulator';

type User = TestClient & { userId: string };
let t: TestApp;
let manager: User;
let reception: User;
let pbx: WebhookPbx;
let customer: { id: string };
let template: { id: string };

// A note as people type it: line breaks, quotes, trailing spaces kept.
const NOTE = 'Kunde meldet: Klimaanlage "riecht muffig",\nbittet um Rückruf vor Freitag.  ';

beforeAll(async () => {
  t = await createTestApp({ env: { CRM_SESSION_IDLE_MINUTES: '1000000', CRM_SESSION_MAX_HOURS: '100000' } });
  t.clock.set('2026-03-02T08:00:00Z');
  const admin = await t.userWithRole('admin');
  manager = await t.userWithRole('manager');
  reception = await t.userWithRole('reception');
  await t.userWithRole('service');
  const connection = await webhookConnection(t, admin);
  await mapExtension(t, connection.id, '41', reception.userId);
  pbx = new WebhookPbx(t, connection.id, connection.headers);
  customer = await searchFactory(t.database, () => t.clock.now()).contact({
    location: t.location,
    lastName: 'Klimmer',
    firstName: 'Karla',
    phones: ['0151 7778889'],
  });
  const res = await manager.post('/api/service-processes', {
    name: 'Klimaservice',
    activity: 'maintenance',
    locationId: t.location.id,
    steps: [
      { title: 'Termin vereinbaren', role: 'service', expectedHours: 1, expectedCostCents: 0, activityType: 'call' },
      { title: 'Anlage prüfen', role: 'service', expectedHours: 2, expectedCostCents: 9_000, activityType: null },
    ],
  });
  expect(res.statusCode, res.body).toBe(201);
  template = res.json();
});
afterAll(() => t.close());

let n = 0;
async function callWithNote(note: string | null = NOTE) {
  const external = `ticket-call-${++n}`;
  const { callId } = await pbx.ring(external, '0151 7778889', ['41']);
  await pbx.answer(external, '41');
  if (note !== null) {
    const saved = await reception.put(`/api/calls/${callId}/note`, { note });
    expect(saved.statusCode, saved.body).toBe(200);
  }
  await pbx.hangup(external);
  return callId as string;
}

describe('a service ticket from a call note', () => {
  it("starts for the call's customer at its location, with the note word for word and the call as its origin", async () => {
    const callId = await callWithNote();
    const saved = (await reception.get(`/api/calls/${callId}`)).json();
    const res = await reception.post(`/api/calls/${callId}/service-ticket`, {
      templateId: template.id,
      contactId: customer.id,
    });
    expect(res.statusCode, res.body).toBe(201);
    const { created, ticket } = res.json();
    expect(created).toBe(true);
    expect(ticket).toMatchObject({
      contact: { id: customer.id },
      locationId: t.location.id,
      requestId: null,
      call: { id: callId, startedAt: saved.startedAt },
      template: { id: template.id },
      currentStep: { title: 'Termin vereinbaren', status: 'current' },
    });
    // Verbatim: the note as stored on the call, not trimmed or rewritten.
    expect(ticket.note).toBe(saved.note);
    expect(ticket.note).toContain('"riecht muffig",\nbittet um Rückruf');
    const again = (await manager.get(`/api/service-tickets/${ticket.id}`)).json();
    expect(again.call).toEqual({ id: callId, startedAt: saved.startedAt });
    const listed = (await manager.get(`/api/service-tickets?scope=location&status=all&callId=${callId}`)).json();
    expect(listed.items.map((i: { id: string }) => i.id)).toEqual([ticket.id]);
  });

  it('a second start for the same call and process returns the first ticket instead of a new one', async () => {
    const callId = await callWithNote();
    const body = { templateId: template.id, contactId: customer.id };
    const first = await reception.post(`/api/calls/${callId}/service-ticket`, body);
    expect(first.statusCode, first.body).toBe(201);
    const [second, third] = await Promise.all([
      reception.post(`/api/calls/${callId}/service-ticket`, body),
      manager.post(`/api/calls/${callId}/service-ticket`, { templateId: template.id }),
    ]);
    for (const res of [second, third]) {
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ created: false, ticket: { id: first.json().ticket.id } });
    }
    const listed = (await manager.get(`/api/service-tickets?scope=location&status=all&callId=${callId}`)).json();
    expect(listed.items).toHaveLength(1);
  });

  it('is refused to a colleague of another location, and for a customer the call is not from', async () => {
    const callId = await callWithNote();
    const ulm = await t.services.org.createLocation(null, testLocation({ code: 'ULM3', name: 'Autohaus Ulm' }));
    const stranger = await t.userWithRole('manager', { locationId: ulm.id });
    const refused = await stranger.post(`/api/calls/${callId}/service-ticket`, { templateId: template.id });
    expect(refused.statusCode, refused.body).toBe(403);
    const other = await searchFactory(t.database, () => t.clock.now()).contact({
      location: t.location,
      lastName: 'Anders',
      firstName: 'Otto',
      phones: ['0151 1112223'],
    });
    const wrongCustomer = await reception.post(`/api/calls/${callId}/service-ticket`, {
      templateId: template.id,
      contactId: other.id,
    });
    expect(wrongCustomer.statusCode).toBe(404);
    const unknown = await reception.post('/api/calls/00000000-0000-4000-8000-000000000000/service-ticket', {
      templateId: template.id,
    });
    expect(unknown.statusCode).toBe(404);
    const listed = (await manager.get(`/api/service-tickets?scope=location&status=all&callId=${callId}`)).json();
    expect(listed.items).toHaveLength(0);
  });

  it('names templateId when the process is missing, unknown or of another location', async () => {
    const callId = await callWithNote();
    const fields = (res: { json(): { errors: Array<{ field: string }> } }) => res.json().errors.map((e) => e.field);
    const missing = await reception.post(`/api/calls/${callId}/service-ticket`, {});
    expect(missing.statusCode).toBe(400);
    expect(fields(missing)).toEqual(['templateId']);
    const unknown = await reception.post(`/api/calls/${callId}/service-ticket`, {
      templateId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.statusCode).toBe(400);
    expect(fields(unknown)).toEqual(['templateId']);
    const ulm = await t.services.org.createLocation(null, testLocation({ code: 'ULM4', name: 'Autohaus Ulm 4' }));
    const elsewhere = await t.userWithRole('admin');
    const foreign = await elsewhere.post('/api/service-processes', {
      name: 'Ulmer Wartung',
      activity: 'maintenance',
      locationId: ulm.id,
      steps: [{ title: 'Annehmen', role: 'service', expectedHours: 1, expectedCostCents: 0 }],
    });
    expect(foreign.statusCode, foreign.body).toBe(201);
    const wrongPlace = await reception.post(`/api/calls/${callId}/service-ticket`, { templateId: foreign.json().id });
    expect(wrongPlace.statusCode).toBe(400);
    expect(fields(wrongPlace)).toEqual(['templateId']);
  });
});
