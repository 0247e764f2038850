import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '@test/support/app';
import { intakeKey } from './test-support';

let t: TestApp;
let manager: TestClient;
let key: { id: string; headers: Record<string, string> };
let sequence = 0;

beforeAll(async () => {
  t = await createTestApp();
  manager = await t.userWithRole('manager');
  key = await intakeKey(t, await t.userWithRole('admin'));
});
afterAll(() => t.close());

const counts = async () =>
  (
    await t.database.query<{ requests: number; contacts: number }>(
      `SELECT (SELECT count(*)::int FROM customer_requests) AS requests, (SELECT count(*)::int FROM contacts) AS contacts`,
    )
  )[0]!;

const postAdf = (xml: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/intake/adf',
    headers: { ...key.headers, 'content-type': 'application/xml' },
    payload: xml,
  });

const postJson = (body: object) =>
  t.app.inject({
    method: 'POST',
    url: '/api/intake/requests',
    headers: { ...key.headers, 'idempotency-key': `dup-${++sequence}` },
    payload: body,
  });

/** A portal lead; `id` adds the prospect id the portal gives it. */
function adfLead(n: number, options: { id?: string; comment?: string } = {}) {
  return `<?xml version="1.0"?><adf><prospect>
    ${options.id ? `<id sequence="1" source="portal.example">${options.id}</id>` : ''}
    <vehicle interest="buy"><make>VW</make><model>Tiguan</model></vehicle>
    <customer><contact><name part="first">Ida</name><name part="last">Doppel${n}</name>
      <email>ida${n}@example.de</email><phone>0171 77${n}0001</phone></contact>
      <comments>${options.comment ?? 'Ist der Tiguan noch da?'}</comments></customer>
    <vendor><vendorname>Autohaus</vendorname></vendor>
    <provider><name>portal.example</name></provider></prospect></adf>`;
}

const jsonLead = (n: number, message = 'Bitte um ein Angebot für den Tiguan.') => ({
  type: 'sales_lead',
  locationCode: t.location.code,
  source: 'Website',
  message,
  customer: { firstName: 'Ole', lastName: `Zweimal${n}`, phone: `0171 78${n}0001`, email: `ole${n}@example.de` },
  vehicle: { make: 'VW', model: 'Tiguan' },
});

describe('ADF resends', () => {
  it('answers a resend that carries only the prospect id with the original request, and creates nothing', async () => {
    const n = ++sequence;
    const first = await postAdf(adfLead(n, { id: `R-${n}` }));
    expect(first.statusCode, first.body).toBe(201);
    const before = await counts();

    const resend = await postAdf(
      `<adf><prospect status="resend"><id sequence="1" source="portal.example">R-${n}</id></prospect></adf>`,
    );
    expect(resend.statusCode, resend.body).toBe(200);
    expect(resend.json()).toMatchObject({ created: [], duplicates: [{ id: first.json().created[0].id }] });
    expect(await counts()).toEqual(before);
  });

  it('refuses an id-only resend of a lead it never saw, naming the prospect', async () => {
    const before = await counts();
    const res = await postAdf(
      `<adf><prospect status="resend"><id sequence="1" source="portal.example">R-unknown</id></prospect></adf>`,
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].field).toMatch(/^prospect\[0\]/);
    expect(await counts()).toEqual(before);
  });
});

describe('the same lead delivered twice without an id', () => {
  it('answers a second identical ADF document with the first request, marked as a duplicate delivery', async () => {
    const n = ++sequence;
    const first = await postAdf(adfLead(n));
    expect(first.statusCode, first.body).toBe(201);
    const before = await counts();
    t.clock.advance(10 * 60_000);

    const again = await postAdf(adfLead(n));
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ created: [], duplicates: [{ id: first.json().created[0].id }] });
    expect(await counts()).toEqual(before);
    const events = (await manager.get(`/api/requests/${first.json().created[0].id}/events`)).json();
    expect(events.map((e: { kind: string }) => e.kind)).toContain('duplicate_received');
  });

  it('answers the same JSON lead under a new Idempotency-Key with the first request', async () => {
    const n = ++sequence;
    const first = await postJson(jsonLead(n));
    expect(first.statusCode, first.body).toBe(201);
    const before = await counts();

    const again = await postJson(jsonLead(n));
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toEqual({ request: first.json().request, duplicate: true, warnings: [] });
    expect(await counts()).toEqual(before);
  });

  it('takes a different message from the same person as a new request', async () => {
    const n = ++sequence;
    const first = await postJson(jsonLead(n));
    const second = await postJson(jsonLead(n, 'Und was kostet die Inspektion für meinen Golf?'));
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json().request.id).not.toBe(first.json().request.id);

    const otherAdf = await postAdf(adfLead(n, { comment: 'Gibt es den Tiguan auch in Grau?' }));
    const adfAgain = await postAdf(adfLead(n, { comment: 'Und in Blau?' }));
    expect([otherAdf.statusCode, adfAgain.statusCode]).toEqual([201, 201]);
  });

  it('takes the same lead in again once a day has passed', async () => {
    const n = ++sequence;
    const first = await postJson(jsonLead(n));
    expect(first.statusCode).toBe(201);
    t.clock.advance(25 * 3600_000);
    const later = await postJson(jsonLead(n));
    expect(later.statusCode, later.body).toBe(201);
    expect(later.json().request.id).not.toBe(first.json().request.id);
  });
});
