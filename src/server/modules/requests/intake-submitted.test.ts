import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '@test/support/app';
import { intakeKey } from './test-support';

let t: TestApp;
let manager: TestClient;
let reception: TestClient;
let key: { id: string; headers: Record<string, string> };
let sequence = 0;

beforeAll(async () => {
  t = await createTestApp();
  manager = await t.userWithRole('manager');
  reception = await t.userWithRole('reception');
  key = await intakeKey(t, await t.userWithRole('admin'));
});
afterAll(() => t.close());

interface Person {
  firstName?: string;
  lastName: string;
  phones?: string[];
  emails?: string[];
}

async function existing(person: Person) {
  const res = await reception.post('/api/contacts', {
    firstName: person.firstName,
    lastName: person.lastName,
    homeLocationId: t.location.id,
    phones: (person.phones ?? []).map((number) => ({ kind: 'mobile', number })),
    emails: (person.emails ?? []).map((address) => ({ address })),
    ignoreDuplicates: true,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; displayName: string; customerNumber: string };
}

const contact = async (id: string) => (await manager.get(`/api/contacts/${id}`)).json();
const timeline = async (id: string) =>
  ((await manager.get(`/api/contacts/${id}/timeline`)).json() as { items: Array<{ summary: string }> }).items.map(
    (e) => e.summary,
  );

async function jsonLead(customer: Record<string, unknown>) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/intake/requests',
    headers: { ...key.headers, 'idempotency-key': `submitted-${++sequence}` },
    payload: { type: 'sales_lead', locationCode: t.location.code, message: `Anfrage ${sequence}`, customer },
  });
  expect(res.statusCode, res.body).toBe(201);
  return (await manager.get(`/api/requests/${res.json().request.id}`)).json();
}

async function adfLead(contactXml: string) {
  const xml = `<?xml version="1.0" encoding="UTF-8"?><adf><prospect><id source="portal">sub-${++sequence}</id>
    <vehicle interest="buy"><make>VW</make><model>Golf</model></vehicle>
    <customer><contact>${contactXml}</contact><comments>Anfrage ${sequence}</comments></customer>
    <vendor><vendorname>Autohaus</vendorname></vendor></prospect></adf>`;
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/intake/adf',
    headers: { ...key.headers, 'content-type': 'application/xml' },
    payload: xml,
  });
  expect(res.statusCode, res.body).toBe(201);
  return (await manager.get(`/api/requests/${res.json().created[0].id}`)).json();
}

