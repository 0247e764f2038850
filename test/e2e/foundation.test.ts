import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../../src/server/demo/org';
import { browserAvailable, launchBrowser, newPage, screenshot, startServer, type E2EServer } from './harness';

const enabled = browserAvailable();

describe.runIf(enabled)('foundation in a real browser', () => {
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

  async function logIn(page: Page, email: string, password: string) {
    await page.goto('/');
    await page.getByLabel('E-Mail-Adresse').fill(email);
    await page.getByLabel('Passwort', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Anmelden' }).click();
  }

  it('shows a wrong password in words', async () => {
    const page = await newPage(browser, server.url);
    await logIn(page, DEMO_LOGINS.sales, 'not-the-password');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('E-Mail-Adresse oder Passwort ist falsch');
    await page.context().close();
  });

  it('logs in, switches to English, and logs out', async () => {
    const page = await newPage(browser, server.url);
    await logIn(page, DEMO_LOGINS.admin, 'e2e-admin-password');
    const nav = page.getByRole('navigation');
    await nav.getByRole('link', { name: 'Kunden' }).waitFor();
    await screenshot(page, 'dashboard-de');
    expect(await nav.getByRole('link', { name: 'Administration' }).isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Benutzermenü öffnen' }).click();
    await page.getByRole('menu').getByText('English', { exact: true }).click();
    await nav.getByRole('link', { name: 'Customers' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Kunden' }).count()).toBe(0);

    // The choice survives a reload.
    await page.reload();
    await nav.getByRole('link', { name: 'Customers' }).waitFor();

    await page.getByRole('button', { name: 'Open user menu' }).click();
    await page.getByRole('menuitem', { name: 'Log out' }).click();
    await page.getByRole('button', { name: 'Log in' }).waitFor();
    // The session is really gone on the server.
    expect((await page.request.get('/api/auth/session')).status()).toBe(401);
    await page.context().close();
  });

  it('refuses a sales consultant the admin pages, in the app and on the server', async () => {
    const page = await newPage(browser, server.url);
    await logIn(page, DEMO_LOGINS.sales, DEMO_PASSWORD);
    const nav = page.getByRole('navigation');
    await nav.getByRole('link', { name: 'Kunden' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Administration' }).count()).toBe(0);

    await page.goto('/admin/users');
    await page.getByText('Kein Zugriff').waitFor();
    await screenshot(page, 'forbidden');
    expect((await page.request.get('/api/users')).status()).toBe(403);
    await page.context().close();
  });
});
