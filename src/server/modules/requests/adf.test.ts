import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '@test/support/app';
import { VehicleInput } from '@shared/vehicles/schemas';
import { fixture } from '@server/integrations/adf/test-helpers';
import { intakeKey } from './test-support';

let t: TestApp;
let manager: TestClient;
let key: { id: string; headers: Record<string, string> };

beforeAll(async () => {
  t = await createTestApp();
  manager = await t.userWithRole('manager');
  key = await intakeKey(t, await t.userWithRole('admin'));
});
afterAll(() => t.close());

const post = (body: string, contentType = 'application/xml', headers: Record<string, string> = {}) =>
  t.app.inject({
    method: 'POST',
    url: '/api/intake/adf',
    payload: body,
    headers: { ...key.headers, 'content-type': contentType, ...headers },
  });

const counts = async () =>
  (
    await t.database.query<{ requests: number; contacts: number }>(
      `SELECT (SELECT count(*)::int FROM customer_requests) AS requests, (SELECT count(*)::int FROM contacts) AS contacts`,
    )
  )[0]!;

describe('ADF lead intake', () => {
  it('takes a portal lead in as a sales lead, linking the known vehicle by its VIN', async () => {
    const vehicle = await t.services.vehicles.create(
      null,
      VehicleInput.parse({ vin: 'WVWZZZCDZMW012345', make: 'Volkswagen', model: 'Golf' }),
    );
    const res = await post(fixture('mobile-de.xml'));
    expect(res.statusCode, res.body).toBe(201);
    const { created, duplicates } = res.json();
    expect(duplicates).toEqual([]);
    expect(created).toHaveLength(1);
    const lead = (await manager.get(`/api/requests/${created[0].id}`)).json();
    expect(lead).toMatchObject({ type: 'sales_lead', channel: 'lead_portal', vehicle: { id: vehicle.id } });
    expect(lead.subject).toContain('Volkswagen Golf');
    expect(lead.message).toContain('Finanzierung gewünscht');
    expect(lead.contact.displayName).toBe('Müller, Hans');
    expect(lead.vehicleInterest).toMatchObject({ make: 'Volkswagen', model: 'Golf', vin: 'WVWZZZCDZMW012345' });
  });

  it('recognises the resend of the same lead and stores nothing new', async () => {
    const before = await counts();
    const res = await post(fixture('resend.xml'));
    expect(res.statusCode).toBe(200);
    expect(res.json().created).toEqual([]);
    expect(res.json().duplicates).toHaveLength(1);
    expect(await counts()).toEqual(before);
  });

  it('reads the lead out of an e-mail', async () => {
    const res = await post(fixture('email-multipart-quoted-printable.eml'), 'message/rfc822');
    expect(res.statusCode, res.body).toBeLessThan(300);
    expect(res.json().created.length + res.json().duplicates.length).toBeGreaterThan(0);
  });

  it('takes every prospect of a document in', async () => {
    const res = await post(fixture('two-prospects.xml'));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().created).toHaveLength(2);
  });

  it('refuses malformed XML naming the problem, and stores nothing', async () => {
    const before = await counts();
    const res = await post(fixture('malformed-unclosed.xml'));
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const errors = res.json().errors as Array<{ field: string; message: string; code: string }>;
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]!.message.length).toBeGreaterThan(5);
    expect(errors[0]!.code).toBe('malformed_xml');
    expect(await counts()).toEqual(before);
  });

  it('refuses a document without a usable contact, naming where', async () => {
    const before = await counts();
    const res = await post(fixture('no-contact.xml'), 'text/xml');
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(res.json().errors[0].field).toMatch(/prospect\[0\]/);
    // A code from the shared list beside the English words: the customer is missing.
    expect(res.json().errors[0].code).toBe('missing');
    expect(await counts()).toEqual(before);
  });

  it('answers a retried upload with the same Idempotency-Key the same way', async () => {
    const body = fixture('vin-in-comments.xml');
    const first = await post(body, 'application/xml', { 'idempotency-key': 'adf-1' });
    const again = await post(body, 'application/xml', { 'idempotency-key': 'adf-1' });
    expect(again.statusCode).toBe(first.statusCode);
    expect(again.json()).toEqual(first.json());
  });
});
