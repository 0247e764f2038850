import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '@test/support/app';
import { windows1252 } from '../imports/test-support';
import { intakeKey } from './test-support';

let t: TestApp;
let manager: TestClient;
let key: { id: string; headers: Record<string, string> };
let leads = 0;

beforeAll(async () => {
  t = await createTestApp();
  manager = await t.userWithRole('manager');
  key = await intakeKey(t, await t.userWithRole('admin'));
});
afterAll(() => t.close());

/** An ADF lead from Jürgen Müller with umlauts, quotes and a euro sign in his words. */
const adf = (declaration: string) => {
  const n = ++leads;
  return `${declaration}<adf><prospect><id source="portal">enc-${n}</id>
<vehicle interest="buy"><make>Škoda</make><model>Octavia</model></vehicle>
<customer><contact><name part="first">Jürgen</name><name part="last">Müller${n}</name>
<email>juergen${n}@example.de</email><phone>0171 44455${String(n).padStart(2, '0')}</phone></contact>
<comments>Grüße aus Köln – Anzahlung 5.000 € „sofort“ möglich.</comments></customer>
<vendor><vendorname>Autohaus</vendorname></vendor></prospect></adf>`;
};

const post = (body: Buffer, contentType: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/intake/adf',
    payload: body,
    headers: { ...key.headers, 'content-type': contentType },
  });

async function takenIn(body: Buffer, contentType: string) {
  const res = await post(body, contentType);
  expect(res.statusCode, res.body).toBe(201);
  return (await manager.get(`/api/requests/${res.json().created[0].id}`)).json();
}

describe('ADF in the encoding it declares', () => {
  it('reads ISO-8859-1 declared in the XML declaration', async () => {
    const request = await takenIn(
      windows1252(adf('<?xml version="1.0" encoding="ISO-8859-1"?>').replace('Škoda', 'Skoda')),
      'application/xml',
    );
    expect(request.contact.displayName).toBe(`Müller${leads}, Jürgen`);
    expect(request.message).toBe('Grüße aus Köln – Anzahlung 5.000 € „sofort“ möglich.');
  });

  it('reads windows-1252 named in the Content-Type charset', async () => {
    const request = await takenIn(windows1252(adf('').replace('Škoda', 'Skoda')), 'text/xml; charset=windows-1252');
    expect(request.contact.displayName).toBe(`Müller${leads}, Jürgen`);
    expect(request.message).toContain('5.000 € „sofort“');
  });

  it('still reads UTF-8, declared or not', async () => {
    const request = await takenIn(Buffer.from(adf('<?xml version="1.0" encoding="UTF-8"?>')), 'application/xml');
    expect(request.contact.displayName).toBe(`Müller${leads}, Jürgen`);
    expect(request.vehicleInterest).toMatchObject({ make: 'Škoda' });
  });

  it('reads a whole e-mail whose 8-bit body is ISO-8859-1', async () => {
    const mail = [
      'From: leads@portal.example',
      'To: verkauf@autohaus.example',
      'Subject: Neue Anfrage',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=ISO-8859-1',
      'Content-Transfer-Encoding: 8bit',
      '',
      'Guten Tag,',
      adf('').replace('Škoda', 'Skoda'),
      'Mit freundlichen Grüßen',
      '',
    ].join('\r\n');
    const request = await takenIn(windows1252(mail), 'message/rfc822');
    expect(request.contact.displayName).toBe(`Müller${leads}, Jürgen`);
    expect(request.message).toBe('Grüße aus Köln – Anzahlung 5.000 € „sofort“ möglich.');
  });
});
