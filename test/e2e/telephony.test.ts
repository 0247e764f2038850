import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../../src/server/demo/org';
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

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    // Callback requests in Munich go to the customer's service advisor.
    manager = await apiAs(server.url, DEMO_LOGINS.manager, DEMO_PASSWORD);
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

  it('pops up Hans Müller in his advisor’s browser; the note becomes a callback request assigned to the advisor', async () => {
    const page = await newPage(browser, server.url);
    await logIn(page, advisor.email);
    // The page asks for calls going on when it loads and again once its event stream listens
    // ("ready"): after the second answer nothing sent to this user is missed.
    let liveAsked = 0;
    page.on('response', (res) => {
      if (res.url().endsWith('/api/calls/live')) liveAsked += 1;
    });
    await page.goto('/requests');
    await expect.poll(() => liveAsked, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);

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
    }>('GET', `/api/requests/${requestId}`);
    expect(request).toMatchObject({ type: 'callback', assignee: { id: advisor.id }, contact: { id: hansId } });
    expect(request.message).toContain('Inspektion');

    // Hung up: the pop says so and stays until closed, the call is on Hans's record with its note.
    await pbxEvent({ eventId: 'e2e-hangup-1', callId: 'e2e-call-1', event: 'ended' });
    await pop.getByText('Beendet').waitFor();
    await pop.getByRole('button', { name: 'Schließen' }).click();
    await page.goto(`/customers/${hansId}?tab=calls`);
    await page.getByText('Möchte einen Termin für die Inspektion, bitte morgen zurückrufen.').first().waitFor();
    await screenshot(page, 'customer-calls');
  });
});
