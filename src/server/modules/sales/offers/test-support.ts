import { expect } from 'vitest';
import type { TestApp, TestClient } from '@test/support/app';
import { opportunities } from '../tables';

let sequence = 0;

/** An open opportunity written straight to the table: what the opportunity flow would have made. */
export async function insertOpportunity(
  t: TestApp,
  values: { contactId: string; ownerId: string; locationId?: string; status?: 'open' | 'won' | 'lost' },
) {
  sequence += 1;
  const [row] = await t.database.db
    .insert(opportunities)
    .values({
      number: `V-${String(900_000 + sequence)}-${Math.random().toString(36).slice(2, 6)}`,
      contactId: values.contactId,
      ownerId: values.ownerId,
      locationId: values.locationId ?? t.location.id,
      status: values.status ?? 'open',
      stage: values.status === 'won' ? 'delivered' : 'contacted',
    })
    .returning();
  return row!;
}

/** The content of a plain offer: a car at a list price, nothing else. */
export const offerContent = (overrides: Record<string, unknown> = {}) => ({
  vehicle: { make: 'Hyundai', model: 'Tucson', variant: '1.6 T-GDI Prime', listPriceCents: 3_599_000 },
  lines: [],
  discountCents: 0,
  ...overrides,
});

/** The smallest file that is a real PDF by its signature. */
export const tinyPdf = () =>
  Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  );

let customers = 0;

/**
 * A customer created through the API by `client`, with the e-mail address given and that consent to
 * marketing e-mail ('withdrawn' grants it first, then withdraws it; null records none).
 */
export async function customerWithEmail(
  t: TestApp,
  client: TestClient,
  email: string | null,
  consent: 'granted' | 'withdrawn' | null = 'granted',
) {
  const res = await client.post('/api/contacts', {
    salutation: 'ms',
    firstName: 'Sabine',
    lastName: `Krüger${++customers}`,
    homeLocationId: t.location.id,
    emails: email ? [{ address: email, isPrimary: true }] : [],
    ignoreDuplicates: true,
  });
  expect(res.statusCode).toBe(201);
  const id = res.json().id as string;
  for (const status of consent === 'withdrawn' ? (['granted', 'withdrawn'] as const) : consent ? [consent] : []) {
    const c = await client.post(`/api/contacts/${id}/consents`, {
      channel: 'email',
      purpose: 'marketing',
      status,
      source: 'signed_form',
    });
    expect(c.statusCode).toBeLessThan(300);
    // The later statement counts: give each its own moment.
    t.clock.advance(1000);
  }
  return id;
}
