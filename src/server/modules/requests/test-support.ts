import type { TestApp, TestClient } from '@test/support/app';

let counter = 0;

/** An API key with the intake scope; returns headers that authenticate with it. */
export async function intakeKey(
  t: TestApp,
  admin: TestClient,
): Promise<{ id: string; headers: Record<string, string> }> {
  const res = await admin.post('/api/admin/api-keys', { name: `Webformular ${++counter}`, scopes: ['intake'] });
  if (res.statusCode !== 201) throw new Error(`api key: ${res.statusCode} ${res.body}`);
  const { id, secret } = res.json() as { id: string; secret: string };
  return { id, headers: { authorization: `Bearer ${secret}` } };
}

/** A new customer nobody else in the file has: unique phone and e-mail. */
export function newCustomer(overrides: Record<string, unknown> = {}) {
  const n = ++counter;
  return {
    salutation: 'ms',
    firstName: 'Erika',
    lastName: `Kundin${n}`,
    phone: `0171 ${String(5000000 + n * 131).padStart(7, '0')}`,
    email: `erika${n}.${Date.now()}@example.test`,
    ...overrides,
  };
}

/** A callback request through the staff form. */
export function callbackRequest(locationId: string, overrides: Record<string, unknown> = {}) {
  return {
    type: 'callback',
    channel: 'phone',
    locationId,
    subject: 'Rückruf wegen Inspektion',
    message: 'Bitte zurückrufen, am liebsten vormittags.',
    customer: newCustomer(),
    ...overrides,
  };
}

export async function createRequest(client: TestClient, body: Record<string, unknown>) {
  const res = await client.post('/api/requests', body);
  if (res.statusCode !== 201) throw new Error(`create request: ${res.statusCode} ${res.body}`);
  return res.json() as {
    id: string;
    number: string;
    status: string;
    contact: { id: string };
    assignee: { id: string } | null;
    firstContactDueAt: string;
  };
}
