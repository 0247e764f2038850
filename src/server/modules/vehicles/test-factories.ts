import type { TestApp, TestClient } from '@test/support/app';

let sequence = 0;

/** A valid, unique VIN (ISO 3779 characters only). */
export function uniqueVin(): string {
  sequence += 1;
  return `WVWZZZ1KZ${String(sequence + Math.floor(Math.random() * 1e6) * 100)
    .padStart(8, '0')
    .slice(-8)}`;
}

export interface ContactRef {
  id: string;
  displayName: string;
  customerNumber: string;
}

/** A person created through the contacts API, as a clerk would. */
export async function createContact(
  t: TestApp,
  client: TestClient,
  lastName: string,
  firstName = 'Test',
): Promise<ContactRef> {
  const res = await client.post('/api/contacts', {
    firstName,
    lastName,
    homeLocationId: t.location.id,
    ignoreDuplicates: true,
  });
  if (res.statusCode !== 201) throw new Error(`creating contact ${lastName} failed: ${res.statusCode} ${res.body}`);
  const { id, displayName, customerNumber } = res.json();
  return { id, displayName, customerNumber };
}

export const vehicleInput = (overrides: Record<string, unknown> = {}) => ({
  vin: uniqueVin(),
  make: 'VW',
  model: 'Golf',
  fuel: 'petrol',
  firstRegistration: '2021-04-15',
  ...overrides,
});

export async function createVehicle(client: TestClient, overrides: Record<string, unknown> = {}) {
  const res = await client.post('/api/vehicles', vehicleInput(overrides));
  if (res.statusCode !== 201) throw new Error(`creating vehicle failed: ${res.statusCode} ${res.body}`);
  return res.json();
}
