import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient, testLocation } from '@test/support/app';
import { opportunities } from '../tables';

type User = TestClient & { userId: string; email: string };
let t: TestApp;
let sales: User;
let manager: User;
let carId: string;

// The clock stands at Monday 2 March 2026, 09:00 in Berlin (UTC+1).
const at = (day: string, hhmm: string) => `2026-03-${day}T${hhmm}:00+01:00`;

beforeAll(async () => {
  t = await createTestApp();
  sales = await t.userWithRole('sales');
  manager = await t.userWithRole('manager');
  carId = await demoCar('M-AB 123');
});
afterAll(() => t.close());

async function demoCar(plate: string, model = 'ID.4') {
  const res = await manager.post('/api/demo-vehicles', {
    locationId: t.location.id,
    make: 'VW',
    model,
    plate,
    vin: null,
    mileageKm: 1200,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

async function customer(firstName: string, lastName: string, email: string | null = null) {
  const res = await sales.post('/api/contacts', {
    firstName,
    lastName,
    homeLocationId: t.location.id,
    emails: email ? [{ address: email, isPrimary: true }] : [],
    ignoreDuplicates: true,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

const book = (who: TestClient, body: Record<string, unknown>) => who.post('/api/test-drives', body);

async function booked(body: Record<string, unknown>) {
  const res = await book(sales, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as {
    testDrive: { id: string; activityId: string; version: number; status: string };
    warnings: Array<{ code: string; subject: string }>;
    invitation: { sent: boolean; problem: string | null };
  };
}

describe('booking a demo car', () => {
  it('refuses an overlapping slot with 409 naming the car, the time and the customer, and takes the slot right after', async () => {
    const anna = await customer('Anna', 'Müller');
    const first = await booked({
      contactId: anna,
      demoVehicleId: carId,
      startsAt: at('03', '14:00'),
      endsAt: at('03', '15:00'),
    });
    expect(first.testDrive.status).toBe('booked');

    const other = await customer('Jens', 'Weber');
    const overlapping = await book(sales, {
      contactId: other,
      demoVehicleId: carId,
      startsAt: at('03', '14:30'),
      endsAt: at('03', '15:30'),
    });
    expect(overlapping.statusCode).toBe(409);
    expect(overlapping.json().detail).toMatch(
      /^VW ID\.4 M-AB 123 ist am 03\.03\.2026 von 14:00 bis 15:00 für .*Müller.* gebucht/,
    );
    expect(overlapping.json().conflict).toMatchObject({ kind: 'test_drive', car: 'VW ID.4 M-AB 123' });

    const backToBack = await book(sales, {
      contactId: other,
      demoVehicleId: carId,
      startsAt: at('03', '15:00'),
      endsAt: at('03', '16:00'),
    });
    expect(backToBack.statusCode, backToBack.body).toBe(201);
  });

  it("refuses a slot in the car's blocked time with the block's reason", async () => {
    const block = await manager.post(`/api/demo-vehicles/${carId}/blocks`, {
      startsAt: at('04', '08:00'),
      endsAt: at('04', '17:00'),
      reason: 'Werkstatt: Inspektion',
    });
    expect(block.statusCode, block.body).toBe(201);
    const res = await book(sales, {
      contactId: await customer('Ute', 'Lang'),
      demoVehicleId: carId,
      startsAt: at('04', '10:00'),
      endsAt: at('04', '11:00'),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toBe(
      'VW ID.4 M-AB 123 ist am 04.03.2026 von 08:00 bis 17:00 nicht verfügbar: Werkstatt: Inspektion.',
    );
    expect(res.json().conflict).toMatchObject({ kind: 'block', reason: 'Werkstatt: Inspektion' });
  });

  it('lets exactly one of two simultaneous bookings of the same slot win', async () => {
    const [a, b] = [await customer('Ina', 'Berg'), await customer('Tom', 'Berg')];
    const car = await demoCar('M-CC 42', 'Golf');
    const slot = { demoVehicleId: car, startsAt: at('05', '10:00'), endsAt: at('05', '11:00') };
    const answers = await Promise.all([book(sales, { ...slot, contactId: a }), book(sales, { ...slot, contactId: b })]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const schedule = await sales.get(
      `/api/locations/${t.location.id}/test-drive-schedule?from=${encodeURIComponent(at('05', '00:00'))}&to=${encodeURIComponent(at('06', '00:00'))}`,
    );
    expect(schedule.statusCode, schedule.body).toBe(200);
    const line = schedule.json().cars.find((c: { id: string }) => c.id === car);
    expect(line.bookings).toHaveLength(1);
  });

  it('refuses a slot in the past, one longer than a day and one ending before it starts, naming the field', async () => {
    const contactId = await customer('Max', 'Alt');
    const past = await book(sales, {
      contactId,
      demoVehicleId: carId,
      startsAt: at('01', '10:00'),
      endsAt: at('01', '11:00'),
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().errors[0]).toMatchObject({ field: 'startsAt', code: 'must_be_future' });
    const long = await book(sales, {
      contactId,
      demoVehicleId: carId,
      startsAt: at('10', '10:00'),
      endsAt: at('11', '11:00'),
    });
    expect(long.statusCode).toBe(400);
    expect(long.json().errors[0].field).toBe('endsAt');
  });

  it('warns, but books, when the consultant has another appointment then', async () => {
    const contactId = await customer('Pia', 'Klee');
    const visit = await sales.post('/api/activities', {
      type: 'appointment',
      subject: 'Beratung Familie Roth',
      startsAt: at('12', '09:30'),
      endsAt: at('12', '10:30'),
    });
    expect(visit.statusCode, visit.body).toBe(201);
    const res = await booked({
      contactId,
      demoVehicleId: carId,
      startsAt: at('12', '10:00'),
      endsAt: at('12', '11:00'),
    });
    expect(res.warnings).toEqual([
      expect.objectContaining({ code: 'consultant_busy', subject: 'Beratung Familie Roth' }),
    ]);
  });
});

describe("the consultant's calendar and the opportunity", () => {
  it('gets a test-drive appointment that moves and is cancelled with the booking, and the slot is free again', async () => {
    const contactId = await customer('Lea', 'Sommer');
    const { testDrive } = await booked({
      contactId,
      demoVehicleId: carId,
      startsAt: at('16', '10:00'),
      endsAt: at('16', '11:00'),
    });
    const planned = (await sales.get(`/api/activities/${testDrive.activityId}`)).json();
    expect(planned).toMatchObject({ type: 'test_drive', status: 'open', subject: 'Probefahrt VW ID.4 M-AB 123' });
    expect(new Date(planned.startsAt).toISOString()).toBe('2026-03-16T09:00:00.000Z');

    const moved = await sales.post(`/api/test-drives/${testDrive.id}/move`, {
      startsAt: at('17', '13:00'),
      endsAt: at('17', '14:00'),
      version: testDrive.version,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const after = (await sales.get(`/api/activities/${testDrive.activityId}`)).json();
    expect(new Date(after.startsAt).toISOString()).toBe('2026-03-17T12:00:00.000Z');

    const cancelled = await sales.post(`/api/test-drives/${testDrive.id}/cancel`, { reason: 'Kunde krank' });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json().status).toBe('cancelled');
    expect((await sales.get(`/api/activities/${testDrive.activityId}`)).json().status).toBe('cancelled');

    await booked({ contactId, demoVehicleId: carId, startsAt: at('17', '13:00'), endsAt: at('17', '14:00') });
    const timeline = (await sales.get(`/api/contacts/${contactId}/timeline`)).json();
    const summaries = JSON.stringify(timeline);
    expect(summaries).toContain('Probefahrt gebucht: VW ID.4 M-AB 123');
    expect(summaries).toContain('Probefahrt verschoben');
    expect(summaries).toContain('Probefahrt abgesagt');
  });

  it('moves the opportunity to the test-drive stage', async () => {
    const contactId = await customer('Olaf', 'Kern');
    const [opp] = await t.database.db
      .insert(opportunities)
      .values({ number: 'V-900001', contactId, ownerId: sales.userId, locationId: t.location.id, stage: 'contacted' })
      .returning();
    await booked({
      contactId,
      opportunityId: opp!.id,
      demoVehicleId: carId,
      startsAt: at('18', '10:00'),
      endsAt: at('18', '11:00'),
    });
    const [after] = await t.database.db.select().from(opportunities).where(eq(opportunities.id, opp!.id));
    expect(after!.stage).toBe('test_drive');
    const list = await sales.get(`/api/test-drives?opportunityId=${opp!.id}`);
    expect(list.json().items).toHaveLength(1);
  });

  it('sends the customer the invitation only with consent to e-mail or when they asked', async () => {
    const without = await customer('Karl', 'Ohne', 'karl.ohne@example.test');
    const refused = await booked({
      contactId: without,
      demoVehicleId: carId,
      startsAt: at('19', '10:00'),
      endsAt: at('19', '11:00'),
      invite: 'consent',
    });
    expect(refused.invitation.sent).toBe(false);
    expect(refused.invitation.problem).toMatch(/not agreed to e-mail/);
    expect((await sales.get(`/api/activities/${refused.testDrive.activityId}/invitation`)).json().invited).toBe(false);

    const asked = await booked({
      contactId: without,
      demoVehicleId: carId,
      startsAt: at('19', '15:00'),
      endsAt: at('19', '16:00'),
      invite: 'asked',
    });
    expect(asked.invitation).toEqual({ sent: true, problem: null });

    const withConsent = await customer('Klara', 'Mit', 'klara.mit@example.test');
    const consent = await sales.post(`/api/contacts/${withConsent}/consents`, {
      channel: 'email',
      purpose: 'service_reminders',
      status: 'granted',
      source: 'signed_form',
    });
    expect(consent.statusCode).toBeLessThan(300);
    const sent = await booked({
      contactId: withConsent,
      demoVehicleId: carId,
      startsAt: at('19', '12:00'),
      endsAt: at('19', '13:00'),
      invite: 'consent',
    });
    expect(sent.invitation).toEqual({ sent: true, problem: null });
    const invitation = await sales.get(`/api/activities/${sent.testDrive.activityId}/invitation`);
    expect(invitation.json()).toMatchObject({ email: 'klara.mit@example.test', reason: 'consent' });
  });
});

describe('out and back', () => {
  it("needs the driver's licence before the car goes out and a mileage back not below the one out", async () => {
    const contactId = await customer('Rita', 'Fahr');
    const { testDrive } = await booked({
      contactId,
      demoVehicleId: carId,
      startsAt: at('02', '10:00'),
      endsAt: at('02', '11:00'),
    });

    const noLicence = await sales.post(`/api/test-drives/${testDrive.id}/out`, { mileageOutKm: 1200 });
    expect(noLicence.statusCode).toBe(400);
    expect(noLicence.json().errors[0]).toMatchObject({ field: 'licenceNumber', code: 'required' });

    const licence = await sales.put(`/api/test-drives/${testDrive.id}/licence`, {
      licenceNumber: 'B072RRE2I55',
      licenceAuthority: 'Landratsamt Esslingen',
    });
    expect(licence.statusCode, licence.body).toBe(200);
    expect(licence.json().licenceCheckedBy.id).toBe(sales.userId);

    expect((await sales.post(`/api/test-drives/${testDrive.id}/out`, { mileageOutKm: 1200 })).statusCode).toBe(200);
    const less = await sales.post(`/api/test-drives/${testDrive.id}/back`, { mileageBackKm: 1100 });
    expect(less.statusCode).toBe(400);
    expect(less.json().errors[0]).toMatchObject({
      field: 'mileageBackKm',
      code: 'below_mileage_out',
      params: { km: 1200 },
    });

    const note = '  Kunde begeistert, fragt nach Leasing  ';
    const back = await sales.post(`/api/test-drives/${testDrive.id}/back`, { mileageBackKm: 1235, note });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json()).toMatchObject({ status: 'returned', mileageOutKm: 1200, mileageBackKm: 1235 });
    expect((await sales.get(`/api/demo-vehicles/${carId}`)).json().mileageKm).toBe(1235);
    expect((await sales.get(`/api/activities/${testDrive.activityId}`)).json().status).toBe('done');
    const timeline = JSON.stringify((await sales.get(`/api/contacts/${contactId}/timeline`)).json());
    expect(timeline).toContain('Probefahrt gestartet: VW ID.4 M-AB 123 mit 1200 km');
    expect(timeline).toContain('35 km gefahren');
  });
});

describe('demo cars and who may', () => {
  it('keeps plates unique however they are written and checks the VIN like vehicles do', async () => {
    const same = await manager.post('/api/demo-vehicles', {
      locationId: t.location.id,
      make: 'VW',
      model: 'Polo',
      plate: 'm ab123',
    });
    expect(same.statusCode).toBe(400);
    expect(same.json().errors[0]).toMatchObject({ field: 'plate', code: 'already_in_use' });
    const badVin = await manager.post('/api/demo-vehicles', {
      locationId: t.location.id,
      make: 'VW',
      model: 'Polo',
      plate: 'M-PO 1',
      vin: 'WVWZZZ1JZ3W38652O',
    });
    expect(badVin.statusCode).toBe(400);
    expect(badVin.json().errors[0]).toMatchObject({ field: 'vin', code: 'invalid_vin' });
    expect(
      (await sales.post('/api/demo-vehicles', { locationId: t.location.id, make: 'VW', model: 'Up', plate: 'M-UP 1' }))
        .statusCode,
    ).toBe(403);
  });

  it("keeps another location's consultant out of its cars, bookings and schedule, and lets reception read the schedule", async () => {
    const ulm = await t.services.org.createLocation(
      null,
      testLocation({ name: 'Autohaus Test Ulm', code: 'ULX', city: 'Ulm', email: 'ulx@example.test' }),
    );
    const elsewhere = await t.userWithRole('sales', { locationId: ulm.id });
    const contactId = await customer('Udo', 'Fremd');
    const { testDrive } = await booked({
      contactId,
      demoVehicleId: carId,
      startsAt: at('24', '10:00'),
      endsAt: at('24', '11:00'),
    });

    const bookHere = await book(elsewhere, {
      contactId,
      demoVehicleId: carId,
      startsAt: at('25', '10:00'),
      endsAt: at('25', '11:00'),
    });
    expect(bookHere.statusCode).toBe(403);
    expect((await elsewhere.get(`/api/test-drives/${testDrive.id}`)).statusCode).toBe(403);
    expect((await elsewhere.post(`/api/test-drives/${testDrive.id}/cancel`, { reason: 'x' })).statusCode).toBe(403);
    expect((await elsewhere.get(`/api/demo-vehicles?locationId=${t.location.id}`)).statusCode).toBe(403);
    const range = `from=${encodeURIComponent(at('24', '00:00'))}&to=${encodeURIComponent(at('25', '00:00'))}`;
    expect((await elsewhere.get(`/api/locations/${t.location.id}/test-drive-schedule?${range}`)).statusCode).toBe(403);

    const reception = await t.userWithRole('reception');
    const schedule = await reception.get(`/api/locations/${t.location.id}/test-drive-schedule?${range}`);
    expect(schedule.statusCode).toBe(200);
    const line = schedule.json().cars.find((c: { id: string }) => c.id === carId);
    expect(line.bookings).toEqual([
      expect.objectContaining({ id: testDrive.id, customer: expect.stringContaining('Fremd') }),
    ]);
    expect(
      (
        await book(reception, {
          contactId,
          demoVehicleId: carId,
          startsAt: at('25', '10:00'),
          endsAt: at('25', '11:00'),
        })
      ).statusCode,
    ).toBe(403);
  });
});
