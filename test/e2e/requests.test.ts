import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LOGINS, DEMO_PASSWORD } from '@server/demo/org';
import { berlinDay, berlinInstant } from '@web/features/requests/intake/callback-windows';
import { browserAvailable, launchBrowser, newPage, screenshot, startServer, type E2EServer } from './harness';
import { apiAs, logIn } from './session';

const enabled = browserAvailable();

describe.runIf(enabled)('requests in a real browser', () => {
  let server: E2EServer;
  let browser: Browser;
  let advisor: { email: string; displayName: string };

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    // The manager's rule: callback requests in Munich go to the customer's service advisor.
    const manager = await apiAs(server.url, DEMO_LOGINS.manager, DEMO_PASSWORD);
    const locations = await manager<Array<{ id: string; code: string }>>('GET', '/api/locations');
    const munich = locations.find((l) => l.code === 'MUC')!;
    await manager('POST', '/api/assignment/rules', {
      name: 'Rückrufe München an den Serviceberater',
      match: { types: ['callback'], locationIds: [munich.id] },
      strategy: 'regular_advisor',
    });
    const lookup = await manager<{ matches: Array<{ contactId: string }> }>(
      'GET',
      '/api/contacts/lookup-by-phone?number=01711234567',
    );
    const hans = await manager<{ serviceAdvisor: { id: string; displayName: string } }>(
      'GET',
      `/api/contacts/${lookup.matches[0]!.contactId}`,
    );
    const users = await manager<Array<{ id: string; email: string }>>('GET', '/api/users');
    advisor = {
      email: users.find((u) => u.id === hans.serviceAdvisor.id)!.email,
      displayName: hans.serviceAdvisor.displayName,
    };
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('reception takes a callback request; the advisor sees it live, calls three times in vain and is prompted to e-mail', async () => {
    const advisorPage = await newPage(browser, server.url);
    await logIn(advisorPage, advisor.email);
    await advisorPage.goto('/requests');

    const reception = await newPage(browser, server.url);
    await logIn(reception, DEMO_LOGINS.reception);
    await reception.goto('/requests/new');
    const form = reception.getByRole('form', { name: 'Anliegen erfassen' });
    await form.getByLabel('Kunde').first().fill('0171 1234567');
    await reception
      .getByRole('option', { name: /Müller, Hans/ })
      .first()
      .waitFor();
    await reception.keyboard.press('Enter');
    await form
      .getByLabel('Anliegen', { exact: false })
      .last()
      .fill('Möchte einen Termin für die Inspektion, bitte zurückrufen.');
    // Tomorrow between 14 and 16 h, typed the way it is said, without opening a calendar.
    const tomorrow = berlinDay(new Date(Date.now() + 86_400_000));
    const typed = tomorrow.split('-').reverse().join('.');
    await form.getByText('Zeitraum wählen').click();
    await form.getByLabel('Von', { exact: true }).fill(typed);
    await form.getByLabel('Von, Uhrzeit').pressSequentially('1400');
    await form.getByLabel('Bis', { exact: true }).fill(typed);
    await form.getByLabel('Bis', { exact: true }).press('Tab');
    // A day without its time is refused, not sent as no window at all.
    await reception.keyboard.press('Control+Enter');
    await form.getByText('Bitte Datum und Uhrzeit angeben').waitFor();
    await form.getByLabel('Bis, Uhrzeit').pressSequentially('1600');
    await form.getByText('Bitte Datum und Uhrzeit angeben').waitFor({ state: 'detached' });
    await screenshot(reception, 'intake-callback-window');
    await reception.keyboard.press('Control+Enter');
    await reception.getByText(`zugewiesen an ${advisor.displayName}`).waitFor();
    await screenshot(reception, 'intake-saved');

    // No reload: the advisor's open page shows the new request.
    const toast = advisorPage.getByText(/Neues Anliegen A-\d+/).first();
    await toast.waitFor({ timeout: 10_000 });
    await screenshot(advisorPage, 'live-notification');
    // Messages appear below the header, never over the search bar and the user menu.
    const header = (await advisorPage.locator('header').first().boundingBox())!;
    expect((await toast.boundingBox())!.y).toBeGreaterThanOrEqual(header.y + header.height);
    await toast.click();
    await advisorPage.waitForURL(/\/requests\/[0-9a-f-]{36}/);
    // The window is Berlin time, whatever the server's or the browser's clock says.
    const stored = await apiAs(server.url, DEMO_LOGINS.manager, DEMO_PASSWORD).then((api) =>
      api<{ callbackFrom: string | null; callbackTo: string | null }>(
        'GET',
        `/api/requests/${advisorPage.url().split('/').pop()!}`,
      ),
    );
    expect(stored).toMatchObject({
      callbackFrom: berlinInstant(tomorrow, '14:00'),
      callbackTo: berlinInstant(tomorrow, '16:00'),
    });
    await advisorPage.getByText(`Rückruf gewünscht ${typed}, 14:00 – ${typed}, 16:00`).waitFor();

    const attempts = advisorPage.getByRole('form', { name: 'Kontaktversuch erfassen' });
    for (let i = 1; i <= 3; i++) {
      await attempts.getByText('Nicht erreicht', { exact: true }).click();
      await attempts.getByLabel('Notiz (wörtlich)').fill(`Versuch ${i}: niemand erreicht, Mailbox voll.`);
      await attempts.getByRole('button', { name: 'Versuch speichern' }).click();
      await advisorPage.getByText(`Kontaktversuche (${i})`).waitFor();
    }
    await advisorPage.getByText('Jetzt per E-Mail nachfassen').waitFor();
    await screenshot(advisorPage, 'email-prompt');
    expect(await advisorPage.getByRole('button', { name: 'Als gesendet vermerken' }).count()).toBe(1);

    // The work list says when the first contact happened (today), not the deadline it met (tomorrow).
    const path = new URL(advisorPage.url()).pathname;
    await advisorPage.goto('/requests');
    const row = advisorPage.locator('tr', { has: advisorPage.locator(`a[href="${path}"]`) });
    await row.getByText('Erstkontakt erfolgt').waitFor();
    const today = new Intl.DateTimeFormat('de-DE', {
      timeZone: 'Europe/Berlin',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
    }).format(new Date());
    expect(await row.innerText()).toContain(today);
  });
  it('shows every status and type label whole in the work list, none cut off with "…"', async () => {
    const page = await newPage(browser, server.url);
    await logIn(page, DEMO_LOGINS.manager);
    await page.goto('/requests?scope=location');
    await page.getByText('Wartet auf Kunden').first().waitFor();
    const cut = await page
      .locator('table .mantine-Badge-label')
      .evaluateAll((labels) => labels.filter((l) => l.scrollWidth > l.clientWidth + 1).map((l) => l.textContent));
    expect(cut).toEqual([]);
  });
  it("a portal lead from someone else with a known customer's number keeps its own data and is flagged", async () => {
    const admin = await apiAs(server.url, DEMO_LOGINS.admin, 'e2e-admin-password');
    const key = await admin<{ secret: string }>('POST', '/api/admin/api-keys', {
      name: 'Leadportal',
      scopes: ['intake'],
    });
    const res = await fetch(`${server.url}/api/intake/requests`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${key.secret}`,
        'idempotency-key': 'portal-anna-1',
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        type: 'sales_lead',
        channel: 'lead_portal',
        locationCode: 'MUC',
        message: 'Ich interessiere mich für einen Tiguan.',
        customer: { firstName: 'Anna', lastName: 'Neumann', phone: '0171 1234567', email: 'Anna.Neumann@Example.de' },
      }),
    });
    expect(res.status).toBe(201);
    const { request } = (await res.json()) as { request: { id: string } };

    const page = await newPage(browser, server.url);
    await logIn(page, DEMO_LOGINS.manager);
    await page.goto(`/requests/${request.id}`);
    const submitted = page.getByRole('region', { name: 'Angaben des Kunden' });
    await submitted.getByText('Anna Neumann').waitFor();
    await submitted.getByText('Anna.Neumann@Example.de').waitFor();
    const flag = submitted.getByRole('alert', { name: 'Möglicher Doppelkontakt' });
    await flag
      .getByRole('link', { name: /Müller, Hans/ })
      .first()
      .waitFor();
    await page.getByRole('link', { name: 'Neumann, Anna' }).first().waitFor();
    await screenshot(page, 'lead-possible-duplicate');
  });

  it('a walk-in starts as a sales inquiry due within minutes, offers no callback times, and the confirmation is in view', async () => {
    const page = await newPage(browser, server.url);
    await logIn(page, DEMO_LOGINS.reception);
    await page.goto('/requests/new?channel=walk_in');
    const form = page.getByRole('form', { name: 'Anliegen erfassen' });
    await form.getByLabel('Kunde').first().fill('0171 1234567');
    await page
      .getByRole('option', { name: /Müller, Hans/ })
      .first()
      .waitFor();
    await page.keyboard.press('Enter');
    expect(await form.getByLabel('Art', { exact: true }).inputValue()).toBe('Verkaufsanfrage');
    expect(await form.getByText('Rückruf gewünscht').count()).toBe(0);

    await form.getByRole('button', { name: 'Anliegen anlegen' }).click();
    const saved = page.getByRole('status').filter({ hasText: 'Gespeichert' });
    await saved.waitFor();
    await page.waitForTimeout(300);
    const box = (await saved.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(page.viewportSize()!.height);
    await screenshot(page, 'walk-in-saved');

    const href = (await saved.getByRole('link').first().getAttribute('href'))!;
    const reception = await apiAs(server.url, DEMO_LOGINS.reception, DEMO_PASSWORD);
    const request = await reception<{ receivedAt: string; firstContactDueAt: string }>('GET', `/api/${href.slice(1)}`);
    const wait = Date.parse(request.firstContactDueAt) - Date.parse(request.receivedAt);
    expect(wait).toBeLessThanOrEqual(15 * 60_000);
  });
});
