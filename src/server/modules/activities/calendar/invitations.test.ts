import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient, testLocation } from '@test/support/app';
import { type ReceivedMail, startSmtpServer, type TestSmtpServer } from '@test/support/smtp-server';

type User = TestClient & { userId: string; email: string };
let t: TestApp;
let smtp: TestSmtpServer;
let sales: User;
const HOST = 'crm.autohaus.test';

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({ env: { SMTP_URL: smtp.url, CRM_PUBLIC_URL: `https://${HOST}` } });
  sales = await t.userWithRole('sales');
});
afterAll(async () => {
  await t.close();
  await smtp.stop();
});

async function customer(lastName: string, email: string | null) {
  const res = await sales.post('/api/contacts', {
    firstName: 'Eva',
    lastName,
    homeLocationId: t.location.id,
    emails: email ? [{ address: email, isPrimary: true }] : [],
    ignoreDuplicates: true,
  });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

async function testDrive(contactId: string) {
  const res = await sales.post('/api/activities', {
    type: 'test_drive',
    subject: 'Probefahrt ID.4',
    contactId,
    startsAt: '2026-03-27T10:00:00+01:00',
    endsAt: '2026-03-27T11:00:00+01:00',
    place: 'Autohaus, Eingang Ost',
  });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

/** The text/calendar part of a received mail, parsed with ical.js. */
function invitationOf(mail: ReceivedMail) {
  const part = mail.parsed.attachments.find((a) => /calendar/i.test(a.contentType));
  expect(part, 'the mail has a text/calendar part').toBeDefined();
  const calendar = new ICAL.Component(ICAL.parse(part!.content.toString('utf8')));
  for (const vtz of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(vtz));
  const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
  return { method: calendar.getFirstPropertyValue('method'), event };
}

const sentTo = (address: string, subject: RegExp) => (m: ReceivedMail) =>
  m.rcptTo.includes(address) && subject.test(m.parsed.subject ?? '');

describe('an appointment e-mailed to the customer', () => {
  it('goes out as REQUEST, follows a move with a higher SEQUENCE and ends with CANCEL, same UID', async () => {
    const contactId = await customer('Schulz', 'eva.schulz@example.test');
    const consent = await sales.post(`/api/contacts/${contactId}/consents`, {
      channel: 'email',
      purpose: 'service_reminders',
      status: 'granted',
      source: 'signed_form',
    });
    expect(consent.statusCode).toBeLessThan(300);
    const id = await testDrive(contactId);

    const sent = await sales.post(`/api/activities/${id}/invitation`, {});
    expect(sent.statusCode).toBe(202);
    expect(sent.json()).toMatchObject({ email: 'eva.schulz@example.test', method: 'REQUEST', sequence: 0 });
    await t.services.jobs.worker.runDue();
    const first = invitationOf(await smtp.waitForMessage(sentTo('eva.schulz@example.test', /Terminbestätigung/)));
    expect(first.method).toBe('REQUEST');
    expect(first.event.uid).toBe(`${id}@${HOST}`);
    expect(first.event.sequence).toBe(0);
    expect(first.event.startDate.toJSDate().toISOString()).toBe('2026-03-27T09:00:00.000Z');
    expect(first.event.location).toBe('Autohaus, Eingang Ost');
    expect(String(first.event.attendees[0]!.getFirstValue()).toLowerCase()).toBe('mailto:eva.schulz@example.test');
    expect(first.event.organizer.toLowerCase()).toBe(`mailto:${sales.email}`);

    // Moved across the change to summer time: the update goes out by itself.
    const moved = await sales.patch(`/api/activities/${id}`, {
      startsAt: '2026-03-30T10:00:00+02:00',
      endsAt: '2026-03-30T11:00:00+02:00',
    });
    expect(moved.statusCode).toBe(200);
    await t.services.jobs.worker.runDue();
    const update = invitationOf(await smtp.waitForMessage(sentTo('eva.schulz@example.test', /Geänderter Termin/)));
    expect(update.method).toBe('REQUEST');
    expect(update.event.uid).toBe(`${id}@${HOST}`);
    expect(update.event.sequence).toBe(1);
    expect(update.event.startDate.toJSDate().toISOString()).toBe('2026-03-30T08:00:00.000Z');

    expect((await sales.post(`/api/activities/${id}/cancel`, { reason: 'Fahrzeug nicht da' })).statusCode).toBe(200);
    await t.services.jobs.worker.runDue();
    const cancel = invitationOf(await smtp.waitForMessage(sentTo('eva.schulz@example.test', /abgesagt/)));
    expect(cancel.method).toBe('CANCEL');
    expect(cancel.event.uid).toBe(`${id}@${HOST}`);
    expect(cancel.event.sequence).toBe(2);
    expect(cancel.event.component.getFirstPropertyValue('status')).toBe('CANCELLED');

    const timeline = (await sales.get(`/api/contacts/${contactId}/timeline`)).json();
    const summaries = timeline.items.map((i: { summary: string }) => i.summary);
    expect(summaries).toEqual(
      expect.arrayContaining([
        expect.stringContaining('Einladung per E-Mail an eva.schulz@example.test gesendet'),
        expect.stringContaining('Geänderten Termin per E-Mail an eva.schulz@example.test gesendet'),
        expect.stringContaining('Absage per E-Mail an eva.schulz@example.test gesendet'),
      ]),
    );
    expect((await sales.get(`/api/activities/${id}/invitation`)).json()).toMatchObject({
      invited: true,
      lastMethod: 'CANCEL',
    });
  });

  it('is refused without consent to e-mail, unless the customer asked for it', async () => {
    const contactId = await customer('Ohnezustimmung', 'ohne@example.test');
    const id = await testDrive(contactId);
    const refused = await sales.post(`/api/activities/${id}/invitation`, { reason: 'consent' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().errors[0]).toMatchObject({ field: 'reason', code: 'consent_missing' });

    const asked = await sales.post(`/api/activities/${id}/invitation`, { reason: 'asked' });
    expect(asked.statusCode).toBe(202);
    await t.services.jobs.worker.runDue();
    const mail = await smtp.waitForMessage(sentTo('ohne@example.test', /Terminbestätigung/));
    expect(invitationOf(mail).method).toBe('REQUEST');
  });

  it('is neither sent nor shown to someone from another location', async () => {
    const contactId = await customer('Fremd', 'fremd@example.test');
    const id = await testDrive(contactId);
    const other = await t.services.org.createLocation(null, testLocation({ name: 'Anderswo', code: 'AND' }));
    const stranger = await t.userWithRole('sales', { locationId: other.id });
    expect((await stranger.post(`/api/activities/${id}/invitation`, { reason: 'asked' })).statusCode).toBe(403);
    expect((await stranger.get(`/api/activities/${id}/invitation`)).statusCode).toBe(403);
  });

  it('is refused for a customer without e-mail, a withdrawn consent, a task, and a bad reason', async () => {
    const noMail = await customer('Ohnemail', null);
    const res = await sales.post(`/api/activities/${await testDrive(noMail)}/invitation`, { reason: 'asked' });
    expect(res.statusCode).toBe(409);
    expect(res.json().errors[0]).toMatchObject({ code: 'email_missing' });

    const withdrawn = await customer('Widerruf', 'widerruf@example.test');
    for (const status of ['granted', 'withdrawn']) {
      await sales.post(`/api/contacts/${withdrawn}/consents`, {
        channel: 'email',
        purpose: 'service_reminders',
        status,
        source: 'signed_form',
      });
      t.clock.advance(1000);
    }
    const noConsent = await sales.post(`/api/activities/${await testDrive(withdrawn)}/invitation`, {});
    expect(noConsent.statusCode).toBe(409);

    const call = await sales.post('/api/activities', {
      type: 'call',
      subject: 'Anrufen',
      contactId: withdrawn,
      startsAt: '2026-03-27T10:00:00+01:00',
    });
    const notAppointment = await sales.post(`/api/activities/${call.json().id}/invitation`, { reason: 'asked' });
    expect(notAppointment.statusCode).toBe(409);
    expect(notAppointment.json().errors[0]).toMatchObject({ field: 'type' });

    const bad = await sales.post(`/api/activities/${call.json().id}/invitation`, { reason: 'weil' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ field: 'reason' });
  });
});
