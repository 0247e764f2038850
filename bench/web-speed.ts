import fs from 'node:fs';
import path from 'node:path';
import { type BrowserContext, type CDPSession, chromium, type Page } from 'playwright-core';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../src/server/demo/org';
// The browser tests' server: the demo group on a database migrated in this process, serving the built app.
import { startServer } from '../test/e2e/harness';
import { formatMeasurement } from './report';
import type { Measurement } from './stats';

/**
 * The web app's own speed, as an office PC sees it: Chromium with an empty
 * cache against the real server on a fresh demo installation (the database's
 * speed is measured elsewhere with the large data set). Measures what the
 * login page transfers and how long a cold reload of a list and of a record
 * takes until the user can work with it, at full speed and with the CPU
 * slowed four times like an older office PC.
 */
const LOGIN_TARGET_KB = 300;
const RELOAD_TARGET_MS = 500;
const SAMPLES = 20;
const SLOWDOWNS = [1, 4] as const;

const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p): p is string =>
  Boolean(p && fs.existsSync(p)),
);

export async function measureWebApp(log: (line: string) => void): Promise<string[]> {
  // CRM_WEB_DIST, as for the server, compares another build with this one.
  const webDist = path.resolve(process.env.CRM_WEB_DIST ?? 'dist/web');
  if (!fs.existsSync(path.join(webDist, 'index.html'))) return ['web app: not measured (run "npm run build" first)'];
  if (!CHROMIUM) return ['web app: not measured (no Chromium; set CHROMIUM_PATH)'];

  log('web app: starting a demo installation and Chromium …');
  const server = await startServer(webDist);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
  });
  try {
    const lines: string[] = [];
    const login = await measureLoginPage(await browser.newContext(), server.url);
    const kb = login.bytes / 1024;
    lines.push(
      `${'web: login page transferred'.padEnd(28)} ${kb.toFixed(0).padStart(6)} KB in ${login.requests} requests` +
        `${' '.repeat(24)}target ≤ ${LOGIN_TARGET_KB} KB ${kb <= LOGIN_TARGET_KB ? '✓' : '✗'}   (${login.encodings})`,
    );

    const context = await browser.newContext({ baseURL: server.url, locale: 'de-DE', timezoneId: 'Europe/Berlin' });
    const page = await context.newPage();
    await logIn(page);
    const record = await page.evaluate(async () => {
      const res = await fetch('/api/contacts?limit=1');
      return ((await res.json()) as { items: { id: string; displayName: string }[] }).items[0]!;
    });
    const cdp = await context.newCDPSession(page);
    for (const rate of SLOWDOWNS) {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      const slowed = rate === 1 ? '' : `, CPU ${rate}×`;
      const note = rate === 1 ? 'customer list/record, empty cache' : `the same, CPU ${rate}× slower`;
      const target = RELOAD_TARGET_MS * (rate === 1 ? 1 : 2);
      // Usable: the list shows its rows, the record its customer's name.
      const screens: [string, string, Ready][] = [
        [`web: list${slowed}`, '/customers', { selector: 'table tbody tr', text: '' }],
        [`web: record${slowed}`, `/customers/${record.id}`, { selector: 'h2', text: record.displayName }],
      ];
      for (const [name, url, ready] of screens) {
        const m: Measurement = {
          name,
          samples: await coldReloads(page, cdp, url, ready),
          targetP95Ms: target,
          note,
        };
        lines.push(formatMeasurement(m, false));
      }
    }
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    return lines;
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Every byte the browser receives for the login page (headers included, as DevTools counts "transferred"). */
async function measureLoginPage(context: BrowserContext, url: string) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  let bytes = 0;
  let requests = 0;
  const encodings = new Map<string, number>();
  cdp.on('Network.responseReceived', (event) => {
    const encoding = Object.entries(event.response.headers).find(([k]) => k.toLowerCase() === 'content-encoding');
    const key = String(encoding?.[1] ?? 'uncompressed');
    encodings.set(key, (encodings.get(key) ?? 0) + 1);
  });
  cdp.on('Network.loadingFinished', (event) => {
    bytes += event.encodedDataLength;
    requests++;
  });
  await page.goto(`${url}/login`, { waitUntil: 'networkidle' });
  await page.getByLabel('E-Mail-Adresse').waitFor();
  await context.close();
  return { bytes, requests, encodings: [...encodings].map(([k, n]) => `${n} ${k}`).join(', ') };
}

async function logIn(page: Page) {
  await page.goto('/login');
  await page.getByLabel('E-Mail-Adresse').fill(DEMO_LOGINS.sales);
  await page.getByLabel('Passwort', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.getByRole('navigation').getByRole('link', { name: 'Kunden' }).waitFor();
}

interface Ready {
  selector: string;
  /** Text the element must contain; empty for any. */
  text: string;
}

/**
 * Milliseconds from the start of navigation until `ready` is on screen, with
 * the browser cache emptied before each load. The first load is not counted
 * (it warms the server, not the browser).
 *
 * The page watches for itself: a few lines run in each new document check once
 * per frame and note the time. Playwright's own waiting would first load its
 * helper script into the page, and at 4× slowdown that costs the measured page
 * some 30 ms that no user's browser spends.
 */
async function coldReloads(page: Page, cdp: CDPSession, url: string, ready: Ready): Promise<number[]> {
  const watcher = `window.__crmReady = new Promise((resolve) => {
    const ready = ${JSON.stringify(ready)};
    const check = () => {
      for (const element of document.querySelectorAll(ready.selector))
        if (element.textContent && element.textContent.includes(ready.text)) return resolve(performance.now());
      requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });`;
  await cdp.send('Page.enable');
  const { identifier } = await cdp.send('Page.addScriptToEvaluateOnNewDocument', { source: watcher });
  try {
    const samples: number[] = [];
    for (let i = 0; i <= SAMPLES; i++) {
      await cdp.send('Network.clearBrowserCache');
      await page.goto(url, { waitUntil: 'commit' });
      const ms = await readyTime(cdp);
      if (i > 0) samples.push(ms);
    }
    return samples;
  } finally {
    await cdp.send('Page.removeScriptToEvaluateOnNewDocument', { identifier });
  }
}

/** Waits for the page's watcher to see the screen ready, and takes the time it noted. */
async function readyTime(cdp: CDPSession): Promise<number> {
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
    expression: 'window.__crmReady',
    awaitPromise: true,
    returnByValue: true,
    timeout: 30_000,
  });
  if (typeof result.value !== 'number')
    throw new Error(`no ready time: ${exceptionDetails?.text ?? 'the watcher did not run'}`);
  return result.value;
}
