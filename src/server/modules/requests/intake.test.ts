import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient, testLocation } from '@test/support/app';
import { callbackRequest, createRequest, intakeKey, newCustomer } from './test-support';

let t: TestApp;
let manager: TestClient & { userId: string };
let reception: TestClient & { userId: string };
let admin: TestClient;
let key: { id: string; headers: Record<string, string> };

beforeAll(async () => {
  t = await createTestApp();
  manager = await t.userWithRole('manager');
  reception = await t.userWithRole('reception');
  admin = await t.userWithRole('admin');
  key = await intakeKey(t, admin);
});
afterAll(() => t.close());

const count = async (table: string) =>
  Number((await t.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n);

describe('staff intake', () => {
  it('creates the customer on the fly, assigns the request and starts the one-working-day deadline', async () => {
    const res = await reception.post('/api/requests', callbackRequest(t.location.id));
    expect(res.statusCode).toBe(201);
    const request = res.json();
    expect(request.number).toMatch(/^A-\d{6}$/);
    expect(request.status).toBe('assigned');
    // No rule yet: the location's manager gets it.
    expect(request.assignee.id).toBe(manager.userId);
    expect(request.contact.displayName).toContain('Erika');
    // Monday 09:00 in Stuttgart → Tuesday 09:00.
    expect(request.firstContactDueAt).toBe('2026-03-03T08:00:00.000Z');
    expect(request.nextStep.action).toBe('call');

    const timeline = (await reception.get(`/api/contacts/${request.contact.id}/timeline`)).json();
    const summaries = JSON.stringify(timeline);
    expect(summaries).toContain(`Anliegen ${request.number} eingegangen`);
    const jobs = await t.database.query(`SELECT * FROM jobs WHERE unique_key = $1 AND status = 'pending'`, [
      `request-sla:${request.id}`,
    ]);
    expect(jobs).toHaveLength(1);
    const events = (await reception.get(`/api/requests/${request.id}/events`)).json();
    expect(events.map((e: { kind: string }) => e.kind)).toEqual(['created', 'assigned']);
  });

  it('names the type once in the history when the subject already starts with it', async () => {
    const request = await createRequest(reception, callbackRequest(t.location.id, { subject: 'Rückrufbitte (Anruf)' }));
    const timeline = (await reception.get(`/api/contacts/${request.contact.id}/timeline`)).json();
    const summaries = (timeline.items as Array<{ summary: string }>).map((e) => e.summary);
    expect(summaries).toContain(`Anliegen ${request.number} eingegangen: Rückrufbitte (Anruf)`);
    // A colleague at the phone wrote down what the customer said.
    expect((await reception.get(`/api/requests/${request.id}`)).json().messageFrom).toBe('customer');
  });

  it('uses the existing contact when the same customer comes again with a known phone number', async () => {
    const first = await createRequest(reception, callbackRequest(t.location.id));
    const { phones, firstName, lastName } = await t.services.contacts.get(first.contact.id);
    const known = phones[0]!.raw;
    const contactsBefore = await count('contacts');
    const second = await createRequest(
      reception,
      callbackRequest(t.location.id, {
        customer: newCustomer({ firstName, lastName, phone: known.replace(/^0/, '+49 '), email: null }),
      }),
    );
    expect(second.contact.id).toBe(first.contact.id);
    expect(await count('contacts')).toBe(contactsBefore);
    const events = (await reception.get(`/api/requests/${second.id}/events`)).json();
    expect(events[0].data.contactMatched).toBe('phone');
  });

  it('takes a walk-in for an existing contact and lets staff choose the assignee', async () => {
    const colleague = await t.userWithRole('sales');
    const first = await createRequest(reception, callbackRequest(t.location.id));
    const walkIn = await createRequest(reception, {
      type: 'sales_lead',
      channel: 'walk_in',
      locationId: t.location.id,
      subject: 'Fragt nach seinem Angebot',
      contactId: first.contact.id,
      assigneeId: colleague.userId,
    });
    expect(walkIn.assignee?.id).toBe(colleague.userId);
    // The customer stands at the desk: due within a quarter of an hour, not by tomorrow.
    expect(walkIn.firstContactDueAt).toBe(new Date(t.clock.now().getTime() + 15 * 60_000).toISOString());
  });

  it('names the missing customer data and refuses an assignee from another location', async () => {
    const noPhone = await reception.post(
      '/api/requests',
      callbackRequest(t.location.id, { customer: { firstName: 'Ohne', lastName: 'Kontakt' } }),
    );
    expect(noPhone.statusCode).toBe(400);
    expect(noPhone.json().errors.map((e: { field: string }) => e.field)).toContain('customer.phone');

    const elsewhere = await t.services.org.createLocation(null, testLocation({ name: 'Filiale Ulm', code: 'ULM' }));
    const stranger = await t.userWithRole('sales', { locationId: elsewhere.id });
    const wrong = await reception.post(
      '/api/requests',
      callbackRequest(t.location.id, { assigneeId: stranger.userId }),
    );
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].field).toBe('assigneeId');
  });

  it('lets the parts counter take a parts request', async () => {
    const parts = await t.userWithRole('parts');
    const res = await parts.post(
      '/api/requests',
      callbackRequest(t.location.id, { type: 'parts', subject: 'Wischerblätter' }),
    );
    expect(res.statusCode).toBe(201);
  });
});

