import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LOGINS } from '@server/demo/org';
import { browserAvailable, launchBrowser, newPage, screenshot, startServer, type E2EServer } from './harness';
import { logIn } from './session';

const enabled = browserAvailable();
const BANNER = 'Live-Aktualisierung unterbrochen – wird wiederhergestellt …';

describe.runIf(enabled)('live updates in a real browser', () => {
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

  it('says so while the event stream is refused with 503, and recovers by itself', async () => {
    const page = await newPage(browser, server.url);
    // A 5xx is where the browser's own EventSource retry gives up for good.
    let refused = 0;
    await page.route('**/api/events*', async (route) => {
      refused += 1;
      await route.fulfill({ status: 503, contentType: 'application/problem+json', body: '{"status":503}' });
    });
    await logIn(page, DEMO_LOGINS.sales);

    const banner = page.getByRole('status').filter({ hasText: BANNER });
    await banner.waitFor();
    await expect.poll(() => refused, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    await screenshot(page, 'live-updates-interrupted');

    await page.unroute('**/api/events*');
    await banner.waitFor({ state: 'detached', timeout: 20_000 });
  });
});
