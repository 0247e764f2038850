import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LOGINS, DEMO_PASSWORD } from '@server/demo/org';
import { browserAvailable, launchBrowser, newPage, screenshot, startServer, type E2EServer } from './harness';
import { apiAs, logIn } from './session';

const enabled = browserAvailable();

describe.runIf(enabled)('customers in a real browser', () => {
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

  it('finds a demo customer by a phone number typed in national format and opens the record', async () => {
    const page = await newPage(browser, server.url);
    await page.goto('/');
    await page.getByLabel('E-Mail-Adresse').fill(DEMO_LOGINS.reception);
    await page.getByLabel('Passwort', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByRole('navigation').getByRole('link', { name: 'Kunden' }).waitFor();

    // The search bar opens with Ctrl+K from anywhere.
    await page.keyboard.press('Control+k');
    await page.getByRole('combobox', { name: /Kundennummer/ }).fill('0171 1234567');
    const hit = page.getByRole('option', { name: /Müller, Hans/ }).first();
    await hit.waitFor();
    await screenshot(page, 'search-phone');
    await page.keyboard.press('Enter');

    await page.waitForURL(/\/customers\/[0-9a-f-]{36}/);
    await page.getByRole('heading', { name: /Müller, Hans/ }).waitFor();
    await page.getByText('MUC-').first().waitFor();
    await screenshot(page, 'customer-record');
    expect(await page.getByText('0171 1234567').count()).toBeGreaterThan(0);
  });

  it('the note pad on a record grows with the text typed, up to ten lines, and the note is saved', async () => {
    const page = await newPage(browser, server.url);
    await logIn(page, DEMO_LOGINS.sales);
    await page.goto('/customers');
    await page.locator('table tbody tr a').first().click();
    await page.waitForURL(/\/customers\/[0-9a-f-]{36}/);
    const pad = page.getByRole('textbox', { name: 'Notiz hinzufügen' });
    const height = async () => (await pad.boundingBox())!.height;
    const empty = await height();

    await pad.fill('Rückruf wegen Winterreifen\nam Dienstag\nnach 16 Uhr\nbei der Ehefrau');
    const fourLines = await height();
    expect(fourLines).toBeGreaterThan(empty * 1.5);

    await pad.fill(Array.from({ length: 20 }, (_, i) => `Zeile ${i + 1}`).join('\n'));
    const twentyLines = await height();
    expect(twentyLines).toBeGreaterThan(fourLines * 2);
    expect(twentyLines).toBeLessThan(fourLines * 3);

    await pad.fill('Bevorzugt Termine am Vormittag');
    await page.getByRole('button', { name: 'Notiz hinzufügen' }).click();
    await page.getByText('Bevorzugt Termine am Vormittag').waitFor();
    expect(await height()).toBe(empty);
  });

  it('a manager merges a duplicate from the record: picks it, sees what moves, lands on the record kept', async () => {
    const manager = await apiAs(server.url, DEMO_LOGINS.manager, DEMO_PASSWORD);
    const [munich] = await manager<Array<{ id: string }>>('GET', '/api/locations');
    const person = { kind: 'person', firstName: 'Dora', lastName: 'Doppelt', homeLocationId: munich!.id, tags: [] };
    const kept = await manager<{ id: string }>('POST', '/api/contacts', {
      ...person,
      phones: [{ number: '0170 5550101' }],
      emails: [],
      addresses: [],
    });
    const duplicate = await manager<{ id: string }>('POST', '/api/contacts', {
      ...person,
      phones: [{ number: '0170 5550101' }],
      emails: [{ address: 'dora.doppelt@example.de' }],
      addresses: [],
      ignoreDuplicates: true,
    });

    const page = await newPage(browser, server.url);
    await logIn(page, DEMO_LOGINS.manager);
    await page.goto(`/customers/${kept.id}`);
    await page.getByRole('button', { name: /Weitere Aktionen/ }).click();
    await page.getByRole('menuitem', { name: 'Dublette zusammenführen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Dublette zusammenführen' });
    await dialog.getByRole('button', { name: 'Doppelt, Dora auswählen' }).click();
    const compare = dialog.getByRole('table', { name: 'Vergleich' });
    const email = compare.getByRole('row', { name: /E-Mail/ });
    await email.getByText('wird übernommen').waitFor();
    expect(await email.innerText()).toContain('dora.doppelt@example.de');
    await screenshot(page, 'merge-preview');
    await dialog.getByRole('button', { name: 'Zusammenführen' }).click();

    await page.getByText('Doppelt, Dora wurde in diesen Datensatz übernommen.').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/customers/${kept.id}`);
    await page.getByText('dora.doppelt@example.de').first().waitFor();
    await page
      .getByText(/Dublette zusammengeführt/)
      .first()
      .waitFor();
    // The duplicate's old link leads to the record kept.
    await page.goto(`/customers/${duplicate.id}`);
    await page.waitForURL(`**/customers/${kept.id}`);
  });

  it('the hint on the new-customer form names the phone number as soon as it is typed, not the earlier name match', async () => {
    const page = await newPage(browser, server.url);
    await logIn(page, DEMO_LOGINS.reception);
    await page.goto('/customers/new');
    await page.getByLabel('Vorname').fill('Hans');
    await page.getByLabel('Nachname').fill('Müller');
    const hint = page.getByRole('status').filter({ hasText: 'Möglicherweise schon vorhanden' });
    // The phone is typed and the cursor stays in the field: the receptionist reads the hint now.
    await page.getByLabel('Telefonnummer', { exact: true }).first().fill('0171 1234567');
    await hint.getByText('gleiche Telefonnummer').waitFor();
    await screenshot(page, 'new-customer-duplicate-hint');
    expect(await hint.getByRole('link', { name: 'Müller, Hans' }).count()).toBeGreaterThan(0);
  });

  it('the search bar shows a company with a building and starts empty when reopened at once, keeping every letter', async () => {
    const reception = await apiAs(server.url, DEMO_LOGINS.reception, DEMO_PASSWORD);
    const locations = await reception<Array<{ id: string }>>('GET', '/api/locations');
    await reception('POST', '/api/contacts', {
      kind: 'company',
      companyName: 'Spedition Kranichfeld GmbH',
      homeLocationId: locations[0]!.id,
      ignoreDuplicates: true,
    });
    const page = await newPage(browser, server.url);
    await logIn(page, DEMO_LOGINS.reception);
    const searchField = page.getByRole('combobox', { name: /Kundennummer/ });

    await page.keyboard.press('Control+k');
    await searchField.fill('Kranichfeld');
    const company = page.getByRole('option', { name: /Spedition Kranichfeld/ });
    await company.getByRole('img', { name: 'Firma' }).waitFor();
    await screenshot(page, 'search-company');

    // Esc and straight back in, typing at once: only the new query, first digit included.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+k');
    await page.keyboard.type('0171 1234567');
    await page
      .getByRole('option', { name: /Müller, Hans/ })
      .first()
      .waitFor();
    expect(await searchField.inputValue()).toBe('0171 1234567');
  });

  it('on a phone a long name in the search is cut short; what matched stays inside the search', async () => {
    const reception = await apiAs(server.url, DEMO_LOGINS.reception, DEMO_PASSWORD);
    const locations = await reception<Array<{ id: string }>>('GET', '/api/locations');
    await reception('POST', '/api/contacts', {
      kind: 'company',
      companyName: 'Landschaftsgärtnerei Oberschleißheimer Baumschulen und Gartengestaltung GmbH & Co. KG',
      homeLocationId: locations[0]!.id,
      ignoreDuplicates: true,
    });
    const page = await newPage(browser, server.url);
    await logIn(page, DEMO_LOGINS.reception);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.keyboard.press('Control+k');
    await page.getByRole('combobox', { name: /Kundennummer/ }).fill('Landschaftsgärtnerei Oberschleiß');
    const hit = page.getByRole('option', { name: /Landschaftsgärtnerei Oberschleißheimer/ });
    await hit.waitFor();
    await screenshot(page, 'search-long-name-phone');

    const dialog = (await page.getByRole('dialog').boundingBox())!;
    const matched = (await hit.getByText('Firma', { exact: true }).boundingBox())!;
    expect(matched.x + matched.width).toBeLessThanOrEqual(dialog.x + dialog.width);
  });
});
