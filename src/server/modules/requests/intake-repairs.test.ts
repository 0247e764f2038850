import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '@test/support/app';
import { intakeKey, newCustomer } from './test-support';

/*
 * A lead portal's lead is never lost for text the database cannot store or for a field that is
 * too long: machine intake takes it in mended — NULs removed, broken Unicode replaced by U+FFFD,
 * JSON cut at a sane depth, text cut to its field's maximum, impossible dates left out — and
 * says what it changed, in the answer and on the request. Each of these used to be a 500 on
 * every retry.
 */

let t: TestApp;
let manager: TestClient;
let key: { id: string; headers: Record<string, string> };

beforeAll(async () => {
  t = await createTestApp();
  manager = await t.userWithRole('manager');
  key = await intakeKey(t, await t.userWithRole('admin'));
});
afterAll(() => t.close());

/** Random lower-case letters: no compression, no repetition to help the index along. */
function randomWord(length: number): string {
  return Array.from({ length }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
}

type Repair = { code: string; path: string; limit?: number };
type Created = { id: string; contact: { id: string }; message: string | null; callbackFrom: string | null };

let keys = 0;
const postJson = (payload: string | object, idempotencyKey = `repair-${++keys}`) =>
  t.app.inject({
    method: 'POST',
    url: '/api/intake/requests',
    payload,
    headers: { ...key.headers, 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
  });

const lead = (overrides: Record<string, unknown> = {}) => ({
  type: 'sales_lead',
  locationCode: t.location.code,
  message: 'Ich interessiere mich für den Golf.',
  customer: newCustomer(),
  ...overrides,
});

async function storedRequest(id: string) {
  const request = (await manager.get(`/api/requests/${id}`)).json() as Created & Record<string, unknown>;
  const events = (await manager.get(`/api/requests/${id}/events`)).json() as Array<{
    kind: string;
    data: { repairs?: Repair[] } | null;
  }>;
  const created = events.find((e) => e.kind === 'created');
  return { request, repairs: created?.data?.repairs ?? [] };
}

const searchIds = async (q: string) =>
  ((await manager.get(`/api/search?q=${encodeURIComponent(q)}`)).json().results as Array<{ id: string }>).map(
    (r) => r.id,
  );

describe('JSON intake of text the database cannot store', () => {
  it('takes the lead in without NULs and broken Unicode, and names each field it changed', async () => {
    const body = lead({
      message: 'Bitte um Rückruf\u0000 wegen Probefahrt',
      customer: newCustomer({ lastName: 'Mül\u0000ler' }),
      vehicleInterest: { make: 'VW', color: 'Blau \ud800' },
    });
    const res = await postJson(body, 'repair-nul');
    expect(res.statusCode, res.body).toBe(201);
    const warnings = res.json().warnings as Repair[];
    expect(warnings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'nul_removed', path: 'message' }),
        expect.objectContaining({ code: 'nul_removed', path: 'customer.lastName' }),
        expect.objectContaining({ code: 'surrogate_replaced', path: 'vehicleInterest.color' }),
      ]),
    );

    const { request, repairs } = await storedRequest(res.json().request.id);
    expect(request.message).toBe('Bitte um Rückruf wegen Probefahrt');
    expect(request.vehicleInterest).toEqual({ make: 'VW', color: 'Blau \ufffd' });
    expect(request.contact).toMatchObject({ displayName: expect.stringContaining('Müller') });
    expect(repairs.map((r) => r.path).sort()).toEqual(warnings.map((w) => w.path).sort());

    const again = await postJson(body, 'repair-nul');
    expect(again.json()).toEqual(res.json());
  });

  it('keeps the first levels of a vehicle interest nested thousands deep, and says where it was cut', async () => {
    const levels = 5_000;
    const payload = JSON.stringify(lead({ vehicleInterest: { make: 'VW', options: '__deep__' } })).replace(
      '"__deep__"',
      '{"a":'.repeat(levels) + '1' + '}'.repeat(levels),
    );
    const res = await postJson(payload);
    expect(res.statusCode, res.body).toBe(201);
    const [cut] = (res.json().warnings as Repair[]).filter((w) => w.code === 'nesting_cut');
    expect(cut!.path).toMatch(/^vehicleInterest\.options(\.a)+$/);
    const { request } = await storedRequest(res.json().request.id);
    expect(request.vehicleInterest).toMatchObject({ make: 'VW', options: { a: { a: { a: {} } } } });
  });

  it('leaves a callback window in year 0000 out and keeps the lead', async () => {
    const res = await postJson(lead({ callbackFrom: '0000-01-01T08:00:00Z', callbackTo: '2026-03-04T17:00:00+01:00' }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().warnings).toContainEqual(expect.objectContaining({ code: 'date_dropped', path: 'callbackFrom' }));
    const { request } = await storedRequest(res.json().request.id);
    expect(request.callbackFrom).toBeNull();
    expect(request.callbackTo).toBe('2026-03-04T16:00:00.000Z');
  });
});

