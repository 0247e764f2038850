import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '@server/demo/org';

export type Api = <T>(method: string, path: string, body?: unknown) => Promise<T>;

/** A logged-in API client for test set-up, over real HTTP like the browser. */
export async function apiAs(base: string, email: string, password: string): Promise<Api> {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
}

/** Logs a demo user in through the login form and waits for the app shell. */
export async function logIn(page: Page, email: string) {
  await page.goto('/');
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Passwort', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.getByRole('navigation').getByRole('link', { name: 'Kunden' }).waitFor();
}
