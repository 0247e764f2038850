import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LOGINS, DEMO_PASSWORD } from '@server/demo/org';
import { dovecotAvailable, type DovecotServer, startDovecot } from '../support/dovecot';
import { plainMail } from '../support/mails';
import { browserAvailable, launchBrowser, newPage, screenshot, startServer, type E2EServer } from './harness';
import { apiAs, logIn } from './session';

const enabled = browserAvailable() && dovecotAvailable();
const CUSTOMER = 'jana.krueger@kunde.example';

describe.runIf(enabled)('a complaint by e-mail in a real browser', () => {
  let server: E2EServer;
  let browser: Browser;

  let dovecot: DovecotServer;
  const verkaufLogin = { username: 'verkauf', password: 'imap-secret' };
  let verkaufId = '';

  /** Waits until the mailbox reader has turned the mail with this Message-ID into a request. */
  async function requestOfMail(messageId: string): Promise<{ outcome: string; requestId: string }> {
    const [row] = await pollRows(() =>
      server.database.query<{ outcome: string; request_id: string }>(
        `SELECT outcome, request_id FROM inbound_emails
          WHERE mailbox_id = $1 AND message_id IN ($2, $3) AND request_id IS NOT NULL`,
        [verkaufId, messageId, messageId.replace(/^<|>$/g, '')],
      ),
    );
    return { outcome: row!.outcome, requestId: row!.request_id };
  }

  async function pollRows<T>(read: () => Promise<T[]>, timeoutMs = 20_000): Promise<T[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const rows = await read();
      if (rows.length > 0) return rows;
      if (Date.now() > deadline) throw new Error('the mail did not arrive in time');
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** A real mail to München's verkauf@, delivered into Dovecot: the CRM reads it over IMAP. */
  async function mailArrives(mail: { subject: string; text: string; id: string; inReplyTo?: string }) {
    const raw = plainMail({
      from: `Jana Krüger <${CUSTOMER}>`,
      to: 'verkauf@autohaus-demo.example',
      subject: mail.subject,
      id: mail.id,
      date: new Date().toUTCString(),
      headers: mail.inReplyTo ? [`In-Reply-To: ${mail.inReplyTo}`, `References: ${mail.inReplyTo}`] : [],
      text: mail.text,
    });
    await dovecot.deliver(verkaufLogin, [raw]);
    return requestOfMail(mail.id);
  }

  beforeAll(async () => {
    dovecot = await startDovecot([verkaufLogin]);
    server = await startServer();
    browser = await launchBrowser();
    // The admin points the demo's verkauf@ mailbox at the mail server and switches it on.
    const admin = await apiAs(server.url, DEMO_LOGINS.admin, 'e2e-admin-password');
    const boxes = await admin<Array<{ id: string; address: string }>>('GET', '/api/mailboxes');
    verkaufId = boxes.find((b) => b.address.startsWith('verkauf@'))!.id;
    await admin('PATCH', `/api/mailboxes/${verkaufId}`, {
      host: dovecot.host,
      port: dovecot.port,
      tls: false,
      username: verkaufLogin.username,
      secret: verkaufLogin.password,
      pollSeconds: 10,
      enabled: true,
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await dovecot?.stop();
  });

  it('reception qualifies a complaint mail, its case already open, beside its similar case and hands it to the service manager, who answers by e-mail; the reply lands on the same complaint', async () => {
    const arrived = await mailArrives({
      subject: 'Reklamation: Liefertermin schon wieder verschoben',
      id: '<beschwerde-1@kunde.example>',
      text: 'Guten Tag,\nder Liefertermin wurde schon wieder um vier Wochen verschoben. Wir hatten das Auto für den Urlaub eingeplant.\nJana Krüger',
    });
    expect(arrived.outcome).toBe('new_request');
    const requestUrl = `/requests/${arrived.requestId}`;

    // The service manager of München: a manager of the service department.
    const [serviceManager] = await server.database.query<{ first_name: string; last_name: string; email: string }>(
      `SELECT u.first_name, u.last_name, u.email FROM users u JOIN locations l ON l.id = u.home_location_id
        WHERE u.role = 'manager' AND u.department = 'service' AND l.city = 'München' LIMIT 1`,
    );

    // Reception reads the mail on the request and qualifies it as a complaint.
    const reception = await newPage(browser, server.url);
    await logIn(reception, DEMO_LOGINS.reception);
    await reception.goto(requestUrl);
    await reception
      .getByText(/um vier Wochen verschoben/)
      .first()
      .waitFor();
    // A complaint opens its case as it comes in: the qualification is there at once.
    await reception.getByRole('form', { name: 'Qualifizierung' }).waitFor();
    expect(await reception.getByRole('button', { name: 'Als Reklamation qualifizieren' }).count()).toBe(0);
    await reception
      .getByLabel(/^Kategorie/)
      .first()
      .click();
    await reception.getByRole('option', { name: 'Liefertermin' }).click();
    // The earlier delivery delay is listed while qualifying, with its outcome.
    const similar = reception.getByRole('list', { name: 'Ähnliche Fälle' });
    await similar
      .getByText(/ähnlicher Text|gleiches Modell und Kategorie/)
      .first()
      .waitFor({ timeout: 20_000 });
    await reception
      .getByLabel(/^Schwere/)
      .first()
      .click();
    await reception.getByRole('option', { name: 'hoch' }).click();
    await reception
      .getByLabel(/^Zuständige Abteilung/)
      .first()
      .click();
    await reception.getByRole('option', { name: 'Service', exact: true }).click();
    await reception.getByRole('button', { name: 'Qualifizieren', exact: true }).click();
    await screenshot(reception, 'complaint-qualified');

    // The remedy's steps are planned; reception hands them to the service manager.
    const responsible = reception.locator('input[aria-label^="Zuständig für"][aria-label*="lösen"]');
    await responsible.click();
    await reception
      .getByRole('option', { name: new RegExp(serviceManager!.last_name) })
      .first()
      .click();
    await expect.poll(() => responsible.inputValue()).toContain(serviceManager!.last_name);

    // The service manager answers the customer by e-mail from the request.
    const manager = await newPage(browser, server.url);
    await logIn(manager, serviceManager!.email);
    await manager.goto(requestUrl);
    await manager.getByRole('button', { name: 'Per E-Mail antworten' }).click();
    const dialog = manager.getByRole('dialog');
    await dialog
      .getByRole('textbox', { name: 'Text' })
      .fill(
        'Sehr geehrte Frau Krüger,\nwir bitten um Entschuldigung und melden uns bis Freitag mit einem festen Termin.',
      );
    await dialog.getByRole('button', { name: 'Senden' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // The customer answers that mail; the answer joins the same request, not a new one.
    const managerApi = await apiAs(server.url, serviceManager!.email, DEMO_PASSWORD);
    const request = await managerApi<{ contact: { id: string }; number: string }>(
      'GET',
      `/api/requests/${arrived.requestId}`,
    );
    const sent = await managerApi<Array<{ messageId: string; requestId: string | null }>>(
      'GET',
      `/api/contacts/${request.contact.id}/emails`,
    );
    const ours = sent.find((m) => m.requestId === arrived.requestId)!;
    const reply = await mailArrives({
      subject: `Re: Ihre Reklamation [${request.number}]`,
      id: '<beschwerde-2@kunde.example>',
      inReplyTo: ours.messageId,
      text: 'Danke, Freitag passt. Bitte rufen Sie mich vormittags an.',
    });
    expect(reply).toMatchObject({ outcome: 'added_to_request', requestId: arrived.requestId });

    await manager.reload();
    await manager
      .getByText(/Freitag passt/)
      .first()
      .waitFor();
    await screenshot(manager, 'complaint-reply-on-request');
  });
});
