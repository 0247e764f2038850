import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '@test/support/app';
import { multipart } from '@server/modules/imports/test-support';
import { pdfText } from './pdf-text';

type User = TestClient & { userId: string; email: string };
let t: TestApp;
let admin: User;
let manager: User;

/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

const LETTERHEAD = {
  companyName: 'Autohaus Weiß GmbH & Co. KG',
  street: 'Leopoldstraße 44',
  postalCode: '80802',
  city: 'München',
  phone: '+49 89 1234560',
  email: 'info@weiss.example',
  web: 'www.weiss.example',
  registerCourt: 'Amtsgericht München',
  registerNumber: 'HRA 98765',
  vatId: 'DE 987 654 321',
  managingDirectors: 'Dr. Anna Weiß',
  bankName: 'HypoVereinsbank',
  iban: 'DE89370400440532013000',
  bic: 'HYVEDEMMXXX',
};

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.userWithRole('admin');
  manager = await t.userWithRole('manager');
});
afterAll(() => t.close());

const url = () => `/api/letterheads/${t.location.id}`;

describe('a location without a letterhead', () => {
  it("shows the location's name and address as what documents print, and previews with them", async () => {
    const res = await manager.get(url());
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      configured: false,
      companyName: 'Autohaus Test Stuttgart',
      street: 'Heilbronner Straße 100',
      city: 'Stuttgart',
      vatId: null,
      hasLogo: false,
    });
    const preview = await manager.post(`${url()}/preview`);
    expect(preview.statusCode).toBe(200);
    expect(preview.headers['content-type']).toBe('application/pdf');
    const { text } = await pdfText(preview.rawPayload);
    expect(text).toContain('Autohaus Test Stuttgart');
    expect(text).toContain('Heilbronner Straße 100');
  });
});

describe('setting a letterhead', () => {
  it('is for admins only: a manager reads but gets 403 on change', async () => {
    expect((await manager.put(url(), LETTERHEAD)).statusCode).toBe(403);
    const sales = await t.userWithRole('sales');
    expect((await sales.get(url())).statusCode).toBe(403);
  });

  it('refuses an IBAN with wrong check digits, naming the field', async () => {
    const res = await admin.put(url(), { ...LETTERHEAD, iban: 'DE88370400440532013000' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ field: 'iban', code: 'invalid_iban' })]);
  });

  it('refuses a VAT id that is not DE and nine digits, and a malformed BIC', async () => {
    const res = await admin.put(url(), { ...LETTERHEAD, vatId: 'DE12345678', bic: 'HYVE' });
    expect(res.statusCode).toBe(400);
    const fields = res.json().errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`);
    expect(fields.sort()).toEqual(['bic:invalid_bic', 'vatId:invalid_vat_id']);
  });

  it('stores it with the IBAN and VAT id written without spaces, and prints it on the preview', async () => {
    const res = await admin.put(url(), LETTERHEAD);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ configured: true, vatId: 'DE987654321', iban: 'DE89370400440532013000' });
    expect((await manager.get(url())).json().companyName).toBe('Autohaus Weiß GmbH & Co. KG');
    const { text } = await pdfText((await admin.post(`${url()}/preview`)).rawPayload);
    expect(text).toContain('Autohaus Weiß GmbH & Co. KG');
    expect(text).toContain('HRA 98765');
    expect(text).toContain('USt-IdNr.: DE987654321');
    expect(text).toContain('DE89 3704 0044 0532 0130 00');
    expect(text).toContain('Dr. Anna Weiß');
    expect(text).toContain('36.080,00 €');
  });
});

describe('the logo', () => {
  const send = (client: TestClient, file: { name: string; content: Buffer; type: string }) => {
    const { payload, headers } = multipart({}, file);
    return client.request({ method: 'PUT', url: `${url()}/logo`, payload, headers });
  };

  it('takes a PNG, serves it back and prints it; removing it leaves the letterhead', async () => {
    const res = await send(admin, { name: 'logo.png', content: PNG, type: 'image/png' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().hasLogo).toBe(true);
    const logo = await manager.get(`${url()}/logo`);
    expect(logo.statusCode).toBe(200);
    expect(logo.headers['content-type']).toBe('image/png');
    expect(logo.rawPayload.equals(PNG)).toBe(true);
    const preview = await admin.post(`${url()}/preview`);
    expect(preview.rawPayload.includes(Buffer.from('/Subtype /Image'))).toBe(true);
    const removed = await admin.delete(`${url()}/logo`);
    expect(removed.json()).toMatchObject({ hasLogo: false, configured: true });
    expect((await manager.get(`${url()}/logo`)).statusCode).toBe(404);
  });

  it('refuses a file that only claims to be a PNG, and anything but PNG or JPEG', async () => {
    const fake = await send(admin, {
      name: 'logo.png',
      content: Buffer.from('<svg onload=alert(1)>'),
      type: 'image/png',
    });
    expect(fake.statusCode).toBe(400);
    expect(fake.json().errors[0]).toMatchObject({ field: 'logo', code: 'file_content_mismatch' });
    const gif = await send(admin, { name: 'logo.gif', content: Buffer.from('GIF89a'), type: 'image/gif' });
    expect(gif.statusCode).toBe(400);
    expect(gif.json().errors[0]).toMatchObject({ field: 'logo', code: 'file_type_not_accepted' });
  });

  it('is for admins only', async () => {
    expect((await send(manager, { name: 'logo.png', content: PNG, type: 'image/png' })).statusCode).toBe(403);
  });
});