describe('a lead from a known phone number or e-mail address', () => {
  it.each(['json', 'adf'] as const)(
    'from someone else (%s) becomes a new contact, flagged as a possible duplicate, and keeps what was sent',
    async (via) => {
      const n = ++sequence;
      const abel = await existing({ firstName: 'Jakob', lastName: `Abel${n}`, phones: [`0171 90${n}0001`] });
      const request =
        via === 'json'
          ? await jsonLead({
              firstName: 'Anna',
              lastName: `Neumann${n}`,
              phone: `+49 171 90${n}0001`,
              phones: [{ number: `030 90${n}002` }],
              email: `Anna.Neumann${n}@Example.de`,
            })
          : await adfLead(
              `<name part="first">Anna</name><name part="last">Neumann${n}</name>
               <email>Anna.Neumann${n}@Example.de</email>
               <phone>+49 171 90${n}0001</phone><phone type="home">030 90${n}002</phone>`,
            );

      expect(request.contact.id).not.toBe(abel.id);
      expect(request.contact.displayName).toBe(`Neumann${n}, Anna`);
      expect(request.submitted.customer).toMatchObject({
        firstName: 'Anna',
        lastName: `Neumann${n}`,
        emails: [`Anna.Neumann${n}@Example.de`],
        phones: [
          { number: `+49 171 90${n}0001`, e164: `+4917190${n}0001` },
          { number: `030 90${n}002`, e164: `+493090${n}002` },
        ],
      });
      expect(request.submitted.match).toBe('possible_duplicate');
      expect(request.submitted.possibleDuplicates).toEqual([
        expect.objectContaining({ id: abel.id, displayName: `Abel${n}, Jakob`, reasons: ['phone'] }),
      ]);

      const created = await contact(request.contact.id);
      expect(created.phones.map((p: { e164: string }) => p.e164)).toEqual([`+4917190${n}0001`, `+493090${n}002`]);
      expect(created.emails.map((e: { address: string }) => e.address)).toEqual([`anna.neumann${n}@example.de`]);
      expect((await timeline(request.contact.id)).join('\n')).toContain(`Abel${n}, Jakob`);

      const untouched = await contact(abel.id);
      expect(untouched.phones).toHaveLength(1);
      expect(untouched.emails).toEqual([]);
    },
  );

  it('is the same person when only the spelling differs (Mueller = Müller); new numbers and e-mails are added with history', async () => {
    const n = ++sequence;
    const mueller = await existing({
      firstName: 'Jürgen',
      lastName: `Müller${n}`,
      phones: [`0171 91${n}0001`],
      emails: [`juergen${n}@old.example`],
    });
    const request = await jsonLead({
      firstName: 'Juergen',
      lastName: `Mueller${n}`,
      phone: `0171 91${n}0001`,
      phones: [{ number: `0211 91${n}002` }],
      email: `J.Mueller${n}@New.example`,
    });
    expect(request.contact.id).toBe(mueller.id);
    expect(request.submitted).toMatchObject({
      match: 'matched',
      matchedBy: ['phone'],
      added: { phones: [`0211 91${n}002`], emails: [`J.Mueller${n}@New.example`] },
      customer: { firstName: 'Juergen', lastName: `Mueller${n}` },
    });
    const after = await contact(mueller.id);
    expect(after.phones.map((p: { e164: string; kind: string }) => [p.e164, p.kind])).toEqual([
      [`+4917191${n}0001`, 'mobile'],
      [`+4921191${n}002`, 'landline'],
    ]);
    expect(after.emails.map((e: { address: string }) => e.address)).toEqual([
      `juergen${n}@old.example`,
      `j.mueller${n}@new.example`,
    ]);
    expect(after.displayName).toBe(`Müller${n}, Jürgen`);
    const history = (await timeline(mueller.id)).join('\n');
    expect(history).toContain(`aus Anliegen ${request.number} hinzugefügt`);
    expect(history).toContain(`j.mueller${n}@new.example`);
  });

  it('is the same person with the same e-mail and a compatible name', async () => {
    const n = ++sequence;
    const schulz = await existing({ firstName: 'Eva', lastName: `Schulz${n}`, emails: [`eva${n}@schulz.example`] });
    const request = await jsonLead({
      lastName: `Schulz${n}`,
      email: `Eva${n}@Schulz.example`,
      phone: `0171 92${n}0001`,
    });
    expect(request.contact.id).toBe(schulz.id);
    expect(request.submitted).toMatchObject({ match: 'matched', matchedBy: ['email'] });
    expect((await contact(schulz.id)).phones.map((p: { e164: string }) => p.e164)).toEqual([`+4917192${n}0001`]);
  });

  it('offers a number that belongs to another contact instead of adding it, and staff can take it over', async () => {
    const n = ++sequence;
    const weber = await existing({ firstName: 'Karl', lastName: `Weber${n}`, emails: [`karl${n}@weber.example`] });
    await existing({ firstName: 'Petra', lastName: `Weber${n}`, phones: [`0171 93${n}0001`] });
    const request = await jsonLead({
      firstName: 'Karl',
      lastName: `Weber${n}`,
      email: `karl${n}@weber.example`,
      phone: `0171 93${n}0001`,
    });
    expect(request.contact.id).toBe(weber.id);
    expect((await contact(weber.id)).phones).toEqual([]);
    expect(request.submitted.notOnContact.phones).toEqual([
      expect.objectContaining({ number: `0171 93${n}0001`, e164: `+4917193${n}0001` }),
    ]);

    const taken = await manager.post(`/api/requests/${request.id}/submitted/take-over`, {
      phones: [`0171 93${n}0001`],
    });
    expect(taken.statusCode, taken.body).toBe(200);
    expect(taken.json().submitted.notOnContact.phones).toEqual([]);
    expect((await contact(weber.id)).phones.map((p: { e164: string }) => p.e164)).toEqual([`+4917193${n}0001`]);
    expect((await timeline(weber.id)).join('\n')).toContain(`aus Anliegen ${request.number} übernommen`);

    const unknown = await manager.post(`/api/requests/${request.id}/submitted/take-over`, { phones: ['0171 0000000'] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toBe('phones.0');
  });
});

describe('a lead from abroad', () => {
  it('reads an ADF lead from Salzburg in Austria and keeps its address and both phones', async () => {
    const n = ++sequence;
    const request = await adfLead(
      `<name part="full">Maria Huber${n}</name>
       <phone type="voice">0662 842211</phone><phone>0664 12${n}345</phone>
       <address><street line="1">Getreidegasse 9</street><city>Salzburg</city><postalcode>5020</postalcode>
       <country>AT</country></address>`,
    );
    const created = await contact(request.contact.id);
    expect(created.phones.map((p: { e164: string; kind: string }) => [p.e164, p.kind])).toEqual([
      ['+43662842211', 'landline'],
      [`+4366412${n}345`, 'mobile'],
    ]);
    expect(created.phones[0].display).toBe('+43 662 842211');
    expect(created.addresses).toEqual([
      expect.objectContaining({ street: 'Getreidegasse 9', postalCode: '5020', city: 'Salzburg', country: 'AT' }),
    ]);
    expect(request.submitted.customer.address).toMatchObject({ city: 'Salzburg', postalCode: '5020', country: 'AT' });
  });

  it('reads a JSON lead in the country it names', async () => {
    const n = ++sequence;
    const request = await jsonLead({
      firstName: 'Lukas',
      lastName: `Gruber${n}`,
      phone: '0662 842212',
      phones: [{ number: `0664 13${n}345`, kind: 'mobile' }],
      street: 'Linzer Gasse 1',
      postalCode: '5020',
      city: 'Salzburg',
      country: 'Österreich',
    });
    const created = await contact(request.contact.id);
    expect(created.phones.map((p: { e164: string }) => p.e164)).toEqual(['+43662842212', `+4366413${n}345`]);
    expect(created.addresses[0]).toMatchObject({ postalCode: '5020', city: 'Salzburg', country: 'AT' });
    expect(request.submitted.customer.address).toMatchObject({ country: 'Österreich' });
  });
});

describe('the kind of a number the sender did not name', () => {
  it('files mobiles as mobile and landlines as landline, also from "49…" without "+"', async () => {
    const n = ++sequence;
    const request = await adfLead(
      `<name part="full">Tom Kurz${n}</name><phone>4917194${n}0001</phone><phone type="voice">089 94${n}002</phone>`,
    );
    const created = await contact(request.contact.id);
    expect(created.phones.map((p: { e164: string; kind: string }) => [p.e164, p.kind])).toEqual([
      [`+4917194${n}0001`, 'mobile'],
      [`+498994${n}002`, 'landline'],
    ]);
    const json = await jsonLead({ lastName: `Lang${n}`, phone: `030 95${n}001` });
    expect((await contact(json.contact.id)).phones[0].kind).toBe('landline');
  });
});
