import pino from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient, testLocation } from '@test/support/app';
import { buildApp } from '@server/app';
import { openPostgres } from '@server/db/client';
import { callbackRequest, createRequest } from '@server/modules/requests/test-support';

type User = TestClient & { userId: string; email: string };
let t: TestApp;
let admin: User;
let manager: User;
let reception: User;
let advisorA: User;
let advisorB: User;
let parts: User;

// Monday 2 March 2026, 09:00 in Berlin; the test location (Baden-Württemberg) is open Mon–Thu 8–18, Fri 8–17.
beforeAll(async () => {
  t = await createTestApp({ env: { CRM_SESSION_IDLE_MINUTES: '1000000', CRM_SESSION_MAX_HOURS: '100000' } });
  admin = await t.userWithRole('admin');
  manager = await t.userWithRole('manager');
  reception = await t.userWithRole('reception');
  advisorA = await t.userWithRole('service');
  advisorB = await t.userWithRole('service');
  parts = await t.userWithRole('parts');
});
afterAll(() => t.close());

const warranty = (locationId: string | null = null) => ({
  name: 'Garantieantrag',
  activity: 'warranty',
  locationId,
  steps: [
    {
      title: 'Schaden aufnehmen',
      role: 'service',
      expectedHours: 1,
      expectedCostCents: 5_000,
      activityType: 'appointment',
    },
    { title: 'Teile prüfen', role: 'parts', expectedHours: 2, expectedCostCents: 12_000, activityType: 'other' },
    { title: 'Kunde informieren', role: 'service', expectedHours: 0.5, expectedCostCents: 0, activityType: 'call' },
  ],
});

async function createTemplate(body: Record<string, unknown> = warranty()) {
  const res = await manager.post('/api/service-processes', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; familyId: string; version: number };
}

