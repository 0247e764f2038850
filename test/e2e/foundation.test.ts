import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LOGINS, DEMO_PASSWORD } from '@server/demo/org';
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

  it("opens every home page figure as its list, filtered; the manager's eight weeks load as a chart after the first screen", async () => {
    const page = await newPage(browser, server.url);
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    // The first screen (the login page and what it preloads) does not carry the chart library.
    await page.goto('/');
    await page.getByRole('button', { name: 'Anmelden' }).waitFor();
    expect(scripts.some((url) => url.includes('TrendChart'))).toBe(false);
    expect(await (await page.request.get('/')).text()).not.toContain('TrendChart');
    await logIn(page, DEMO_LOGINS.manager, DEMO_PASSWORD);
    const location = page.locator('section[aria-labelledby="home-location"]');
    await page.getByTestId('trend-chart').waitFor();
    expect(scripts.some((url) => url.includes('TrendChart'))).toBe(true);
    await screenshot(page, 'home-manager');
    // The location's number follows the one display rule (stored as "+49 89 5467890").
    await page.getByText('089 5467890', { exact: true }).waitFor();

    await location.getByRole('link', { name: /^Überfällig: \d+$/ }).click();
    await page.waitForURL(/\/requests\?.*overdue=true/);
    expect(page.url()).toMatch(/scope=location&locationId=[0-9a-f-]{36}/);
    expect(await page.getByRole('switch', { name: 'Nur überfällige' }).isChecked()).toBe(true);
    await page.context().close();

    const staff = await newPage(browser, server.url);
    await logIn(staff, DEMO_LOGINS.sales, DEMO_PASSWORD);
    const myDay = staff.locator('section[aria-labelledby="home-my-day"]');
    await myDay.getByRole('link', { name: /^Heute fällig: \d+$/ }).click();
    await staff.waitForURL(/\/requests\?due=today$/);
    expect(await staff.getByRole('switch', { name: 'Nur heute fällig' }).isChecked()).toBe(true);
    await staff.context().close();
  });

  it('shows work lists and customers as cards on a phone, the deadline in view, nothing to scroll sideways', async () => {
    const context = await browser.newContext({
      baseURL: server.url,
      locale: 'de-DE',
      timezoneId: 'Europe/Berlin',
      viewport: { width: 390, height: 844 },
    });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await logIn(page, DEMO_LOGINS.sales, DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Navigation ein- oder ausblenden' }).waitFor();
    const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

    await page.goto('/requests?scope=location');
    const firstRequest = page.getByTestId('request-cards').locator('article').first();
    await firstRequest.waitFor();
    expect(await firstRequest.textContent()).toMatch(/fällig in|überfällig seit|Erstkontakt erfolgt|Keine Frist/);
    expect(await firstRequest.isVisible()).toBe(true);
    expect(await page.locator('table').count()).toBe(0);
    expect(await sideways()).toBeLessThanOrEqual(0);
    await screenshot(page, 'requests-phone');

    await page.goto('/customers');
    await page.getByTestId('customer-cards').locator('article').first().waitFor();
    expect(await page.locator('table').count()).toBe(0);
    expect(await sideways()).toBeLessThanOrEqual(0);
    await screenshot(page, 'customers-phone');
    await context.close();
  });
});
