import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContact, createVehicle } from '@server/modules/vehicles/test-factories';
import { createTestApp, type TestApp, type TestClient } from '../support/app';

/**
 * Syntactically odd but plausible input — an empty patch, a cursor made up
 * or damaged, a multipart body without its boundary or cut off — is a 400
 * naming the field, never a 500.
 */
let t: TestApp;
let admin: TestClient;
let contactId: string;
let vehicleId: string;
let requestId: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.userWithRole('admin');
  contactId = (await createContact(t, admin, 'Krause', 'Ines')).id;
  vehicleId = (await createVehicle(admin)).id;
  const created = await admin.post('/api/requests', {
    type: 'callback',
    channel: 'phone',
    locationId: t.location.id,
    contactId,
    subject: 'Rückruf wegen Inspektion',
  });
  expect(created.statusCode, created.body).toBe(201);
  requestId = created.json().id;
});
afterAll(() => t.close());

function expectFieldError(response: { statusCode: number; body: string }, field: string) {
  expect(response.statusCode, response.body).toBe(400);
  const body = JSON.parse(response.body) as { errors: Array<{ field: string }> };
  expect(body.errors.map((e) => e.field)).toContain(field);
}

const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const UUID = '3f1d2c4b-5a69-4e7f-8a9b-0c1d2e3f4a5b';
const NOT_A_UUID = '------------------------------------';
const TIME = '2026-03-02T08:00:00.000Z';

describe('an extension patched with nothing', () => {
  it('is a 400 naming the body, and the extension stays as it was', async () => {
    const sales = await t.userWithRole('sales');
    const connection = await admin.post('/api/telephony/connections', {
      provider: 'webhook',
      name: 'Anlage Ulm',
      enabled: true,
      locationId: t.location.id,
      settings: {},
    });
    expect(connection.statusCode, connection.body).toBe(201);
    const extension = await admin.post('/api/telephony/extensions', {
      connectionId: connection.json().id,
      extension: '31',
      userId: sales.userId,
    });
    expect(extension.statusCode, extension.body).toBe(201);
    const id = extension.json().id as string;

    expectFieldError(await admin.patch(`/api/telephony/extensions/${id}`, {}), 'body');
    const after = await admin.get(`/api/telephony/extensions`);
    expect(after.json().items ?? after.json()).toContainEqual(expect.objectContaining({ id, extension: '31' }));
  });
});

describe('a made-up or damaged list cursor', () => {
  const pairs = [
    ['not a date', UUID],
    ['1', UUID],
    ['2026-02-30T00:00:00Z', UUID],
    ['2026-13-01T00:00:00Z', UUID],
    [TIME, NOT_A_UUID],
    [TIME, 'a\u0000b'],
  ];
  const lists = () => [
    { url: '/api/calls', cursors: pairs },
    { url: '/api/notifications', cursors: pairs },
    {
      url: `/api/contacts/${contactId}/timeline`,
      cursors: [
        ['not a date', 1],
        ['1', 1],
        [TIME, 1.5],
      ],
    },
    { url: `/api/vehicles/${vehicleId}/timeline`, cursors: [['2026-02-30T00:00:00Z', 1]] },
    { url: '/api/contacts?sort=updatedAt', cursors: pairs },
    {
      url: '/api/contacts?sort=name',
      cursors: [
        ['Krause, Ines', NOT_A_UUID],
        ['Krause\u0000', UUID],
      ],
    },
    {
      url: '/api/requests?scope=all',
      cursors: [
        ['x', TIME, UUID],
        [null, 'x', UUID],
        [TIME, TIME, NOT_A_UUID],
        [TIME, '2026-02-30T00:00:00Z', UUID],
      ],
    },
    {
      url: '/api/vehicles?sort=updatedAt',
      cursors: [{ s: 'updatedAt', d: 'asc', n: false, k: ['yesterday'], i: UUID }],
    },
    {
      url: '/api/vehicles?sort=firstRegistration',
      cursors: [
        { s: 'firstRegistration', d: 'asc', n: false, k: ['2021-02-30'], i: UUID },
        { s: 'firstRegistration', d: 'asc', n: true, k: [], i: NOT_A_UUID },
      ],
    },
    { url: '/api/vehicles?sort=make', cursors: [{ s: 'make', d: 'asc', n: false, k: ['VW', 'Golf\u0000'], i: UUID }] },
  ];

  it('is a 400 on cursor for every keyset-paged list', async () => {
    let checked = 0;
    for (const { url, cursors } of lists()) {
      for (const value of cursors) {
        const separator = url.includes('?') ? '&' : '?';
        const response = await admin.get(`${url}${separator}cursor=${cursor(value)}`);
        expect(response.statusCode, `${url} with ${JSON.stringify(value)}: ${response.body}`).toBe(400);
        expectFieldError(response, 'cursor');
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(30);
  });
});

describe('a multipart upload that is not one', () => {
  const file = (boundary: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="target"\r\n\r\ncontacts\r\n` +
    `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="notiz.txt"\r\n` +
    `Content-Type: text/plain\r\n\r\nBitte zurückrufen.\r\n--${boundary}--\r\n`;
  const bodies: Record<string, [string, string]> = {
    'without a boundary': ['multipart/form-data', file('XyZ')],
    'with an empty boundary': ['multipart/form-data; boundary=', file('XyZ')],
    'with another boundary than announced': ['multipart/form-data; boundary=abc', file('XyZ')],
    'cut off inside a file': ['multipart/form-data; boundary=XyZ', file('XyZ').slice(0, 150)],
    'cut off inside a part header': ['multipart/form-data; boundary=XyZ', file('XyZ').slice(0, 30)],
    'of garbage': ['multipart/form-data; boundary=XyZ', 'garbage, not a form'],
  };

  it.each(Object.entries(bodies))('is a 400 naming the files of an attachment upload %s', async (_what, body) => {
    const [contentType, payload] = body;
    const response = await admin.request({
      method: 'POST',
      url: `/api/requests/${requestId}/attachments`,
      headers: { 'content-type': contentType },
      payload,
    });
    expectFieldError(response, 'files');
    expect((await admin.get(`/api/requests/${requestId}/attachments`)).json()).toEqual([]);
  });

  it.each(Object.entries(bodies))('is a 400 naming the file of an import upload %s', async (_what, body) => {
    const [contentType, payload] = body;
    const response = await admin.request({
      method: 'POST',
      url: '/api/imports',
      headers: { 'content-type': contentType },
      payload,
    });
    expectFieldError(response, 'file');
  });
});
