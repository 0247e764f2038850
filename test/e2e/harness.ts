import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import pino from 'pino';
import { buildApp } from '@server/app';
import { bootstrap } from '@server/bootstrap';
import { loadConfig } from '@server/config';
import { type Database, openPglite } from '@server/db/client';
import { runMigrations } from '@server/db/migrate';
import type { Clock } from '@server/lib/clock';
import type { Services } from '@server/services';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
  Boolean,
) as string[];

export const chromiumPath = CANDIDATES.find((p) => fs.existsSync(p));

/** Browser tests skip without Chromium, unless CI demands them (CRM_E2E_REQUIRED=1). */
export function browserAvailable(): boolean {
  if (chromiumPath) return true;
  const message = `No Chromium found (looked at ${CANDIDATES.join(', ')}); install Debian's "chromium" to run the browser tests.`;
  if (process.env.CRM_E2E_REQUIRED === '1') throw new Error(message);
  console.warn(`SKIPPING browser tests: ${message}`);
  return false;
}

export interface E2EServer {
  url: string;
  services: Services;
  database: Database;
  close(): Promise<void>;
}

/**
 * The real server on a random port, with the demo dealer group, serving the built web app.
 * Its database is new and migrated by this process, as on a first `npm start`: a database
 * loaded from a dump would hide whatever only goes wrong before the first restart.
 */
export async function startServer(
  webDist = path.resolve('dist/web'),
  /** A ManualClock lets a test move the server's time (reminders, deadlines); the system clock otherwise. */
  options: { clock?: Clock } = {},
): Promise<E2EServer> {
  if (!fs.existsSync(path.join(webDist, 'index.html')))
    throw new Error('dist/web is missing: run "npm run build" first');
  const config = loadConfig({ LOG_LEVEL: 'silent', CRM_WEB_DIST: webDist, CRM_ADMIN_PASSWORD: 'e2e-admin-password' });
  const database = await openPglite();
  await runMigrations(database);
  const { app, services } = await buildApp({
    config,
    database,
    logger: pino({ level: 'silent' }),
    serveWeb: true,
    clock: options.clock,
  });
  const result = await bootstrap(config, database, services);
  await result.seedDemoData?.();
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    services,
    database,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    // Without the background-networking flags Chromium keeps trying to reach Google's hosts.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export async function newPage(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
    viewport: { width: 1366, height: 860 },
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return page;
}

export async function screenshot(page: Page, name: string) {
  if (!process.env.CRM_E2E_SCREENSHOTS) return;
  fs.mkdirSync('test-results', { recursive: true });
  await page.screenshot({ path: `test-results/${name}.png`, fullPage: true });
}
