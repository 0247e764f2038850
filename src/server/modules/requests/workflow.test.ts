import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient, testLocation } from '@test/support/app';
import { personInput } from '../contacts/test-factories';
import { callbackRequest, createRequest } from './test-support';

let t: TestApp;
let manager: TestClient & { userId: string };
let reception: TestClient & { userId: string };
let advisor: TestClient & { userId: string };

beforeAll(async () => {
  t = await createTestApp({ env: { CRM_SESSION_IDLE_MINUTES: '1000000', CRM_SESSION_MAX_HOURS: '100000' } });
  manager = await t.userWithRole('manager');
  reception = await t.userWithRole('reception');
  advisor = await t.userWithRole('service');
});
afterAll(() => t.close());

const HOUR = 3_600_000;
const assignedToAdvisor = () =>
  createRequest(reception, callbackRequest(t.location.id, { assigneeId: advisor.userId }));

describe('status workflow', () => {
  it('goes from assigned through waiting to done with an outcome, onto the customer timeline', async () => {
    const request = await assignedToAdvisor();
    const status = (body: object) => advisor.post(`/api/requests/${request.id}/status`, body);
    expect((await status({ status: 'in_progress' })).json().status).toBe('in_progress');
    expect((await status({ status: 'waiting', note: 'Kunde schickt Fahrzeugschein' })).json().status).toBe('waiting');
    expect((await status({ status: 'in_progress' })).json().status).toBe('in_progress');

    const noOutcome = await status({ status: 'done' });
    expect(noOutcome.statusCode).toBe(400);
    expect(noOutcome.json().errors[0].field).toBe('outcome');
    const done = await status({ status: 'done', outcome: 'Termin vereinbart' });
    expect(done.json()).toMatchObject({ status: 'done', outcome: 'Termin vereinbart' });
    expect(done.json().closedAt).not.toBeNull();

    const timeline = JSON.stringify((await advisor.get(`/api/contacts/${request.contact.id}/timeline`)).json());
    expect(timeline).toContain(`Anliegen ${request.number} erledigt: Termin vereinbart`);
  });

  it('refuses a transition that makes no sense, in words', async () => {
    const request = await assignedToAdvisor();
    await advisor.post(`/api/requests/${request.id}/status`, { status: 'lost', lostReason: 'spam' });
    const res = await advisor.post(`/api/requests/${request.id}/status`, { status: 'waiting' });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toBe('A request that is verloren cannot become wartet auf Kunden.');
    const lostWithoutReason = await advisor.post(`/api/requests/${request.id}/status`, { status: 'lost' });
    expect(lostWithoutReason.statusCode).toBe(400);
    expect(lostWithoutReason.json().errors[0].field).toBe('lostReason');
  });

  it('reopens a lost request and records it on the history', async () => {
    const request = await assignedToAdvisor();
    await advisor.post(`/api/requests/${request.id}/status`, { status: 'lost', lostReason: 'no_interest' });
    t.clock.advance(60_000);
    const reopened = await advisor.post(`/api/requests/${request.id}/status`, { status: 'in_progress' });
    expect(reopened.json()).toMatchObject({ status: 'in_progress', lostReason: null, closedAt: null });
    const events = (await advisor.get(`/api/requests/${request.id}/events`)).json();
    expect(events.at(-1)).toMatchObject({ kind: 'reopened', fromStatus: 'lost', toStatus: 'in_progress' });
  });

  it('lets only the assignee and managers change a request; a sales user elsewhere may not even read it', async () => {
    const request = await assignedToAdvisor();
    const colleague = await t.userWithRole('sales');
    expect((await colleague.get(`/api/requests/${request.id}`)).statusCode).toBe(200);
    expect((await colleague.post(`/api/requests/${request.id}/status`, { status: 'in_progress' })).statusCode).toBe(
      403,
    );
    expect((await manager.post(`/api/requests/${request.id}/status`, { status: 'in_progress' })).statusCode).toBe(200);

    const ulm = await t.services.org.createLocation(null, testLocation({ name: 'Ulm', code: 'ULM' }));
    const stranger = await t.userWithRole('sales', { locationId: ulm.id });
    expect((await stranger.get(`/api/requests/${request.id}`)).statusCode).toBe(403);
    expect(
      (await stranger.post(`/api/requests/${request.id}/attempts`, { channel: 'phone', outcome: 'reached' }))
        .statusCode,
    ).toBe(403);
  });
});

