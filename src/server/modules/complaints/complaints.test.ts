import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient, testLocation } from '@test/support/app';
import { personInput } from '@server/modules/contacts/test-factories';
import { pdfText } from '@server/modules/documents/pdf-text';
import type { Complaint, ComplaintReport, SimilarComplaint } from '@shared/complaints/schemas';

type User = TestClient & { userId: string; email: string };
let t: TestApp;
let admin: User;
let service: User;
let manager: User;
let vin = 0;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.userWithRole('admin');
  service = await t.userWithRole('service');
  manager = await t.userWithRole('manager');
});
afterAll(() => t.close());

/** Moves the clock forward and logs everyone in again (sessions end when idle that long). */
async function at(instant: string) {
  t.clock.set(new Date(instant));
  admin = await t.userWithRole('admin');
  service = await t.userWithRole('service');
  manager = await t.userWithRole('manager');
}

async function ok<T = Complaint>(res: { statusCode: number; body: string; json(): unknown }, code = 200) {
  expect(res.statusCode, res.body).toBe(code);
  return res.json() as T;
}

async function customer() {
  return ok<{ id: string }>(
    await service.post('/api/contacts', { ...personInput(t.location.id), ignoreDuplicates: true }),
    201,
  );
}

async function car(contactId: string, model = 'ID.4') {
  const res = await service.post('/api/vehicles', {
    make: 'VW',
    model,
    vin: `WVWZZZ1KZAW${String(++vin).padStart(6, '0')}`,
    contacts: [{ contactId, role: 'owner' }],
  });
  return (await ok<{ id: string }>(res, 201)).id;
}

/** A complaint request taken in by phone, opened as a complaint case. */
async function complaint(contactId: string, message: string, vehicleId: string | null = null) {
  const request = await ok<{ id: string }>(
    await service.post('/api/requests', {
      type: 'complaint',
      channel: 'phone',
      locationId: t.location.id,
      subject: 'Reklamation',
      message,
      contactId,
      vehicleId,
    }),
    201,
  );
  // A complaint opens its case as it is taken in.
  return ok(await service.get(`/api/requests/${request.id}/complaint`));
}

const qualify = (c: Complaint, body: Record<string, unknown>) =>
  service.put(`/api/complaints/${c.id}/qualification`, {
    category: 'vehicle_defect',
    severity: 'medium',
    department: 'service',
    justified: 'open',
    version: c.version,
    ...body,
  });

async function closed(c: Complaint, body: Record<string, unknown>, costs: Record<string, number>) {
  let current = await ok(await qualify(c, body));
  current = await ok(
    await service.put(`/api/complaints/${c.id}/costs`, {
      partsCents: 0,
      labourCents: 0,
      goodwillManufacturerCents: 0,
      goodwillDealerCents: 0,
      minutesSpent: 30,
      ...costs,
      version: current.version,
    }),
  );
  return ok(
    await service.post(`/api/complaints/${c.id}/close`, {
      outcome: 'Kulanzreparatur durchgeführt',
      justified: 'yes',
      satisfaction: 4,
      version: current.version,
    }),
  );
}