describe('JSON intake of text longer than its field', () => {
  it('cuts a 5,000-letter random last name to 80 letters, says so, and the customer is found by it', async () => {
    const word = randomWord(5_000);
    const res = await postJson(lead({ customer: newCustomer({ firstName: 'Quirin', lastName: word }) }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().warnings).toContainEqual({
      code: 'truncated',
      path: 'customer.lastName',
      limit: 80,
      message: expect.any(String),
    });
    const { request, repairs } = await storedRequest(res.json().request.id);
    const contact = (await manager.get(`/api/contacts/${request.contact.id}`)).json();
    expect(contact.lastName).toBe(word.slice(0, 80));
    expect(repairs).toContainEqual(expect.objectContaining({ code: 'truncated', path: 'customer.lastName' }));
    expect(await searchIds(`${word.slice(0, 10)} Quirin`)).toContain(request.contact.id);
  });

  it('leaves out an e-mail address too long to be one, keeping the lead by its phone number', async () => {
    const res = await postJson(lead({ customer: newCustomer({ email: `${randomWord(300)}@example.de` }) }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().warnings).toContainEqual(
      expect.objectContaining({ code: 'value_dropped', path: 'customer.email' }),
    );
  });
});

describe('ADF intake of text the database cannot store or too long for its field', () => {
  const adf = (lastName: string, extra = '') =>
    `<?xml version="1.0"?><adf><prospect><id source="portal-test">${randomWord(12)}</id>` +
    `<requestdate>2026-03-02T10:15:00+01:00</requestdate><vehicle><make>VW</make><model>Golf</model></vehicle>` +
    `<customer><contact><name part="first">Quirin</name><name part="last">${lastName}</name>` +
    `<email>${randomWord(8)}@example.de</email></contact>${extra}</customer>` +
    `<vendor><vendorname>Autohaus</vendorname></vendor></prospect></adf>`;
  const postAdf = (xml: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/intake/adf?locationCode=${t.location.code}`,
      payload: xml,
      headers: { ...key.headers, 'content-type': 'application/xml' },
    });

  it('cuts a 5,000-letter random last name to 80 letters, says so, and the customer is found by it', async () => {
    const word = randomWord(5_000);
    const res = await postAdf(adf(word));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().warnings).toContainEqual(
      expect.objectContaining({ code: 'truncated', path: 'prospect[0].customer.lastName', limit: 80 }),
    );
    const { request, repairs } = await storedRequest(res.json().created[0].id);
    const contact = (await manager.get(`/api/contacts/${request.contact.id}`)).json();
    expect(contact.lastName).toBe(word.slice(0, 80));
    expect(repairs).toContainEqual(expect.objectContaining({ path: 'prospect[0].customer.lastName' }));
    expect(await searchIds(`${word.slice(0, 10)} Quirin`)).toContain(request.contact.id);
  });

  it('takes a lead with a NUL in the name and broken Unicode in the comments in, mended, and says so', async () => {
    const res = await postAdf(adf('Mül\u0000ler', '<comments>Probefahrt &#xD800;am Samstag</comments>'));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().warnings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'nul_removed', path: 'prospect[0].customer.lastName' }),
        expect.objectContaining({ code: 'surrogate_replaced', path: 'prospect[0].customer.comments' }),
      ]),
    );
    const { request } = await storedRequest(res.json().created[0].id);
    expect(request.message).toBe('Probefahrt \ufffdam Samstag');
    expect(request.contact).toMatchObject({ displayName: expect.stringContaining('Müller') });
  });

  it('takes a mailed lead with a 5,000-letter last name in, cut like any other', async () => {
    const word = randomWord(5_000);
    const mail = [
      'From: leads@portal.example',
      'To: crm@autohaus.example',
      'Subject: Neue Anfrage',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      '',
      adf(word),
      '',
    ].join('\r\n');
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/intake/adf?locationCode=${t.location.code}`,
      payload: mail,
      headers: { ...key.headers, 'content-type': 'message/rfc822' },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().warnings).toContainEqual(
      expect.objectContaining({ code: 'truncated', path: 'prospect[0].customer.lastName', limit: 80 }),
    );
  });

  it('leaves a wished date in year 9999 out and keeps the lead', async () => {
    const res = await postAdf(
      adf(
        'Wunsch',
        '<timeframe><earliestdate>2026-03-10</earliestdate><latestdate>9999-12-31</latestdate></timeframe>',
      ),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().warnings).toContainEqual(
      expect.objectContaining({ code: 'date_dropped', path: 'prospect[0].customer.timeframe.latest' }),
    );
    const { request } = await storedRequest(res.json().created[0].id);
    expect(request.callbackFrom).toBe('2026-03-09T23:00:00.000Z');
  });
});