describe('contact attempts', () => {
  it('prompts the e-mail step after three failed calls within 48 hours', async () => {
    t.clock.set('2026-03-02T08:00:00Z');
    const request = await assignedToAdvisor();
    const call = (outcome: string, note: string) =>
      advisor.post(`/api/requests/${request.id}/attempts`, { channel: 'phone', outcome, note });

    const first = await call('no_answer', 'Niemand erreicht.');
    expect(first.statusCode).toBe(201);
    expect(first.json().nextStep).toMatchObject({ action: 'call', failedPhoneAttempts: 1 });
    t.clock.advance(5 * HOUR);
    await call('voicemail', 'Auf Mailbox gesprochen: Rückruf erbeten, Termin Dienstag 10 Uhr angeboten.');
    t.clock.advance(20 * HOUR);
    const third = await call('no_answer', 'Wieder nicht erreicht.');
    expect(third.json().nextStep).toMatchObject({ action: 'email', reason: 'three_failed_attempts' });
    expect(third.json().attempts.map((a: { note: string }) => a.note)).toContain(
      'Auf Mailbox gesprochen: Rückruf erbeten, Termin Dienstag 10 Uhr angeboten.',
    );
    const timeline = JSON.stringify((await advisor.get(`/api/contacts/${request.contact.id}/timeline`)).json());
    expect(timeline).toContain('Anrufversuch: nicht erreicht');
  });

  it('asks for the verbatim note when the customer was reached; a failed call needs none (R3.4)', async () => {
    const request = await assignedToAdvisor();
    const attempt = (body: object) => advisor.post(`/api/requests/${request.id}/attempts`, body);

    for (const note of [undefined, null, '', '   ']) {
      const res = await attempt({ channel: 'phone', outcome: 'reached', note });
      expect(res.statusCode, JSON.stringify(note)).toBe(400);
      expect(res.json().errors).toEqual([expect.objectContaining({ field: 'note', code: 'note_required' })]);
    }
    const inPerson = await attempt({ channel: 'in_person', outcome: 'reached' });
    expect(inPerson.statusCode).toBe(400);
    expect(inPerson.json().errors[0].field).toBe('note');
    // Nothing of the refused attempts was stored.
    const stored = await t.database.query('SELECT 1 FROM contact_attempts WHERE request_id = $1', [request.id]);
    expect(stored).toHaveLength(0);

    for (const outcome of ['no_answer', 'voicemail', 'wrong_number']) {
      expect((await attempt({ channel: 'phone', outcome })).statusCode, outcome).toBe(201);
    }
    const reached = await attempt({
      channel: 'phone',
      outcome: 'reached',
      note: 'Probefahrt Samstag 10 Uhr angeboten.',
    });
    expect(reached.statusCode).toBe(201);
    expect(reached.json().attempts.map((a: { note: string | null }) => a.note)).toContain(
      'Probefahrt Samstag 10 Uhr angeboten.',
    );
  });

  it('refuses an attempt dated in the future', async () => {
    const request = await assignedToAdvisor();
    const future = new Date(t.clock.now().getTime() + HOUR).toISOString();
    const res = await advisor.post(`/api/requests/${request.id}/attempts`, {
      channel: 'phone',
      outcome: 'reached',
      at: future,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('at');
  });

  it('fills the phone script, voicemail and e-mail templates for the request', async () => {
    const request = await assignedToAdvisor();
    const res = await advisor.get(`/api/requests/${request.id}/templates`);
    expect(res.statusCode).toBe(200);
    const kinds = res.json().map((r: { kind: string }) => r.kind);
    if (kinds.length > 0) expect(kinds).toEqual(['phone_script', 'voicemail', 'email']);
  });
});

describe('deputies and merges', () => {
  it('informs the regular advisor on return about what the deputy handled', async () => {
    t.clock.set('2026-03-02T08:00:00Z');
    const regular = await t.userWithRole('service');
    const deputy = await t.userWithRole('service');
    const rule = await manager.post('/api/assignment/rules', {
      name: 'Service an Stammberater',
      match: { types: ['service_appointment'], locationIds: [t.location.id] },
      strategy: 'regular_advisor',
    });
    expect(rule.statusCode, rule.body).toBe(201);
    const absence = await manager.post('/api/absences', {
      userId: regular.userId,
      kind: 'holiday',
      startsOn: '2026-03-02',
      endsOn: '2026-03-06',
      deputyId: deputy.userId,
    });
    expect(absence.statusCode, absence.body).toBe(201);
    const contact = await t.services.contacts.create(
      null,
      personInput(t.location.id, { serviceAdvisorId: regular.userId }) as never,
    );
    const request = await createRequest(reception, {
      type: 'service_appointment',
      channel: 'phone',
      locationId: t.location.id,
      subject: 'Inspektion und Reifenwechsel',
      contactId: contact.id,
    });
    const detail = (await deputy.get(`/api/requests/${request.id}`)).json();
    expect(detail.assignee.id).toBe(deputy.userId);
    expect(detail.onBehalfOf.id).toBe(regular.userId);

    const summaries = () =>
      t.database.query(`SELECT * FROM notifications WHERE user_id = $1 AND kind = 'request.on_behalf_summary'`, [
        regular.userId,
      ]);
    t.clock.set('2026-03-09T06:59:00Z');
    await t.services.jobs.worker.runDue();
    expect(await summaries()).toHaveLength(0);
    // Back on Monday: the first working hour is 08:00 in Stuttgart.
    t.clock.set('2026-03-09T07:00:00Z');
    await t.services.jobs.worker.runDue();
    const [notice] = await summaries();
    expect(notice).toMatchObject({ title: expect.stringContaining('1 Anliegen') });
    expect(String((notice as { body: string }).body)).toContain(request.number);
    // The regular advisor sees it in "my requests" too.
    const mine = (await t.login(regular.email)).get('/api/requests?scope=mine');
    expect((await mine).json().items.map((i: { id: string }) => i.id)).toContain(request.id);
  });

  it('moves the requests along when two contacts are merged', async () => {
    const request = await assignedToAdvisor();
    const target = await t.services.contacts.create(null, personInput(t.location.id) as never);
    const merged = await manager.post('/api/contacts/merge', { sourceId: request.contact.id, targetId: target.id });
    expect(merged.statusCode).toBe(200);
    expect((await advisor.get(`/api/requests/${request.id}`)).json().contact.id).toBe(target.id);
    const ofTarget = (await advisor.get(`/api/contacts/${target.id}/requests?status=all`)).json();
    expect(ofTarget.map((r: { id: string }) => r.id)).toContain(request.id);
  });
});