async function contactWithAdvisor(advisorId: string | null) {
  const res = await reception.post('/api/contacts', {
    firstName: 'Erika',
    lastName: `Mustermann${Math.random().toString(36).slice(2, 7)}`,
    homeLocationId: t.location.id,
    serviceAdvisorId: advisorId,
    ignoreDuplicates: true,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
}

async function startTicket(client: TestClient, body: Record<string, unknown>) {
  const res = await client.post('/api/service-tickets', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const activity = async (id: string) => (await admin.get(`/api/activities/${id}`)).json();
const fieldsOf = (res: { json(): { errors: Array<{ field: string; code: string }> } }) =>
  res
    .json()
    .errors.map((e) => `${e.field}:${e.code}`)
    .sort();

describe('a ticket from a request', () => {
  it("gives the first step's activity to the customer's own service advisor, and the next to the parts colleague", async () => {
    t.clock.set('2026-03-02T08:00:00Z');
    const template = await createTemplate();
    const contact = await contactWithAdvisor(advisorB.userId);
    const request = await createRequest(
      reception,
      callbackRequest(t.location.id, { type: 'service_appointment', customer: undefined, contactId: contact.id }),
    );
    const ticket = await startTicket(reception, { templateId: template.id, requestId: request.id });
    expect(ticket).toMatchObject({
      status: 'open',
      requestId: request.id,
      contact: { id: contact.id },
      template: { id: template.id, version: 1 },
      remainingHours: 3.5,
      totalExpectedCostCents: 17_000,
      // 3.5 working hours from Monday 09:00 Berlin.
      dueAt: '2026-03-02T11:30:00.000Z',
    });
    expect(ticket.steps.map((s: { status: string }) => s.status)).toEqual(['current', 'pending', 'pending']);
    const first = ticket.currentStep;
    expect(first).toMatchObject({
      title: 'Schaden aufnehmen',
      assignee: { id: advisorB.userId },
      dueAt: '2026-03-02T09:00:00.000Z',
    });
    const planned = await activity(first.activityId);
    expect(planned).toMatchObject({ type: 'appointment', owner: { id: advisorB.userId }, status: 'open' });

    // The advisor completes the appointment in their list: the step is done, the parts step starts.
    t.clock.set('2026-03-02T08:40:00Z');
    const done = await advisorB.post(`/api/activities/${first.activityId}/complete`, { result: 'done' });
    expect(done.statusCode, done.body).toBe(200);
    const after = (await reception.get(`/api/service-tickets/${ticket.id}`)).json();
    expect(after.steps[0]).toMatchObject({ status: 'done', completedAt: '2026-03-02T08:40:00.000Z' });
    expect(after.currentStep).toMatchObject({ title: 'Teile prüfen', assignee: { id: parts.userId } });
    expect(await activity(after.currentStep.activityId)).toMatchObject({ type: 'other', owner: { id: parts.userId } });
    expect(after.remainingHours).toBe(2.5);

    // Parts completes the step on the ticket with its real time and cost; its activity is done with it.
    const completed = await parts.post(`/api/service-tickets/${ticket.id}/steps/${after.currentStep.id}/complete`, {
      actualHours: 3,
      actualCostCents: 14_500,
    });
    expect(completed.statusCode, completed.body).toBe(200);
    expect(completed.json().steps[1]).toMatchObject({ status: 'done', actualHours: 3, actualCostCents: 14_500 });
    expect((await activity(after.currentStep.activityId)).status).toBe('done');
    expect(completed.json().currentStep).toMatchObject({
      title: 'Kunde informieren',
      assignee: { id: advisorB.userId },
    });

    const timeline = (await reception.get(`/api/contacts/${contact.id}/timeline`)).json();
    expect(timeline.items.filter((e: { kind: string }) => e.kind === 'service_ticket').length).toBe(3);
  });

  it('gives a service step to the least loaded advisor when the customer has none', async () => {
    const template = await createTemplate();
    const loads = async () => {
      const mine = async (u: User) => (await u.get('/api/service-tickets?scope=mine')).json().items.length;
      return [await mine(advisorA), await mine(advisorB)];
    };
    const before = await loads();
    const contact = await contactWithAdvisor(null);
    const ticket = await startTicket(reception, {
      templateId: template.id,
      contactId: contact.id,
      locationId: t.location.id,
    });
    const expected = before[0]! <= before[1]! ? advisorA.userId : advisorB.userId;
    expect(ticket.currentStep.assignee.id).toBe(expected);
  });
});

describe('deadlines in working time', () => {
  it('skips the night, the Easter holidays and the weekend', async () => {
    // Thursday 2 April 2026, 16:00 Berlin; Good Friday and Easter Monday are holidays in Baden-Württemberg.
    t.clock.set('2026-04-02T14:00:00Z');
    const template = await createTemplate({
      ...warranty(),
      steps: [{ title: 'Diagnose', role: 'service', expectedHours: 4, expectedCostCents: 0, activityType: null }],
    });
    const contact = await contactWithAdvisor(advisorA.userId);
    const ticket = await startTicket(reception, {
      templateId: template.id,
      contactId: contact.id,
      locationId: t.location.id,
    });
    // Thursday 16–18 counts two hours; Tuesday 7 April 08:00–10:00 the other two.
    expect(ticket.currentStep.dueAt).toBe('2026-04-07T08:00:00.000Z');
    expect(ticket.dueAt).toBe('2026-04-07T08:00:00.000Z');
    expect(ticket.currentStep.activityId).toBeNull();
  });
});

describe('versions', () => {
  it("editing a process writes a new version and leaves a running ticket's steps as they were", async () => {
    t.clock.set('2026-03-03T08:00:00Z');
    const v1 = await createTemplate();
    const contact = await contactWithAdvisor(advisorA.userId);
    const running = await startTicket(reception, {
      templateId: v1.id,
      contactId: contact.id,
      locationId: t.location.id,
    });

    const edited = await manager.put(`/api/service-processes/${v1.id}`, {
      ...warranty(),
      steps: [
        { title: 'Alles auf einmal', role: 'service', expectedHours: 8, expectedCostCents: 99_00, activityType: null },
      ],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ familyId: v1.familyId, version: 2 });
    // The old version is no longer editable; the list shows the new one only.
    expect((await manager.put(`/api/service-processes/${v1.id}`, warranty())).statusCode).toBe(409);
    const list = (await reception.get('/api/service-processes')).json().items;
    expect(
      list.filter((p: { familyId: string }) => p.familyId === v1.familyId).map((p: { version: number }) => p.version),
    ).toEqual([2]);

    const again = (await reception.get(`/api/service-tickets/${running.id}`)).json();
    expect(again.template.version).toBe(1);
    expect(again.steps.map((s: { title: string }) => s.title)).toEqual([
      'Schaden aufnehmen',
      'Teile prüfen',
      'Kunde informieren',
    ]);
    // A ticket starts only from the current version.
    const old = await reception.post('/api/service-tickets', {
      templateId: v1.id,
      contactId: contact.id,
      locationId: t.location.id,
    });
    expect(fieldsOf(old)).toEqual(['templateId:invalid']);
  });
});

describe('the deadline watch', () => {
  const escalations = async (ticketId: string) =>
    t.database.query<{ user_id: string }>(
      `SELECT user_id FROM notifications WHERE kind = 'serviceTicket.overdue' AND data->>'ticketId' = $1`,
      [ticketId],
    );

  it("tells the location's service manager once when a step is overdue, however often the job runs", async () => {
    t.clock.set('2026-03-04T08:00:00Z'); // Wednesday 09:00 Berlin
    const template = await createTemplate({
      ...warranty(),
      steps: [
        { title: 'Diagnose', role: 'service', expectedHours: 2, expectedCostCents: 0, activityType: 'other' },
        { title: 'Reparatur', role: 'service', expectedHours: 40, expectedCostCents: 0, activityType: 'other' },
      ],
    });
    const contact = await contactWithAdvisor(advisorA.userId);
    const ticket = await startTicket(reception, {
      templateId: template.id,
      contactId: contact.id,
      locationId: t.location.id,
    });
    expect(ticket.currentStep.dueAt).toBe('2026-03-04T10:00:00.000Z');

    t.clock.set('2026-03-04T09:59:00Z');
    await t.services.jobs.worker.runDue();
    expect(await escalations(ticket.id)).toHaveLength(0);

    t.clock.set('2026-03-04T10:05:00Z');
    await t.services.jobs.worker.runDue();
    const overdue = (await manager.get(`/api/service-tickets/${ticket.id}`)).json();
    expect(overdue.currentStep).toMatchObject({ overdue: true, escalatedAt: '2026-03-04T10:05:00.000Z' });
    expect((await escalations(ticket.id)).map((n) => n.user_id)).toEqual([manager.userId]);

    // The same timer again (a retry, another process) and a second run change nothing.
    await t.services.jobs.schedule(
      t.database.db,
      t.services.serviceTickets.deadlineJob,
      { ticketId: ticket.id, stepId: ticket.currentStep.id },
      { runAt: t.clock.now() },
    );
    await t.services.jobs.worker.runDue();
    await t.services.jobs.worker.runDue();
    expect(await escalations(ticket.id)).toHaveLength(1);
    const timeline = (await manager.get(`/api/contacts/${contact.id}/timeline`)).json();
    expect(
      timeline.items.filter(
        (e: { kind: string; data?: { stepId?: string } | null }) =>
          e.kind === 'service_ticket' && e.data?.stepId === ticket.currentStep.id,
      ),
    ).toHaveLength(1);
    expect(
      (await manager.get('/api/service-tickets?scope=overdue')).json().items.map((i: { id: string }) => i.id),
    ).toContain(ticket.id);
  });

  it.runIf(inject('engine') === 'postgres')(
    'two server processes escalate an overdue step exactly once',
    async () => {
      t.clock.set('2026-03-05T08:00:00Z');
      const template = await createTemplate({
        ...warranty(),
        steps: [{ title: 'Diagnose', role: 'service', expectedHours: 1, expectedCostCents: 0, activityType: null }],
      });
      const contact = await contactWithAdvisor(advisorA.userId);
      const ticket = await startTicket(reception, {
        templateId: template.id,
        contactId: contact.id,
        locationId: t.location.id,
      });
      const second = openPostgres(t.database.pool!.options.connectionString!, 3);
      const other = await buildApp({
        config: t.config,
        database: second,
        clock: t.clock,
        logger: pino({ level: 'silent' }),
      });
      try {
        t.clock.set('2026-03-05T12:00:00Z');
        await Promise.all([t.services.jobs.worker.runDue(), other.services.jobs.worker.runDue()]);
        await Promise.all([t.services.jobs.worker.runDue(), other.services.jobs.worker.runDue()]);
        // The step once and the ticket as a whole once.
        expect(await escalations(ticket.id)).toHaveLength(2);
      } finally {
        await other.app.close();
        await second.close();
      }
    },
    60_000,
  );
});

describe('access and input', () => {
  it("refuses another location's colleague the ticket, and its manager the location's process", async () => {
    const template = await createTemplate(warranty(t.location.id));
    const contact = await contactWithAdvisor(null);
    const ticket = await startTicket(reception, {
      templateId: template.id,
      contactId: contact.id,
      locationId: t.location.id,
    });
    const ulm = await t.services.org.createLocation(null, testLocation({ code: 'ULM2', name: 'Autohaus Ulm' }));
    const stranger = await t.userWithRole('manager', { locationId: ulm.id });
    expect((await stranger.get(`/api/service-tickets/${ticket.id}`)).statusCode).toBe(403);
    expect(
      (await stranger.post(`/api/service-tickets/${ticket.id}/steps/${ticket.currentStep.id}/complete`, {})).statusCode,
    ).toBe(403);
    expect((await stranger.put(`/api/service-processes/${template.id}`, warranty(t.location.id))).statusCode).toBe(403);
    expect(
      (
        await stranger.post('/api/service-tickets', {
          templateId: template.id,
          contactId: contact.id,
          locationId: t.location.id,
        })
      ).statusCode,
    ).toBe(403);
    // A service advisor reads processes but does not edit them.
    expect((await advisorA.post('/api/service-processes', warranty())).statusCode).toBe(403);
  });

  it('names the field that is wrong', async () => {
    const bad = await manager.post('/api/service-processes', {
      ...warranty(),
      steps: [{ title: '', role: 'workshop', expectedHours: 0.3, expectedCostCents: -1 }],
    });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)).toEqual([
      'steps.0.expectedCostCents:invalid',
      'steps.0.expectedHours:invalid',
      'steps.0.role:required',
      'steps.0.title:required',
    ]);
    const template = await createTemplate();
    const noCustomer = await reception.post('/api/service-tickets', { templateId: template.id });
    expect(fieldsOf(noCustomer)).toEqual(['contactId:required', 'locationId:required']);
    const unknown = await reception.post('/api/service-tickets', {
      templateId: template.id,
      requestId: '00000000-0000-4000-8000-000000000000',
    });
    expect(fieldsOf(unknown)).toEqual(['requestId:unknown_request']);
  });
});
