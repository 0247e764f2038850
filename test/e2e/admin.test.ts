import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '@shared/org/schemas';
import { DEMO_LOGINS } from '@server/demo/org';
import { browserAvailable, launchBrowser, newPage, screenshot, startServer, type E2EServer } from './harness';
import { apiAs } from './session';

const enabled = browserAvailable();
/** The administrator's password is set by the test server's configuration, not the demo's. */
const ADMIN_PASSWORD = 'e2e-admin-password';

async function logInAsAdmin(page: Page) {
  await page.goto('/');
  await page.getByLabel('E-Mail-Adresse').fill(DEMO_LOGINS.admin);
  await page.getByLabel('Passwort', { exact: true }).fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.getByRole('navigation').getByRole('link', { name: 'Administration' }).waitFor();
}

/** A day a few weeks ahead, as YYYY-MM-DD. */
function daysAhead(days: number) {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

describe.runIf(enabled)('administration pages in a real browser', () => {
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

  it('deletes an absence after asking, says so and takes it off the list', async () => {
    const api = await apiAs(server.url, DEMO_LOGINS.admin, ADMIN_PASSWORD);
    const sales = (await api<User[]>('GET', '/api/users')).find((u) => u.email === DEMO_LOGINS.sales)!;
    await api('POST', '/api/absences', {
      userId: sales.id,
      kind: 'holiday',
      startsOn: daysAhead(30),
      endsOn: daysAhead(34),
      note: 'Ostsee',
    });
    const page = await newPage(browser, server.url);
    await logInAsAdmin(page);

    await page.goto('/admin/absences');
    const row = page.getByRole('row').filter({ hasText: 'Ostsee' });
    await row.waitFor();
    expect(await row.getByText(sales.displayName).isVisible()).toBe(true);
    await screenshot(page, 'admin-absences');
    await row.getByRole('button', { name: `Abwesenheit von ${sales.displayName} löschen` }).click();
    const dialog = page.getByRole('dialog', { name: 'Abwesenheit löschen' });
    await dialog.getByRole('button', { name: 'Abwesenheit löschen' }).click();

    await page.getByText(`Abwesenheit von ${sales.displayName} gelöscht.`).waitFor();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Keine Abwesenheiten').waitFor();
    expect(await api<unknown[]>('GET', '/api/absences')).toHaveLength(0);
    await page.context().close();
  });

  it('edits a location in the dialog, starting from its values', async () => {
    const page = await newPage(browser, server.url);
    await logInAsAdmin(page);
    const api = await apiAs(server.url, DEMO_LOGINS.admin, ADMIN_PASSWORD);
    const [first] = (await api<{ name: string }[]>('GET', '/api/locations')).sort((a, b) =>
      a.name.localeCompare(b.name, 'de'),
    );

    await page.goto('/admin/locations');
    await page.getByRole('button', { name: `Bearbeiten: ${first!.name}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Standort bearbeiten' });
    expect(await dialog.getByRole('textbox', { name: 'Name' }).inputValue()).toBe(first!.name);
    await screenshot(page, 'admin-location-dialog');
    await dialog.getByRole('button', { name: 'Abbrechen' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.context().close();
  });

  it('creates an API key, shows its secret once and revokes it after asking', async () => {
    const page = await newPage(browser, server.url);
    await logInAsAdmin(page);

    await page.goto('/admin/api-keys');
    await page.getByRole('button', { name: 'Neuer API-Schlüssel' }).first().click();
    const form = page.getByRole('dialog', { name: 'Neuen API-Schlüssel erstellen' });
    await form.getByRole('textbox', { name: 'Bezeichnung' }).fill('Testsystem');
    await form.getByRole('checkbox', { name: /Telefonbuch/ }).check();
    await form.getByRole('button', { name: 'Schlüssel erstellen' }).click();
    const secret = page.getByRole('dialog', { name: 'API-Schlüssel erstellt' });
    await secret.waitFor();
    await secret.getByRole('button', { name: 'Fertig' }).click();

    const row = page.getByRole('row').filter({ hasText: 'Testsystem' });
    await row.getByRole('button', { name: 'Widerrufen' }).click();
    await page
      .getByRole('dialog', { name: 'API-Schlüssel widerrufen?' })
      .getByRole('button', { name: 'Widerrufen' })
      .click();
    await page.getByText('„Testsystem“ wurde widerrufen.').waitFor();
    await row.getByText('Widerrufen').waitFor();
    expect(await row.getByRole('button').count()).toBe(0);
    await page.context().close();
  });
});
