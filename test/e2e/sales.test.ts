import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LOGINS, DEMO_PASSWORD } from '@server/demo/org';
import { browserAvailable, launchBrowser, newPage, screenshot, startServer, type E2EServer } from './harness';
import { apiAs } from './session';
import { logIn } from './session';

const enabled = browserAvailable();

interface Session {
  user: { id: string; homeLocationId: string };
}

/*
 * Seed 002 in a real browser: a walk-in prospect becomes an opportunity, gets a call planned and a
 * test drive booked, receives an offer with financing as a PDF by e-mail (sent from the
 * opportunity page), is followed up, accepts, orders and gets a delivery appointment.
 * The e2e server has no SMTP server: the mail is checked as stored, byte for byte, through the API.
 */
describe.runIf(enabled)('sales from the showroom to the delivery appointment', () => {
  let server: E2EServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('walks seed 002: walk-in, call, test drive, offer with financing by e-mail, follow-up, order, delivery', async () => {
    const reception = await apiAs(server.url, DEMO_LOGINS.reception, DEMO_PASSWORD);
    const sales = await apiAs(server.url, DEMO_LOGINS.sales, DEMO_PASSWORD);
    const manager = await apiAs(server.url, DEMO_LOGINS.manager, DEMO_PASSWORD);
    const { user: consultant } = await sales<Session>('GET', '/api/auth/session');
    const locationId = consultant.homeLocationId;

    // A walk-in asks about a Tucson: taken in at reception as a sales lead, for the consultant.
    const lead = await reception<{ id: string; contact: { id: string } }>('POST', '/api/requests', {
      type: 'sales_lead',
      channel: 'walk_in',
      locationId,
      assigneeId: consultant.id,
      subject: 'Interesse am Hyundai Tucson',
      message: 'Möchte den Tucson Probe fahren und ein Finanzierungsangebot.',
      customer: {
        salutation: 'mr',
        firstName: 'Jonas',
        lastName: 'Albrecht',
        phone: '0171 4445566',
        email: 'jonas.albrecht@example.test',
      },
    });
    const contactId = lead.contact.id;
    expect((await sales<{ lifecycle: string }>('GET', `/api/contacts/${contactId}`)).lifecycle).toBe('prospect');
    await sales('POST', `/api/contacts/${contactId}/consents`, {
      channel: 'email',
      purpose: 'marketing',
      status: 'granted',
      source: 'signed_form',
    });

    // The opportunity from the walk-in, a planned call and a test drive in a demo car.
    const opportunity = await sales<{ id: string; number: string }>('POST', '/api/opportunities', {
      requestId: lead.id,
      interestKind: 'new',
      interestMake: 'Hyundai',
      interestModel: 'Tucson',
    });
    const tomorrow = new Date(Date.now() + 86_400_000);
    tomorrow.setUTCHours(9, 0, 0, 0);
    await sales('POST', '/api/activities', {
      type: 'call',
      subject: 'Herrn Albrecht wegen Probefahrt anrufen',
      contactId,
      allDay: false,
      startsAt: tomorrow.toISOString(),
    });
    const car = await manager<{ id: string }>('POST', '/api/demo-vehicles', {
      locationId,
      make: 'Hyundai',
      model: 'Tucson',
      variant: '1.6 T-GDI Prime',
      plate: 'S-AH 2026',
    });
    const driveAt = new Date(tomorrow.getTime() + 86_400_000);
    await sales('POST', '/api/test-drives', {
      contactId,
      opportunityId: opportunity.id,
      demoVehicleId: car.id,
      startsAt: driveAt.toISOString(),
      endsAt: new Date(driveAt.getTime() + 3_600_000).toISOString(),
    });

    // In the browser: the opportunity page shows the test drive and the offer; the offer goes by e-mail.
    const page = await newPage(browser, server.url);
    await logIn(page, DEMO_LOGINS.sales);
    await page.goto(`/sales/${opportunity.id}`);
    await page.getByText('S-AH 2026').waitFor();
    // The offer with financing, built in the editor.
    await page.getByRole('button', { name: 'Neues Angebot' }).click();
    const editor = page.getByRole('dialog', { name: 'Neues Angebot' });
    await editor.getByLabel('Marke').fill('Hyundai');
    await editor.getByLabel('Modell').fill('Tucson');
    await editor.getByLabel('Ausführung').fill('1.6 T-GDI Prime');
    await editor.getByLabel('Listenpreis (brutto)').fill('35.990,00');
    await editor.getByLabel('Nachlass').fill('1.500,00');
    // Mantine draws the switch over a hidden checkbox.
    await editor.getByRole('switch', { name: 'Finanzierung' }).check({ force: true });
    await editor.getByLabel('Anzahlung').fill('5.000,00');
    await editor.getByLabel('Laufzeit (Monate)').fill('48');
    await editor.getByLabel('Sollzins p. a.').fill('3,99');
    await editor.getByLabel('Schlussrate').fill('0,00');
    await editor.getByText('34.490,00 €').first().waitFor();
    // Valid for three weeks, typed day first the German way.
    const validUntil = new Date(Date.now() + 21 * 86_400_000).toISOString().slice(0, 10);
    await editor.getByLabel('Gültig bis').fill(validUntil.split('-').reverse().join('.'));
    await screenshot(page, 'sales-offer-editor');
    await editor.getByRole('button', { name: 'Angebot speichern' }).click();
    await editor.waitFor({ state: 'detached' });
    const offers = await sales<{
      items: Array<{ id: string; monthlyRateCents: number | null; grossCents: number; validUntil: string }>;
    }>('GET', `/api/opportunities/${opportunity.id}/offers`);
    const offer = offers.items[0]!;
    expect(offer.grossCents).toBe(3_449_000);
    expect(offer.monthlyRateCents).toBeGreaterThan(0);
    expect(offer.validUntil).toBe(validUntil);
    await page.getByRole('button', { name: 'Angebot senden' }).waitFor();
    await screenshot(page, 'sales-opportunity');

    await page.getByRole('button', { name: 'Angebot senden' }).click();
    const dialog = page.getByRole('dialog', { name: 'E-Mail an den Kunden' });
    const subject = dialog.getByLabel('Betreff');
    await expect.poll(() => subject.inputValue()).toContain(`${opportunity.number}/1`);
    await screenshot(page, 'sales-send-offer');
    await dialog.getByRole('button', { name: 'Senden' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('versendet').first().waitFor();

    // The mail as stored: to the customer, the offer's PDF attached.
    const mails = await sales<Array<{ id: string; offerId: string | null; to: string }>>(
      'GET',
      `/api/contacts/${contactId}/emails`,
    );
    const mail = mails.find((m) => m.offerId === offer.id)!;
    expect(mail.to).toBe('jonas.albrecht@example.test');
    const raw = await fetch(`${server.url}/api/customer-emails/${mail.id}/raw`, {
      headers: {
        cookie: await page
          .context()
          .cookies()
          .then((c) => c.map((x) => `${x.name}=${x.value}`).join('; ')),
      },
    }).then((r) => r.text());
    expect(raw).toContain('Content-Type: application/pdf');
    expect(raw).toContain(`Angebot ${opportunity.number}/1.pdf`);

    // The follow-up is in the consultant's calendar, the opportunity at "offer".
    const activities = await sales<{ items: Array<{ type: string; contact: { id: string } | null }> }>(
      'GET',
      `/api/activities?contactId=${contactId}`,
    );
    const items = Array.isArray(activities) ? activities : activities.items;
    expect(items.some((a: { type: string }) => a.type === 'offer_follow_up')).toBe(true);
    expect((await sales<{ stage: string }>('GET', `/api/opportunities/${opportunity.id}`)).stage).toBe('offer');

    // Accepted, ordered: the delivery appointment lands in the calendar.
    await sales('POST', `/api/offers/${offer.id}/accept`);
    const order = await sales<{ id: string; deliveryActivityId?: string | null }>(
      'POST',
      `/api/offers/${offer.id}/purchase-order`,
      {},
    );
    expect(order.id).toBeTruthy();
    const after = await sales<{ items: Array<{ type: string }> } | Array<{ type: string }>>(
      'GET',
      `/api/activities?contactId=${contactId}`,
    );
    const list = Array.isArray(after) ? after : after.items;
    expect(list.some((a) => a.type === 'delivery')).toBe(true);
    expect((await sales<{ lifecycle: string }>('GET', `/api/contacts/${contactId}`)).lifecycle).toBe('customer');
  });
});