describe('qualifying a complaint', () => {
  it('lists earlier complaints of the same customer, car, model and category, and with similar words, with outcomes', async () => {
    const anna = await customer();
    const annasCar = await car(anna.id);
    const bernd = await customer();
    const berndsCar = await car(bernd.id);
    const clara = await customer();

    const sameCar = await complaint(anna.id, 'Klappern an der Heckklappe seit der Inspektion', annasCar);
    await closed(sameCar, { vehicleId: annasCar, category: 'workshop_quality' }, { labourCents: 12_000 });
    const sameModel = await complaint(bernd.id, 'Ladeklappe schließt nicht mehr richtig', berndsCar);
    await closed(
      sameModel,
      { vehicleId: berndsCar, category: 'vehicle_defect' },
      { goodwillManufacturerCents: 45_000 },
    );
    const sameWords = await complaint(clara.id, 'Die Klimaanlage riecht muffig und kühlt nicht richtig');
    await closed(sameWords, { category: 'other' }, {});

    const now = await complaint(anna.id, 'Die Klimaanlage riecht muffig, kühlt nicht', annasCar);
    await ok(await qualify(now, { vehicleId: annasCar }));
    const { items } = await ok<{ items: SimilarComplaint[] }>(
      await service.get(`/api/complaints/${now.id}/similar?category=vehicle_defect`),
    );
    const byId = new Map(items.map((i) => [i.id, i]));
    expect(byId.get(sameCar.id)?.reasons).toEqual(['same_vehicle', 'same_customer']);
    expect(byId.get(sameCar.id)).toMatchObject({ justified: 'yes', totalCostCents: 12_000, satisfaction: 4 });
    expect(byId.get(sameModel.id)?.reasons).toEqual(['same_model_category']);
    expect(byId.get(sameModel.id)).toMatchObject({ totalCostCents: 45_000, outcome: 'Kulanzreparatur durchgeführt' });
    expect(byId.get(sameWords.id)?.reasons).toEqual(['similar_text']);
    expect(byId.get(sameWords.id)?.similarity).toBeGreaterThan(0.3);
    // The same car and customer say most; the complaint itself is not its own match.
    expect(items[0]!.id).toBe(sameCar.id);
    expect(byId.has(now.id)).toBe(false);
  });

  it('opens the case of a complaint as it is taken in, and of any other request on demand, once', async () => {
    const dora = await customer();
    const complained = await ok<{ id: string }>(
      await service.post('/api/requests', {
        type: 'complaint',
        channel: 'email',
        locationId: t.location.id,
        subject: 'Beschwerde',
        message: 'Die Rechnung stimmt nicht.',
        contactId: dora.id,
      }),
      201,
    );
    const opened = await ok(await service.get(`/api/requests/${complained.id}/complaint`));
    expect(opened).toMatchObject({ status: 'new', description: 'Die Rechnung stimmt nicht.' });
    // Asked again, the same case.
    const again = await ok(await service.post('/api/complaints', { requestId: complained.id }), 200);
    expect(again.id).toBe(opened.id);

    const general = await ok<{ id: string }>(
      await service.post('/api/requests', {
        type: 'general',
        channel: 'phone',
        locationId: t.location.id,
        subject: 'Frage',
        message: 'Wann kommt mein Auto?',
        contactId: dora.id,
      }),
      201,
    );
    expect((await service.get(`/api/requests/${general.id}/complaint`)).statusCode).toBe(404);
    const asked = await ok(await service.post('/api/complaints', { requestId: general.id }), 201);
    expect(asked.status).toBe('new');
  });

  it('names the field for bad input', async () => {
    const c = await complaint((await customer()).id, 'Rechnung zu hoch');
    const bad = await qualify(c, { category: 'weather' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('category');
    const notHis = await qualify(c, { vehicleId: await car((await customer()).id) });
    expect(notHis.statusCode).toBe(400);
    expect(notHis.json().errors[0].field).toBe('vehicleId');
    const tooLong = await qualify(c, { rootCause: 'x'.repeat(2001) });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().errors[0].field).toBe('rootCause');
  });
});

describe('remedy', () => {
  it('escalates an overdue step to the managers once, and writes it on the timeline', async () => {
    const c = await complaint((await customer()).id, 'Mitarbeiter war unfreundlich');
    const q = await ok(await qualify(c, { severity: 'critical', category: 'staff_behaviour', department: 'sales' }));
    const count = async () =>
      (
        await ok<{ items: Array<{ data: Record<string, unknown>; kind: string }> }>(
          await manager.get('/api/notifications'),
        )
      ).items.filter((n) => n.kind === 'complaint.escalated' && n.data.complaintId === c.id).length;
    await t.services.jobs.worker.runDue();
    expect(await count()).toBe(0);
    await at('2026-03-04T08:00:00Z');
    await t.services.jobs.worker.runDue();
    await t.services.jobs.worker.runDue();
    // Two steps were due (acknowledge and resolve, both one working day for a critical complaint).
    expect(await count()).toBe(2);
    const after = await ok(await service.get(`/api/complaints/${c.id}`));
    expect(after.steps.every((s: { escalatedAt: string | null; overdue: boolean }) => s.escalatedAt && s.overdue)).toBe(
      true,
    );
    expect(after.history.filter((e: { kind: string }) => e.kind === 'escalated')).toHaveLength(2);
    const timeline = await ok<{ items: Array<{ kind: string; summary: string }> }>(
      await service.get(`/api/contacts/${q.contactId}/timeline`),
    );
    expect(timeline.items.filter((e) => e.kind === 'complaint').map((e) => e.summary)).toContain(
      `Reklamation ${c.number}: Schritt „Eingang bestätigen“ überfällig, Leitung informiert`,
    );
    // Done steps do not escalate again.
    await t.services.jobs.worker.runDue();
    expect(await count()).toBe(2);
  });

  it('forwards a step to a colleague, who is notified, and sums costs in cents', async () => {
    const colleague = await t.userWithRole('service');
    const c = await complaint((await customer()).id, 'Falsches Teil bestellt');
    const q = await ok(await qualify(c, { category: 'parts', department: 'parts' }));
    const forwarded = await ok(
      await service.patch(`/api/complaints/${c.id}/steps/${q.steps[1]!.id}`, { responsibleId: colleague.userId }),
    );
    expect(forwarded.steps[1]!.responsible?.id).toBe(colleague.userId);
    const mine = await ok<{ items: Array<{ kind: string }> }>(await colleague.get('/api/notifications'));
    expect(mine.items.map((n) => n.kind)).toContain('complaint.forwarded');
    const withCosts = await ok(
      await service.put(`/api/complaints/${c.id}/costs`, {
        partsCents: 12_345,
        labourCents: 9_999,
        goodwillManufacturerCents: 5_001,
        goodwillDealerCents: 2_655,
        minutesSpent: 95,
        version: forwarded.version,
      }),
    );
    expect(withCosts.costs).toMatchObject({ totalCents: 30_000, minutesSpent: 95 });
    const done = await ok(await service.patch(`/api/complaints/${c.id}/steps/${q.steps[0]!.id}`, { status: 'done' }));
    expect(done.status).toBe('in_remedy');
    expect(done.acknowledgedAt).not.toBeNull();
  });
});

describe('passing on and the case file', () => {
  it('marks the case passed on and exports it as PDF with the customer’s words, steps and costs', async () => {
    const c = await complaint((await customer()).id, 'Lieferverzug beim ID.4 um sechs Wochen ohne Information');
    let q = await ok(await qualify(c, { category: 'delivery_date', rootCause: 'Werk hat Produktion verschoben' }));
    q = await ok(
      await service.put(`/api/complaints/${c.id}/costs`, {
        partsCents: 0,
        labourCents: 0,
        goodwillManufacturerCents: 25_000,
        goodwillDealerCents: 10_050,
        minutesSpent: 45,
        version: q.version,
      }),
    );
    const passed = await ok(
      await service.post(`/api/complaints/${c.id}/pass-on`, { to: 'Volkswagen Produktmanagement', version: q.version }),
    );
    expect(passed.status).toBe('passed_on');
    expect(passed.passedOn).toMatchObject({ to: 'Volkswagen Produktmanagement' });
    const res = await service.get(`/api/complaints/${c.id}/pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    const { text } = await pdfText(res.rawPayload);
    expect(text).toContain('Lieferverzug beim ID.4 um sechs Wochen ohne Information');
    expect(text).toContain(`Reklamation ${c.number}`);
    expect(text).toContain('Werk hat Produktion verschoben');
    expect(text).toContain('Volkswagen Produktmanagement');
    expect(text).toContain('350,50');
    expect(text).toContain('Eingang bestätigen');
  });
});

describe('access', () => {
  it('refuses a colleague of another location with 403', async () => {
    const c = await complaint((await customer()).id, 'Rechnung doppelt');
    const elsewhere = await t.services.org.createLocation(
      null,
      testLocation({ name: 'Autohaus Test Ulm', code: 'ULM', city: 'Ulm', email: 'ulm@example.test' }),
    );
    const stranger = await t.userWithRole('service', { locationId: elsewhere.id });
    expect((await stranger.get(`/api/complaints/${c.id}`)).statusCode).toBe(403);
    expect((await stranger.get(`/api/complaints/${c.id}/similar`)).statusCode).toBe(403);
    expect((await stranger.get(`/api/complaints/${c.id}/pdf`)).statusCode).toBe(403);
    expect((await stranger.post('/api/complaints', { requestId: c.requestId })).statusCode).toBe(403);
    expect(
      (
        await stranger.put(`/api/complaints/${c.id}/qualification`, {
          category: 'invoice',
          severity: 'low',
          department: 'administration',
          version: c.version,
        })
      ).statusCode,
    ).toBe(403);
    const list = await ok<{ items: Array<{ id: string }> }>(await stranger.get('/api/complaints?filter=all'));
    expect(list.items.map((i) => i.id)).not.toContain(c.id);
    expect((await stranger.get(`/api/complaints?locationId=${t.location.id}`)).statusCode).toBe(403);
  });
});

describe('the complaints report', () => {
  it('counts by category and department with costs and repeat complaints of the same customer', async () => {
    const report = await ok<ComplaintReport>(await admin.get('/api/complaints/report?from=2026-01-01&to=2026-12-31'));
    expect(report.total).toBeGreaterThanOrEqual(9);
    expect(report.byCategory.find((b: { key: string }) => b.key === 'delivery_date')?.count).toBeGreaterThanOrEqual(1);
    expect(report.costs.totalCents).toBe(
      report.costs.partsCents +
        report.costs.labourCents +
        report.costs.goodwillManufacturerCents +
        report.costs.goodwillDealerCents,
    );
    expect(report.repeat.sameCustomer).toBeGreaterThanOrEqual(1);
    expect(report.repeat.sameVehicle).toBeGreaterThanOrEqual(1);
    expect(report.acknowledgeHours).not.toBeNull();
    expect((await service.get('/api/complaints/report?from=2026-01-01&to=2026-12-31')).statusCode).toBe(403);
  });
});

describe('working days', () => {
  it('plans acknowledge and resolve in working days, skipping the weekend and Easter', async () => {
    // Thursday 2 April 2026, 10:00 in Stuttgart: Good Friday, the weekend and Easter Monday are closed.
    await at('2026-04-02T08:00:00Z');
    const c = await complaint((await customer()).id, 'Termin wurde nicht eingehalten');
    const q = await ok(await qualify(c, { severity: 'high', category: 'delivery_date' }));
    const [acknowledge, resolve] = q.steps;
    expect(acknowledge?.dueAt).toBe('2026-04-07T08:00:00.000Z');
    expect(resolve?.dueAt).toBe('2026-04-09T08:00:00.000Z');
    expect(q.status).toBe('qualified');
  });
});