describe('machine intake', () => {
  const lead = (overrides: Record<string, unknown> = {}) => ({
    type: 'sales_lead',
    locationCode: t.location.code,
    message: 'Ich interessiere mich für den Golf.',
    customer: newCustomer(),
    vehicle: { make: 'Volkswagen', model: 'Golf' },
    ...overrides,
  });
  const post = (body: unknown, headers: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url: '/api/intake/requests',
      payload: body as object,
      headers: { ...key.headers, ...headers },
    });

  it('creates one request however often the same call is retried', async () => {
    const body = lead();
    const before = await count('customer_requests');
    const first = await post(body, { 'idempotency-key': 'form-4711' });
    expect(first.statusCode).toBe(201);
    expect(first.json().request.subject).toBe('Verkaufsanfrage');
    const again = await post(body, { 'idempotency-key': 'form-4711' });
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await count('customer_requests')).toBe(before + 1);
  });

  it('refuses a reused key with a different body', async () => {
    await post(lead(), { 'idempotency-key': 'form-4712' });
    const res = await post(lead(), { 'idempotency-key': 'form-4712' });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toBe('Idempotency-Key reused with a different request');
  });

  it('needs the Idempotency-Key header and a location', async () => {
    const noKey = await post(lead(), {});
    expect(noKey.statusCode).toBe(400);
    expect(noKey.json().errors[0].field).toBe('Idempotency-Key');
    const noLocation = await post(lead({ locationCode: undefined }), { 'idempotency-key': 'form-4713' });
    expect(noLocation.statusCode).toBe(400);
    expect(noLocation.json().errors[0].field).toBe('locationCode');
  });

  it('recognises a resend by the sender id and creates nothing', async () => {
    const first = await post(lead({ externalId: 'crm-lead-1' }), { 'idempotency-key': 'a1' });
    const resend = await post(lead({ externalId: 'crm-lead-1' }), { 'idempotency-key': 'a2' });
    expect(resend.statusCode).toBe(200);
    expect(resend.json()).toMatchObject({ duplicate: true, request: { id: first.json().request.id } });
    const events = (await manager.get(`/api/requests/${first.json().request.id}/events`)).json();
    expect(events.map((e: { kind: string }) => e.kind)).toContain('duplicate_received');
  });

  it('takes concurrent retries in once', async () => {
    const body = lead();
    const before = await count('customer_requests');
    const contactsBefore = await count('contacts');
    const answers = await Promise.all([1, 2, 3].map(() => post(body, { 'idempotency-key': 'race-1' })));
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201]);
    expect(new Set(answers.map((a) => a.json().request.id)).size).toBe(1);
    expect(await count('customer_requests')).toBe(before + 1);
    // The calls that lost wrote nothing at all: no second customer either.
    expect(await count('contacts')).toBe(contactsBefore + 1);
  });

  it('sees an absence entered or removed by any means at the very next lead', async () => {
    // No rule matches: the location's manager gets the lead, unless away.
    const assignee = async (idempotencyKey: string) => {
      const res = await post(lead(), { 'idempotency-key': idempotencyKey });
      expect(res.statusCode).toBe(201);
      return (await manager.get(`/api/requests/${res.json().request.id}`)).json().assignee?.id;
    };
    expect(await assignee('absence-1')).toBe(manager.userId);

    // Straight into the table, as another server process or a script would: no cache may hide it.
    await t.database.query(
      `INSERT INTO absences (user_id, kind, starts_on, ends_on) VALUES ($1, 'holiday', '2026-03-01', '2026-03-06')`,
      [manager.userId],
    );
    const whileAway = await assignee('absence-2');
    expect(whileAway).toBeTruthy();
    expect(whileAway).not.toBe(manager.userId);

    await t.database.query(`DELETE FROM absences WHERE user_id = $1`, [manager.userId]);
    expect(await assignee('absence-3')).toBe(manager.userId);
  });

  it('records the consents sent with the lead in the customer’s consent history, by the API key', async () => {
    const res = await post(
      lead({
        consents: [
          { channel: 'email', purpose: 'marketing', status: 'granted' },
          { channel: 'phone', purpose: 'marketing', status: 'withdrawn' },
        ],
      }),
      { 'idempotency-key': 'consent-1' },
    );
    expect(res.statusCode).toBe(201);
    const request = (await manager.get(`/api/requests/${res.json().request.id}`)).json();
    const history = (await manager.get(`/api/contacts/${request.contact.id}/consents`)).json();
    expect(history).toHaveLength(2);
    expect(history).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ channel: 'email', purpose: 'marketing', status: 'granted', source: 'web_form' }),
        expect.objectContaining({ channel: 'phone', purpose: 'marketing', status: 'withdrawn', source: 'web_form' }),
      ]),
    );
    expect(history[0].note).toContain(request.number);
    expect(history[0].note).toContain('API-Schlüssel');
    expect(history[0].effectiveAt).toBe(request.receivedAt);
    const timeline = JSON.stringify((await manager.get(`/api/contacts/${request.contact.id}/timeline`)).json());
    expect(timeline).toContain('Einwilligung erteilt: E-Mail (Werbung)');
  });

  it('records nothing when the lead is refused', async () => {
    const before = await count('consents');
    const res = await post(
      lead({
        customer: newCustomer({ phone: null, email: null }),
        consents: [{ channel: 'email', purpose: 'marketing', status: 'granted' }],
      }),
      { 'idempotency-key': 'consent-2' },
    );
    expect(res.statusCode).toBe(400);
    expect(await count('consents')).toBe(before);
  });

  it('is closed to logged-in users', async () => {
    const res = await manager.post('/api/intake/requests', lead(), { 'idempotency-key': 'x' });
    expect(res.statusCode).toBe(403);
  });
});
