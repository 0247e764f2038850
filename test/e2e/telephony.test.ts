import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LOGINS, DEMO_PASSWORD } from '@server/demo/org';
import { berlinDay, berlinInstant } from '@web/features/requests/intake/callback-windows';
import { browserAvailable, launchBrowser, newPage, screenshot, startServer, type E2EServer } from './harness';
import { type Api, apiAs, logIn } from './session';

const enabled = browserAvailable();

describe.runIf(enabled)('telephony in a real browser', () => {
  let server: E2EServer;
  let browser: Browser;
  let manager: Api;
  let advisor: { id: string; email: string; displayName: string };
  let hansId: string;
  let pbx: { connectionId: string; apiKey: string };
  let munichId: string;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    // Callback requests in Munich go to the customer's service advisor.
    manager = await apiAs(server.url, DEMO_LOGINS.manager, DEMO_PASSWORD);
    const locations = await manager<Array<{ id: string; code: string }>>('GET', '/api/locations');
    const munich = locations.find((l) => l.code === 'MUC')!;
    munichId = munich.id;
    await manager('POST', '/api/assignment/rules', {
      name: 'Rückrufe München an den Serviceberater',
      match: { types: ['callback'], locationIds: [munich.id] },
      strategy: 'regular_advisor',
    });
    const lookup = await manager<{ matches: Array<{ contactId: string }> }>(
      'GET',
      '/api/contacts/lookup-by-phone?number=01711234567',
    );
    hansId = lookup.matches[0]!.contactId;
    const hans = await manager<{ serviceAdvisor: { id: string; displayName: string } }>(
      'GET',
      `/api/contacts/${hansId}`,
    );
    const users = await manager<Array<{ id: string; email: string }>>('GET', '/api/users');
    advisor = {
      id: hans.serviceAdvisor.id,
      email: users.find((u) => u.id === hans.serviceAdvisor.id)!.email,
      displayName: hans.serviceAdvisor.displayName,
    };

    // The phone system: a webhook connection with its API key, and the advisor's desk phone on extension 31.
    const admin = await apiAs(server.url, DEMO_LOGINS.admin, 'e2e-admin-password');
    const key = await admin<{ secret: string }>('POST', '/api/admin/api-keys', {
      name: 'Telefonanlage München',
      scopes: ['telephony'],
    });
    const connection = await admin<{ id: string }>('POST', '/api/telephony/connections', {
      provider: 'webhook',
      name: 'Telefonanlage München',
      locationId: munich.id,
    });
    await admin('POST', '/api/telephony/extensions', {
      connectionId: connection.id,
      extension: '31',
      userId: advisor.id,
    });
    pbx = { connectionId: connection.id, apiKey: key.secret };
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function pbxEvent(body: Record<string, unknown>) {
    const res = await fetch(`${server.url}/api/telephony/webhook/${pbx.connectionId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': pbx.apiKey },
      body: JSON.stringify(body),
    });
    expect(res.status, await res.clone().text()).toBe(200);
  }

  /** The advisor's browser on a page, its event stream listening, so no call event is missed. */
  async function advisorOn(path: string, viewport?: { width: number; height: number }): Promise<Page> {
    const page = await newPage(browser, server.url);
    await logIn(page, advisor.email);
    // The live calls are asked for once the stream has said "ready": an answer after its start, and it listens.
    let liveAsked = 0;
    let streamOpen = false;
    page.on('response', (res) => {
      if (res.url().includes('/api/events')) streamOpen = true;
      else if (res.url().endsWith('/api/calls/live') && streamOpen) liveAsked += 1;
    });
    if (viewport) await page.setViewportSize(viewport);
    await page.goto(path);
    await expect.poll(() => liveAsked >= 1, { timeout: 10_000 }).toBe(true);
    return page;
  }

  async function ring(callId: string, from: string) {
    await pbxEvent({
      eventId: `${callId}-ring`,
      callId,
      event: 'ringing',
      direction: 'inbound',
      from,
      to: '+49895467890',
      extensions: ['31'],
    });
  }

  async function hangUp(callId: string) {
    await pbxEvent({ eventId: `${callId}-end`, callId, event: 'ended' });
  }

  async function boxOf(locator: Locator) {
    const box = await locator.boundingBox();
    expect(box).not.toBeNull();
    return box!;
  }

  /** Whether any call card on the page lies over the element (by their boxes on screen). */
  async function coveredByCard(page: Page, target: Locator) {
    const t = await boxOf(target);
    for (const card of await page.getByRole('dialog').all()) {
      const c = await boxOf(card);
      const apart = c.x >= t.x + t.width || t.x >= c.x + c.width || c.y >= t.y + t.height || t.y >= c.y + c.height;
      if (!apart) return true;
    }
    return false;
  }

  it('pops up Hans Müller in his advisor’s browser; the note becomes a callback request assigned to the advisor', async () => {
    const page = await newPage(browser, server.url);
    await logIn(page, advisor.email);
    // The page asks for calls going on once its event stream has said "ready": after an answer that
    // follows the stream's start nothing sent to this user is missed.
    let liveAsked = 0;
    let streamOpen = false;
    page.on('response', (res) => {
      if (res.url().includes('/api/events')) streamOpen = true;
      else if (res.url().endsWith('/api/calls/live') && streamOpen) liveAsked += 1;
    });
    await page.goto('/requests');
    await expect.poll(() => liveAsked >= 1, { timeout: 10_000 }).toBe(true);

    await pbxEvent({
      eventId: 'e2e-ring-1',
      callId: 'e2e-call-1',
      event: 'ringing',
      direction: 'inbound',
      from: '0171 1234567',
      to: '+49895467890',
      extensions: ['31'],
    });

    const pop = page.getByRole('dialog', { name: 'Müller, Hans' });
    await pop.waitFor({ timeout: 10_000 });
    await pop.getByText('Klingelt').waitFor();
    // The customer data follows: his record one click away, his advisor named.
    await expect.poll(() => pop.getAttribute('data-pop-ms'), { timeout: 10_000 }).toMatch(/^\d+$/);
    const popMs = Number(await pop.getAttribute('data-pop-ms'));
    console.info(`screen pop rendered ${popMs} ms after the webhook was received`);
    expect(await pop.getByRole('link', { name: 'Müller, Hans' }).getAttribute('href')).toBe(`/customers/${hansId}`);
    await pop.getByText(advisor.displayName).first().waitFor();
    await screenshot(page, 'screen-pop-ringing');

    await pbxEvent({ eventId: 'e2e-answer-1', callId: 'e2e-call-1', event: 'answered', answeredBy: '31' });
    await pop.getByText('Im Gespräch').waitFor();

    await pop.getByLabel('Gesprächsnotiz').fill('Möchte einen Termin für die Inspektion, bitte morgen zurückrufen.');
    // Tomorrow between 14 and 16 h, says Hans; the rules propose his advisor, who could be changed here.
    await pop.getByText(`Vorschlag nach den Zuweisungsregeln: ${advisor.displayName}`).waitFor();
    const tomorrow = berlinDay(new Date(Date.now() + 86_400_000));
    const typed = tomorrow.split('-').reverse().join('.');
    // Typed the way it is said, day first, without opening a calendar.
    await pop.getByLabel('Rückruf gewünscht ab', { exact: true }).fill(typed);
    await pop.getByLabel('Rückruf gewünscht ab, Uhrzeit').pressSequentially('1400');
    await pop.getByLabel('bis', { exact: true }).fill(typed);
    // On to the time, as a user would: the day's calendar closes and leaves the buttons free.
    await pop.getByLabel('bis', { exact: true }).press('Tab');
    // A day without its time is not dropped silently.
    await pop.getByRole('button', { name: 'Rückruf anlegen' }).click();
    await pop.getByText('Bitte Datum und Uhrzeit angeben').waitFor();
    await pop.getByLabel('bis, Uhrzeit').pressSequentially('1600');
    await pop.getByText('Bitte Datum und Uhrzeit angeben').waitFor({ state: 'detached' });
    await screenshot(page, 'screen-pop-callback-window');
    await pop.getByRole('button', { name: 'Rückruf anlegen' }).click();
    const created = pop.getByRole('status').filter({ hasText: 'angelegt' });
    await created.getByText(`zugewiesen an ${advisor.displayName}`).waitFor();
    await screenshot(page, 'screen-pop-request-created');
    const href = await created.getByRole('link', { name: 'Anliegen öffnen' }).getAttribute('href');
    const requestId = href!.split('/').pop()!;

    const request = await manager<{
      type: string;
      assignee: { id: string } | null;
      contact: { id: string };
      message: string | null;
      callbackFrom: string | null;
      firstContactDueAt: string | null;
    }>('GET', `/api/requests/${requestId}`);
    expect(request).toMatchObject({
      type: 'callback',
      assignee: { id: advisor.id },
      contact: { id: hansId },
      callbackFrom: berlinInstant(tomorrow, '14:00'),
      // Due when the window Hans asked for ends.
      firstContactDueAt: berlinInstant(tomorrow, '16:00'),
    });
    expect(request.message).toContain('Inspektion');
    // A second click says it was done already, instead of nothing.
    await pop.getByRole('button', { name: 'Rückruf anlegen' }).click();
    await pop.getByText(/Schon erledigt/).waitFor();

    // Hung up: the pop says so and stays until closed, the call is on Hans's record with its note.
    await pbxEvent({ eventId: 'e2e-hangup-1', callId: 'e2e-call-1', event: 'ended' });
    await pop.getByText('Beendet').waitFor();
    await pop.getByRole('button', { name: 'Schließen' }).click();
    await page.goto(`/customers/${hansId}?tab=calls`);
    await page.getByText('Möchte einen Termin für die Inspektion, bitte morgen zurückrufen.').first().waitFor();
    await screenshot(page, 'customer-calls');
  });

  it('keeps the new-customer form usable beside an open card; the customer made there becomes the caller, with the note', async () => {
    const page = await advisorOn('/requests');
    await ring('e2e-call-form', '+49 1511 2345678');
    const card = page.getByRole('dialog', { name: '01511 2345678' });
    await card.getByRole('link', { name: 'Neuer Kunde' }).click();
    // The number is filled in as the app writes numbers everywhere.
    await expect
      .poll(() => page.getByLabel('Telefonnummer', { exact: true }).first().inputValue())
      .toBe('01511 2345678');

    const create = page.getByRole('button', { name: 'Kunden anlegen' });
    await create.scrollIntoViewIfNeeded();
    await screenshot(page, 'call-card-over-new-customer-form');
    expect(await coveredByCard(page, create)).toBe(false);
    await card.getByRole('button', { name: 'Minimieren (Esc)' }).click();
    await page.getByRole('button', { name: 'Anruf von 01511 2345678 öffnen' }).waitFor();
    await create.scrollIntoViewIfNeeded();
    expect(await coveredByCard(page, create)).toBe(false);

    // Made from the card, the customer is the caller: the card names her, her record has the call and its note.
    await page.getByRole('button', { name: 'Anruf von 01511 2345678 öffnen' }).click();
    await card.getByLabel('Gesprächsnotiz').fill('Interessiert an einer Probefahrt mit dem ID.4');
    const form = page.locator('form');
    await form.getByLabel('Vorname', { exact: true }).fill('Petra');
    await form.getByRole('textbox', { name: /^Nachname/ }).fill('Neumann');
    await create.click();
    const linked = page.getByRole('dialog', { name: 'Neumann, Petra' });
    await linked.getByRole('link', { name: 'Neumann, Petra' }).waitFor();
    await linked.locator('[data-note-status="saved"]').waitFor();
    await hangUp('e2e-call-form');
    const customerId = new URL(page.url()).pathname.split('/').pop();
    await page.goto(`/customers/${customerId}?tab=calls`);
    await page.getByText('Interessiert an einer Probefahrt mit dem ID.4').first().waitFor();
  });

  it('shows a blocked customer’s whole banner and request subjects, without scrolling sideways', async () => {
    const blocked = await manager<{ id: string }>('POST', '/api/contacts', {
      lastName: 'Sperrling',
      firstName: 'Bernd',
      homeLocationId: munichId,
      phones: [{ number: '0152 33445566' }],
    });
    await manager('POST', `/api/contacts/${blocked.id}/block`, {
      reason: 'Zahlungsrückstand aus zwei Werkstattrechnungen, Vorkasse vereinbart bis zur vollständigen Begleichung',
    });
    const subject = 'Inspektion mit Reifenwechsel, Kunde bittet um einen Leihwagen für zwei Tage';
    await manager('POST', '/api/requests', {
      type: 'service_appointment',
      channel: 'phone',
      locationId: munichId,
      contactId: blocked.id,
      subject,
    });
    const page = await advisorOn('/requests');
    await ring('e2e-call-blocked', '0152 33445566');
    const card = page.getByRole('dialog', { name: 'Sperrling, Bernd' });
    await card
      .getByRole('alert')
      .getByText(/Vorkasse vereinbart/)
      .waitFor();
    const shownSubject = card.getByText(new RegExp(`^${subject}`));
    await shownSubject.waitFor();
    await screenshot(page, 'call-card-blocked');

    // Nothing in the card is wider than its place: no sideways scrollbar, no text cut off at the edge.
    const overflowing = await card.evaluate((root) =>
      [root, ...root.querySelectorAll('*')]
        .filter((el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible')
        .map((el) => el.outerHTML.slice(0, 80)),
    );
    expect(overflowing).toEqual([]);
    const cardBox = await boxOf(card);
    const bannerBox = await boxOf(card.getByRole('alert'));
    expect(bannerBox.x + bannerBox.width).toBeLessThanOrEqual(cardBox.x + cardBox.width);
    expect(await shownSubject.evaluate((el) => el.scrollHeight <= el.clientHeight + 1)).toBe(true);
    await hangUp('e2e-call-blocked');
  });

  it('on a phone keeps the card to a third of the screen and the form’s button reachable', async () => {
    const phone = { width: 390, height: 844 };
    const page = await advisorOn('/customers/new', phone);
    await ring('e2e-call-phone', '0171 1234567');
    const card = page.getByRole('dialog', { name: 'Müller, Hans' });
    await card.getByRole('link', { name: 'Müller, Hans' }).waitFor();
    await screenshot(page, 'call-card-phone');
    expect((await boxOf(card)).height).toBeLessThanOrEqual(phone.height / 3);

    // Scrolled to the end of the form, its button lies above the strip of cards. The room under the
    // page follows the strip's measured height, a frame after the strip appears: scroll once it is there.
    await expect
      .poll(async () => {
        await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
        return coveredByCard(page, page.getByRole('button', { name: 'Kunden anlegen' }));
      })
      .toBe(false);
    await hangUp('e2e-call-phone');
  });

  it('starts a service ticket from a call note on the customer’s calls; the ticket shows its first step and the note', async () => {
    const note = 'Klimaanlage riecht muffig,\nbitte Klimaservice mit Desinfektion anbieten.';
    const page = await advisorOn('/requests');
    await ring('e2e-call-ticket', '0171 1234567');
    const pop = page.getByRole('dialog', { name: 'Müller, Hans' });
    await pop.waitFor({ timeout: 10_000 });
    await pbxEvent({
      eventId: 'e2e-call-ticket-answer',
      callId: 'e2e-call-ticket',
      event: 'answered',
      answeredBy: '31',
    });
    await pop.getByLabel('Gesprächsnotiz').fill(note);
    await pop.getByRole('button', { name: 'Serviceticket starten' }).waitFor();
    // The pad saves on its own: the call's record has the note before the card is closed.
    await expect
      .poll(
        async () => {
          const calls = await manager<{ items: Array<{ note: string | null }> }>(
            'GET',
            `/api/calls?contactId=${hansId}`,
          );
          return calls.items.some((c) => c.note === note);
        },
        { timeout: 10_000 },
      )
      .toBe(true);
    await hangUp('e2e-call-ticket');
    await pop.getByText('Beendet').waitFor();
    await pop.getByRole('button', { name: 'Schließen' }).click();

    await page.goto(`/customers/${hansId}?tab=calls`);
    const row = page.locator('[data-call-id]').filter({ hasText: 'Klimaanlage riecht muffig' });
    await row.getByRole('button', { name: 'Serviceticket starten' }).click();
    await row.getByRole('combobox', { name: 'Prozess wählen' }).click();
    await row.getByRole('option', { name: 'Wartung' }).click();
    await row.getByRole('button', { name: 'Starten' }).click();
    const started = row.getByRole('status').filter({ hasText: 'gestartet' });
    await started.waitFor();
    await screenshot(page, 'call-ticket-started');

    // A second start from the same call finds the first ticket instead of making another.
    await row.getByRole('button', { name: 'Serviceticket starten' }).click();
    await row.getByText('Aus diesem Anruf gestartet:').waitFor();
    await row.getByRole('combobox', { name: 'Prozess wählen' }).click();
    await row.getByRole('option', { name: 'Wartung' }).click();
    await row.getByRole('button', { name: 'Starten' }).click();
    await row.getByRole('status').filter({ hasText: 'gibt es schon' }).waitFor();

    await row.getByRole('link', { name: 'Auftrag öffnen' }).click();
    await page.getByRole('heading', { name: /^Serviceauftrag SA-/ }).waitFor();
    await expect.poll(() => page.getByTestId('ticket-note').innerText(), { timeout: 10_000 }).toBe(note);
    await page
      .getByTestId('ticket-call')
      .getByText(/^aus Anruf vom \d{2}\.\d{2}\.\d{4}/)
      .waitFor();
    const steps = await manager<{ items: Array<{ id: string; currentStep: { title: string } }> }>(
      'GET',
      `/api/service-tickets?scope=location&status=all&locationId=${munichId}`,
    );
    const ticketId = new URL(page.url()).pathname.split('/').pop()!;
    const first = steps.items.find((i) => i.id === ticketId)!.currentStep.title;
    await page.getByText(first).first().waitFor();
    await screenshot(page, 'call-ticket-page');
  });
});
