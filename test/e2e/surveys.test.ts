import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LOGINS, DEMO_PASSWORD } from '@server/demo/org';
import { browserAvailable, launchBrowser, newPage, screenshot, startServer, type E2EServer } from './harness';
import { apiAs, logIn } from './session';

const enabled = browserAvailable();

describe.runIf(enabled)('satisfaction survey in a real browser', () => {
  let server: E2EServer;
  let browser: Browser;
  let token: string;
  let contactId: string;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    // The consultant e-mails a customer who agreed to marketing e-mail the survey link.
    const sales = await apiAs(server.url, DEMO_LOGINS.sales, DEMO_PASSWORD);
    const me = await sales<{ user: { homeLocationId: string } }>('GET', '/api/auth/session');
    const contact = await sales<{ id: string }>('POST', '/api/contacts', {
      salutation: 'ms',
      firstName: 'Greta',
      lastName: 'Umfragewald',
      homeLocationId: me.user.homeLocationId,
      emails: [{ address: 'greta.umfragewald@example.test', isPrimary: true }],
      ignoreDuplicates: true,
    });
    contactId = contact.id;
    await sales('POST', `/api/contacts/${contactId}/consents`, {
      channel: 'email',
      purpose: 'marketing',
      status: 'granted',
      source: 'signed_form',
    });
    const invitation = await sales<{ customerEmailId: string }>('POST', '/api/surveys/invitations', { contactId });
    const [mail] = await server.database.query<{ text: string }>('SELECT text FROM customer_emails WHERE id = $1', [
      invitation.customerEmailId,
    ]);
    token = /\/umfrage\/([A-Za-z0-9_-]+)/.exec(mail!.text)![1]!;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the customer answers on a phone with a low score; the demo manager finds the complaint in their list', async () => {
    const context = await browser.newContext({
      baseURL: server.url,
      locale: 'de-DE',
      timezoneId: 'Europe/Berlin',
      viewport: { width: 375, height: 740 },
      isMobile: true,
      hasTouch: true,
    });
    const phone = await context.newPage();
    phone.setDefaultTimeout(15_000);
    await phone.goto(`/umfrage/${token}`);
    await phone.getByText('Hallo Greta,').waitFor();
    // Nothing runs off the side of a phone's screen.
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    await phone
      .getByRole('radiogroup', { name: /insgesamt/ })
      .getByRole('radio', { name: '3', exact: true })
      .check();
    await phone
      .getByRole('radiogroup', { name: /weiterempfehlen/ })
      .getByRole('radio', { name: '2', exact: true })
      .check();
    const comment = 'Bei der Übergabe war niemand da, der mir das Auto erklärt hat.';
    await phone.getByRole('textbox', { name: /besser machen/ }).fill(comment);
    await phone.getByRole('button', { name: 'Antworten senden' }).click();
    await phone.getByRole('heading', { name: 'Vielen Dank!' }).waitFor();
    await screenshot(phone, 'survey-thanks');

    // The same link again: answered already, said in words.
    await phone.reload();
    await phone.getByRole('heading', { name: 'Diese Befragung wurde bereits beantwortet' }).waitFor();
    await context.close();

    const [request] = await server.database.query<{ id: string; message: string; email: string }>(
      `SELECT r.id, r.message, u.email FROM customer_requests r JOIN users u ON u.id = r.assignee_id
       WHERE r.contact_id = $1 AND r.type = 'complaint'`,
      [contactId],
    );
    expect(request?.email).toBe(DEMO_LOGINS.manager);
    expect(request?.message).toContain(`„${comment}“`);

    const manager = await newPage(browser, server.url);
    await logIn(manager, DEMO_LOGINS.manager);
    await manager.goto('/requests');
    await manager.locator(`a[href="/requests/${request!.id}"]`).first().waitFor();
    await manager.close();
  });
});
