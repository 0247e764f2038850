import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient, testLocation } from '@test/support/app';
import { personInput } from './test-factories';

let t: TestApp;
let sales: TestClient & { userId: string };
let consultant: { userId: string };

beforeAll(async () => {
  t = await createTestApp();
  sales = await t.userWithRole('sales');
  consultant = await t.userWithRole('sales');
});
afterAll(() => t.close());

const create = (client: TestClient, overrides = {}) =>
  client.post('/api/contacts', personInput(t.location.id, overrides));

describe('creating a contact', () => {
  it('stores a person with title, phones in E.164 and a customer number of the home location', async () => {
    const res = await create(sales, {
      title: 'Dr.',
      firstName: 'Hans',
      lastName: 'Müller',
      dateOfBirth: '1970-05-01',
      salesConsultantId: consultant.userId,
      phones: [
        { kind: 'landline', number: '0711 123456' },
        { kind: 'mobile', number: '+49 (171) 123 45 67', isPrimary: true },
      ],
      tags: ['VIP'],
    });
    expect(res.statusCode).toBe(201);
    const contact = res.json();
    expect(contact.displayName).toBe('Müller, Dr. Hans');
    expect(contact.customerNumber).toMatch(/^STR-1\d{5}$/);
    expect(contact.phones).toMatchObject([
      { e164: '+49711123456', isPrimary: false, valid: true },
      { e164: '+491711234567', isPrimary: true, display: '0171 1234567' },
    ]);
    expect(contact.salesConsultant).toEqual({ id: consultant.userId, displayName: expect.stringContaining('Tester') });
    expect(contact.dateOfBirth).toBe('1970-05-01');
    expect(contact.version).toBe(1);
    const again = await sales.get(`/api/contacts/${contact.id}`);
    expect(again.json()).toEqual(contact);
  });

  it('makes the first phone primary when none is flagged', async () => {
    const contact = (await create(sales, { phones: [{ number: '0711 99887766' }, { number: '0171 9988776' }] })).json();
    expect(contact.phones.map((p: { isPrimary: boolean }) => p.isPrimary)).toEqual([true, false]);
  });

  it('numbers customers per location starting at 100001', async () => {
    const admin = await t.userWithRole('admin');
    const other = (await admin.post('/api/locations', testLocation({ code: 'MUC', name: 'Autohaus München' }))).json();
    const first = (await create(sales, { homeLocationId: other.id })).json();
    const second = (await create(sales, { homeLocationId: other.id })).json();
    expect([first.customerNumber, second.customerNumber]).toEqual(['MUC-100001', 'MUC-100002']);
  });

  it('gives ten concurrent creates ten distinct customer numbers', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => create(sales)));
    expect(results.map((r) => r.statusCode)).toEqual(Array(10).fill(201));
    const numbers = results.map((r) => r.json().customerNumber);
    expect(new Set(numbers).size).toBe(10);
  });

  it('refuses an invalid phone number naming phones.0.number', async () => {
    const res = await create(sales, { phones: [{ number: '0000 1234' }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toContainEqual(
      expect.objectContaining({ field: 'phones.0.number', message: 'is not a valid phone number' }),
    );
  });

  it('refuses a date of birth in the future', async () => {
    const res = await create(sales, { dateOfBirth: '2030-01-01' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('dateOfBirth');
  });

  it('refuses a company without a company name and a person without a last name', async () => {
    const company = await sales.post('/api/contacts', { kind: 'company', homeLocationId: t.location.id });
    expect(company.statusCode).toBe(400);
    expect(company.json().errors.map((e: { field: string }) => e.field)).toContain('companyName');
    const person = await sales.post('/api/contacts', {
      kind: 'person',
      firstName: 'Anna',
      homeLocationId: t.location.id,
    });
    expect(person.json().errors.map((e: { field: string }) => e.field)).toContain('lastName');
  });

  it('refuses an unknown home location and a consultant who is no active user', async () => {
    const res = await create(sales, {
      homeLocationId: '00000000-0000-4000-8000-000000000000',
      serviceAdvisorId: '00000000-0000-4000-8000-000000000001',
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['homeLocationId', 'serviceAdvisorId']));
  });

  it('does not let parts create contacts, but lets them read', async () => {
    const parts = await t.userWithRole('parts');
    expect((await create(parts)).statusCode).toBe(403);
    const contact = (await create(sales)).json();
    expect((await parts.get(`/api/contacts/${contact.id}`)).statusCode).toBe(200);
  });

  it('answers 404 for an unknown contact', async () => {
    expect((await sales.get('/api/contacts/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('keeps an invalid number from an import flagged, without E.164', async () => {
    const contact = await t.services.contacts.create(
      null,
      { ...personInput(t.location.id), phones: [{ kind: 'landline', number: '999', isPrimary: false }] } as never,
      {
        allowInvalidPhones: true,
      },
    );
    expect(contact.phones[0]).toMatchObject({ raw: '999', e164: null, valid: false, display: '999' });
  });
});

describe('companies and contact persons', () => {
  it('lists contact persons on the company and finds a person by the company name', async () => {
    const company = (
      await sales.post('/api/contacts', {
        kind: 'company',
        companyName: 'Spedition Krause GmbH',
        homeLocationId: t.location.id,
      })
    ).json();
    expect(company.displayName).toBe('Spedition Krause GmbH');
    const person = (
      await create(sales, {
        firstName: 'Eva',
        lastName: 'Zimmermann',
        companyId: company.id,
        position: 'Fuhrparkleiterin',
      })
    ).json();
    expect(person.company).toEqual({
      id: company.id,
      displayName: 'Spedition Krause GmbH',
      customerNumber: company.customerNumber,
    });
    const reloaded = (await sales.get(`/api/contacts/${company.id}`)).json();
    expect(reloaded.contactPersons).toEqual([expect.objectContaining({ id: person.id, position: 'Fuhrparkleiterin' })]);
    const found = (await sales.get('/api/contacts?q=zimmermann eva spedition')).json();
    expect(found.items.map((i: { id: string }) => i.id)).toEqual([person.id]);
  });

  it('refuses a company id that is not a company', async () => {
    const person = (await create(sales)).json();
    const res = await create(sales, { companyId: person.id });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('companyId');
  });
});

describe('editing a contact', () => {
  it('writes one timeline entry listing the changed fields', async () => {
    const contact = (await create(sales)).json();
    const res = await sales.patch(`/api/contacts/${contact.id}`, {
      version: contact.version,
      phones: [{ number: '0172 5550001' }],
      addresses: [{ street: 'Neue Straße 1', postalCode: '70173', city: 'Stuttgart' }],
      notes: 'ruft lieber abends an',
      firstName: contact.firstName,
    });
    expect(res.statusCode).toBe(200);
    const updated = res.json();
    expect(updated.version).toBe(2);
    expect(updated.phones[0].e164).toBe('+491725550001');
    expect(updated.lastName).toBe(contact.lastName);
    const entries = await t.database.query<{ kind: string; summary: string; data: { fields: string[] } }>(
      `SELECT kind, summary, data FROM timeline_entries WHERE contact_id = $1 ORDER BY id`,
      [contact.id],
    );
    expect(entries.map((e) => e.kind)).toEqual(['contact_created', 'contact_changed']);
    expect(entries[1]!.data.fields.sort()).toEqual(['addresses', 'notes', 'phones']);
    expect(entries[1]!.summary).toMatch(/^Kontaktdaten geändert: .*Telefon.*Adresse/);
  });

  it('refuses an outdated version with 409 and keeps the colleague’s change', async () => {
    const contact = (await create(sales)).json();
    expect((await sales.patch(`/api/contacts/${contact.id}`, { version: 1, notes: 'erste' })).statusCode).toBe(200);
    const stale = await sales.patch(`/api/contacts/${contact.id}`, { version: 1, notes: 'zweite' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().detail).toContain('changed by someone else meanwhile');
    expect((await sales.get(`/api/contacts/${contact.id}`)).json().notes).toBe('erste');
  });

  it('refuses an invalid phone on edit naming the field, and a renamed person gets a new display name', async () => {
    const contact = (await create(sales)).json();
    const bad = await sales.patch(`/api/contacts/${contact.id}`, {
      phones: [{ number: '0171 1234567' }, { number: 'abc' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toContain('phones.1.number');
    const renamed = (
      await sales.patch(`/api/contacts/${contact.id}`, { lastName: 'Schäfer', firstName: 'Jörg' })
    ).json();
    expect(renamed.displayName).toBe('Schäfer, Jörg');
  });

  it('an empty edit changes nothing and writes no entry', async () => {
    const contact = (await create(sales)).json();
    const res = await sales.patch(`/api/contacts/${contact.id}`, {});
    expect(res.json().version).toBe(1);
    const [row] = await t.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM timeline_entries WHERE contact_id = $1`,
      [contact.id],
    );
    expect(row!.n).toBe(1);
  });
});

describe('service functions for other modules', () => {
  it('finds callers by E.164, gives refs and tells existence', async () => {
    const contact = (await create(sales, { phones: [{ number: '0151 44455566' }] })).json();
    const found = await t.services.contacts.findByPhoneE164('+4915144455566');
    expect(found.map((c) => c.id)).toEqual([contact.id]);
    const refs = await t.services.contacts.refs([contact.id]);
    expect(refs.get(contact.id)).toEqual({
      id: contact.id,
      displayName: contact.displayName,
      customerNumber: contact.customerNumber,
    });
    expect(await t.services.contacts.exists(contact.id)).toBe(true);
    expect(await t.services.contacts.exists('00000000-0000-4000-8000-000000000000')).toBe(false);
  });
});
