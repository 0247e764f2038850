import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LOGINS, DEMO_PASSWORD } from '@server/demo/org';
import { browserAvailable, launchBrowser, newPage, screenshot, startServer, type E2EServer } from './harness';
import { apiAs, logIn } from './session';

const enabled = browserAvailable();

interface SessionUser {
  id: string;
  displayName: string;
  homeLocationId: string;
}

/** Picks an option of a Mantine select by the field's label. */
async function choose(page: Page, label: string | RegExp, option: string | RegExp) {
  await page.getByRole('dialog').getByLabel(label).click();
  await page.getByRole('option', { name: option }).first().click();
}

describe.runIf(enabled)('the board in a real browser', () => {
  let server: E2EServer;
  let browser: Browser;
  let manager: SessionUser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const managerApi = await apiAs(server.url, DEMO_LOGINS.manager, DEMO_PASSWORD);
    manager = (await managerApi<{ user: SessionUser }>('GET', '/api/auth/session')).user;
    // Reception's location counts who is there by check-in, as Leipzig does in the demo.
    await managerApi('PUT', `/api/locations/${manager.homeLocationId}/duty-settings`, {
      usesCheckIn: true,
      autoCheckOutAtClosing: false,
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('reception takes a house-rules message to the board; the manager sees it live, replies, and finds it on the record', async () => {
    const managerPage = await newPage(browser, server.url);
    await logIn(managerPage, DEMO_LOGINS.manager);
    await managerPage
      .getByRole('navigation')
      .getByRole('link', { name: /^Board/ })
      .click();
    await managerPage.waitForURL(/\/board\/channels\//);
    // The manager reads the group's channel meanwhile; the location's channel is where the thread lands.
    await managerPage.getByRole('link', { name: 'Alle Standorte' }).click();
    await managerPage.getByRole('heading', { name: 'Alle Standorte' }).waitFor();

    const reception = await newPage(browser, server.url);
    await logIn(reception, DEMO_LOGINS.reception);
    // Check in: one click, or the location picked when reception works at more than one.
    await reception.getByRole('button', { name: 'Einchecken' }).click();
    const onDuty = reception.getByRole('button', { name: /Im Dienst/ });
    const picker = reception.getByRole('menuitem').first();
    // Whichever shows first: on duty at once, or the menu of locations to pick from.
    await onDuty.or(picker).first().waitFor();
    if (await picker.isVisible()) await picker.click();
    await onDuty.waitFor();

    // The search bar (Ctrl+K) finds the customer.
    await reception.keyboard.press('Control+k');
    await reception.getByRole('combobox', { name: /Kundennummer/ }).fill('0171 1234567');
    await reception
      .getByRole('option', { name: /Müller, Hans/ })
      .first()
      .waitFor();
    await reception.keyboard.press('Enter');
    await reception.waitForURL(/\/customers\/[0-9a-f-]{36}/);
    const recordUrl = reception.url().split('?')[0]!;

    await reception.getByRole('button', { name: 'Mitteilung', exact: true }).click();
    const dialog = reception.getByRole('dialog');
    await choose(reception, /Mitteilungsart/, 'Verstoß gegen die Hausordnung');
    await dialog.getByLabel(/Verstoßene Regel/).fill('AGB §9 Hausordnung');
    await choose(reception, /Zuständiger Mitarbeiter/, manager.displayName);
    await dialog
      .getByLabel(/^Mitteilung(?!sart)/)
      .fill('Hat im Ausstellungsraum geraucht.\nNach dem Hinweis sofort aufgehört, aber laut geworden.');
    await dialog.getByRole('button', { name: 'An das Board' }).click();

    // Reception lands on the new thread: titled by customer number and name, the message quoted.
    await reception.waitForURL(/\/board\/threads\//);
    const title = reception.getByTestId('board-thread-title');
    await expect.poll(() => title.textContent()).toMatch(/^MUC-\S+ · Müller, Hans/);
    await reception
      .getByTestId('board-quote')
      .getByText(/Ausstellungsraum geraucht/)
      .waitFor();
    const threadUrl = reception.url();

    // The manager sees it without reloading: the unread count and the thread in the channel.
    await managerPage.getByTestId('board-unread').waitFor({ timeout: 20_000 });
    await screenshot(managerPage, 'board-unread-live');
    // The location's channel comes before its departments'.
    await managerPage
      .getByRole('link', { name: /München/ })
      .first()
      .click();
    await managerPage
      .getByTestId('board-threads')
      .getByText(/Müller, Hans/)
      .first()
      .waitFor({ timeout: 20_000 });
    await screenshot(managerPage, 'board-channel-live');
    await managerPage
      .getByTestId('board-threads')
      .getByText(/Müller, Hans/)
      .first()
      .click();
    await managerPage.waitForURL(threadUrl);

    // The manager replies, mentioning reception, and sends with Ctrl+Enter.
    const receptionUser = (
      await (
        await apiAs(server.url, DEMO_LOGINS.reception, DEMO_PASSWORD)
      )<{ user: SessionUser }>('GET', '/api/auth/session')
    ).user;
    const reply = managerPage.getByRole('textbox', { name: 'Antwort' });
    await reply.click();
    await reply.pressSequentially(`Danke. @${receptionUser.displayName.slice(0, 3)}`);
    await managerPage.getByRole('option', { name: receptionUser.displayName }).click();
    await reply.pressSequentially('bitte Hausverbot prüfen.');
    // The house rules as a PDF go with the reply.
    const chooser = managerPage.waitForEvent('filechooser');
    await managerPage.getByRole('button', { name: 'Datei anhängen' }).click();
    await (
      await chooser
    ).setFiles({ name: 'Hausordnung.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
    await managerPage.getByTestId('board-chosen-file').getByText('Hausordnung.pdf').waitFor();
    await reply.click();
    await managerPage.keyboard.press('Control+Enter');
    const replied = managerPage.getByTestId('board-post').nth(1);
    await replied.getByText(/Hausverbot prüfen/).waitFor();
    await replied.getByTestId('board-post-files').getByRole('link', { name: 'Hausordnung.pdf' }).waitFor();
    await managerPage.getByTestId('board-post').first().getByRole('button', { name: 'Reagieren' }).click();
    await managerPage.getByRole('button', { name: '👍' }).click();
    await managerPage.getByRole('button', { name: '👍 1' }).waitFor();
    await screenshot(managerPage, 'board-thread');

    // Reception sees the reply appear live in the thread it opened, and is told it was mentioned.
    await reception
      .getByTestId('board-posts')
      .getByText(/Hausverbot prüfen/)
      .waitFor({ timeout: 20_000 });
    await reception
      .getByRole('alert')
      .getByText(/Hausverbot prüfen/)
      .waitFor();
    // …with the PDF, which reception downloads as it was sent.
    const download = reception.waitForEvent('download');
    await reception.getByTestId('board-post-files').getByRole('link', { name: 'Hausordnung.pdf' }).click();
    expect((await download).suggestedFilename()).toBe('Hausordnung.pdf');
    await screenshot(reception, 'board-thread-reception');

    // The thread is reachable from the customer's record.
    await reception.goto(`${recordUrl}?tab=board`);
    await reception
      .getByText(/Hat im Ausstellungsraum geraucht/)
      .first()
      .waitFor();
    await screenshot(reception, 'board-customer-tab');
    await reception
      .getByText(/Hat im Ausstellungsraum geraucht/)
      .first()
      .click();
    await reception.waitForURL(threadUrl);
  });
});
