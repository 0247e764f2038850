import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '@test/support/app';
import { ContactInput } from '@shared/contacts/schemas';
import { upload, windows1252 } from './test-support';

let t: TestApp;
let admin: TestClient & { userId: string };
let manager: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.userWithRole('admin');
  manager = await t.userWithRole('manager');
});
afterAll(() => t.close());

const contactCount = async () =>
  Number((await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM contacts'))[0]!.n);

async function findByLastName(lastName: string) {
  return t.database.query<{
    id: string;
    first_name: string;
    last_name: string;
    customer_number: string;
    external_ref: string | null;
  }>(
    'SELECT id, first_name, last_name, customer_number, external_ref FROM contacts WHERE last_name = $1 ORDER BY customer_number',
    [lastName],
  );
}

async function uploadCsv(client: TestClient, csv: string | Buffer, name = 'kunden.csv') {
  const res = await upload(client, 'contacts', name, typeof csv === 'string' ? Buffer.from(csv) : csv);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as {
    id: string;
    headers: string[];
    suggestedMapping: Record<string, string>;
    totalRows: number;
    sampleRows: string[][];
  };
}

async function applyAndWait(client: TestClient, id: string, body: object) {
  const res = await client.post(`/api/imports/${id}/apply`, body);
  expect(res.statusCode, res.body).toBe(202);
  await t.services.imports.idle();
  const job = await client.get(`/api/imports/${id}`);
  return job.json();
}

describe('contact import from CSV', () => {
  it('reads a semicolon CSV in Windows-1252 and imports "Müller" with its umlaut', async () => {
    const csv = windows1252(
      'Kundennummer;Anrede;Vorname;Nachname;Straße;PLZ;Ort;Telefon;Mobil;E-Mail;Geburtsdatum\r\n' +
        'A-1;Herr;Jürgen;Müller;Hauptstraße 5;80331;München;089 1234567;0171 2345678;juergen.mueller@example.de;15.03.1970\r\n',
    );
    const uploaded = await uploadCsv(admin, csv);
    expect(uploaded.headers).toContain('Straße');
    expect(uploaded.sampleRows[0]).toContain('Müller');
    expect(uploaded.suggestedMapping).toMatchObject({
      Kundennummer: 'externalRef',
      Vorname: 'firstName',
      Nachname: 'lastName',
      Straße: 'street',
      PLZ: 'postalCode',
      Ort: 'city',
      Telefon: 'phoneLandline',
      Mobil: 'phoneMobile',
      'E-Mail': 'email',
      Geburtsdatum: 'dateOfBirth',
    });
    const job = await applyAndWait(admin, uploaded.id, {
      mapping: uploaded.suggestedMapping,
      duplicateHandling: 'skip',
    });
    expect(job).toMatchObject({
      status: 'done',
      processedRows: 1,
      totals: { create: 1, update: 0, skip: 0, reject: 0 },
    });
    const [row] = await findByLastName('Müller');
    expect(row).toMatchObject({ first_name: 'Jürgen', external_ref: 'A-1' });
    const contact = await t.services.contacts.get(row!.id);
    expect(contact.dateOfBirth).toBe('1970-03-15');
    expect(contact.addresses[0]).toMatchObject({ street: 'Hauptstraße 5', city: 'München', postalCode: '80331' });
    expect(contact.phones.map((p) => p.e164).sort()).toEqual(['+491712345678', '+49891234567']);
  });

  it('keeps the euro sign, dashes and German quotes of a Windows-1252 CSV, and files a mobile as mobile', async () => {
    const csv = windows1252(
      'Nachname;Vorname;Notizen;Telefon\r\n' +
        'Öztürk;Ayla;Anzahlung 500 € – „bar“ bezahlt;0151 23456789\r\n' +
        'Özdemir;Can;Rückruf „dringend“;49(0)30 7654321\r\n',
    );
    const uploaded = await uploadCsv(admin, csv);
    expect(uploaded.suggestedMapping).toMatchObject({ Notizen: 'notes', Telefon: 'phoneLandline' });
    const job = await applyAndWait(admin, uploaded.id, {
      mapping: uploaded.suggestedMapping,
      duplicateHandling: 'skip',
    });
    expect(job.totals).toMatchObject({ create: 2, reject: 0 });
    const [oztuerk] = await findByLastName('Öztürk');
    const first = await t.services.contacts.get(oztuerk!.id);
    expect(first.notes).toBe('Anzahlung 500 € – „bar“ bezahlt');
    expect(first.phones[0]).toMatchObject({ kind: 'mobile', e164: '+4915123456789' });
    const [ozdemir] = await findByLastName('Özdemir');
    const second = await t.services.contacts.get(ozdemir!.id);
    expect(second.notes).toBe('Rückruf „dringend“');
    expect(second.phones[0]).toMatchObject({ kind: 'landline', e164: '+49307654321' });
  });

  it('dry run reports create, update and reject per row with reasons, and changes nothing', async () => {
    await t.services.contacts.create(
      null,
      ContactInput.parse({
        lastName: 'Schneider',
        firstName: 'Anna',
        homeLocationId: t.location.id,
        emails: [{ address: 'anna@schneider.de' }],
      }),
    );
    const before = await contactCount();
    const uploaded = await uploadCsv(
      manager,
      'Vorname,Nachname,E-Mail,PLZ,Ort,Straße\n' +
        'Karl,Neumann,karl@neumann.de,70173,Stuttgart,Königstraße 1\n' +
        'Anna,Schneider,ANNA@schneider.de,,,\n' +
        'Ohne,,ohne@name.de,,,\n' +
        'Eva,Falsch,keine-mail,123,Stuttgart,Weg 1\n',
    );
    const res = await manager.post(`/api/imports/${uploaded.id}/dry-run`, {
      mapping: uploaded.suggestedMapping,
      duplicateHandling: 'update',
    });
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report.totals).toEqual({ create: 1, update: 1, skip: 0, reject: 2 });
    const byRow = Object.fromEntries(report.rows.map((r: { row: number }) => [r.row, r]));
    expect(byRow[2].action).toBe('create');
    expect(byRow[3]).toMatchObject({
      action: 'update',
      reasons: [
        {
          field: 'email',
          message: expect.stringContaining('gleiche E-Mail-Adresse'),
          // Beside the words, a code and its parameters for API clients and the web app.
          code: 'same_as_contact',
          params: { contact: expect.any(String) },
        },
      ],
    });
    expect(byRow[3].contactId).toBeDefined();
    expect(byRow[4].action).toBe('reject');
    expect(byRow[4].reasons.map((r: { field: string }) => r.field)).toContain('lastName');
    expect(byRow[5].action).toBe('reject');
    expect(byRow[5].reasons).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'email', column: 'E-Mail', code: 'invalid_email' }),
        expect.objectContaining({
          field: 'postalCode',
          column: 'PLZ',
          message: expect.stringContaining('fünfstellige'),
        }),
      ]),
    );
    expect(await contactCount()).toBe(before);
    const job = (await manager.get(`/api/imports/${uploaded.id}`)).json();
    expect(job).toMatchObject({ status: 'dry_run_done', dryRun: true, totals: report.totals });

    const csv = await manager.get(`/api/imports/${uploaded.id}/report.csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.startsWith('\uFEFFZeile;Ergebnis;Hinweise')).toBe(true);
    expect(csv.body).toContain('würde abgelehnt');
  });

  it('creates the contacts on apply, and applying the same file again with "skip" creates none twice', async () => {
    const file =
      'Kundennr;Vorname;Nachname;Handy\nB-1;Lena;Vogel;0160 1112223\nB-2;Tom;Vogel;0160 1112224\nB-3;Tim;Vogel;0160 1112224\n';
    const first = await uploadCsv(admin, file);
    const job = await applyAndWait(admin, first.id, { mapping: first.suggestedMapping, duplicateHandling: 'skip' });
    // Row 4 has Tom's number: the same customer within the file is created once.
    expect(job.totals).toEqual({ create: 2, update: 0, skip: 1, reject: 0 });
    expect(await findByLastName('Vogel')).toHaveLength(2);

    const again = await uploadCsv(admin, file);
    const second = await applyAndWait(admin, again.id, { mapping: again.suggestedMapping, duplicateHandling: 'skip' });
    expect(second.totals).toEqual({ create: 0, update: 0, skip: 3, reject: 0 });
    expect(await findByLastName('Vogel')).toHaveLength(2);
    const timeline = await t.database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM timeline_entries WHERE kind = 'contact_created' AND source_id = $1",
      [first.id],
    );
    expect(timeline[0]!.n).toBe(2);
  });

  it('updates an existing contact found by its customer number and adds the new phone', async () => {
    const [lena] = await findByLastName('Vogel');
    const uploaded = await uploadCsv(
      admin,
      `Kundennummer;Nachname;Vorname;Telefon\n${lena!.customer_number};Vogel;Helena;0711 998877\n`,
    );
    const job = await applyAndWait(admin, uploaded.id, {
      mapping: uploaded.suggestedMapping,
      duplicateHandling: 'update',
    });
    expect(job.totals).toMatchObject({ update: 1 });
    const contact = await t.services.contacts.get(lena!.id);
    expect(contact.firstName).toBe('Helena');
    expect(contact.phones.map((p) => p.e164)).toEqual(['+491601112223', '+49711998877']);
  });

  it('keeps an invalid phone number, flagged invalid, instead of rejecting the row', async () => {
    const uploaded = await uploadCsv(admin, 'Nachname;Telefon\nKrause;12345678901234567\n');
    const job = await applyAndWait(admin, uploaded.id, {
      mapping: uploaded.suggestedMapping,
      duplicateHandling: 'skip',
    });
    expect(job.totals).toMatchObject({ create: 1, reject: 0 });
    const [krause] = await findByLastName('Krause');
    const contact = await t.services.contacts.get(krause!.id);
    expect(contact.phones).toEqual([expect.objectContaining({ raw: '12345678901234567', valid: false, e164: null })]);
    const csv = await admin.get(`/api/imports/${uploaded.id}/report.csv`);
    expect(csv.body).toContain('übernommen und als ungültig markiert');
  });

  it('rejects a row whose VIN is invalid, naming the column and the reason, and imports the others', async () => {
    const uploaded = await uploadCsv(
      admin,
      'Nachname;FIN;Marke;Modell;Kennzeichen;Erstzulassung;Kilometerstand\n' +
        'Lorenz;WVWZZZ1KZAW000001;VW;Golf;S-AB 123;03.05.2019;45.000\n' +
        'Peters;WVWZZZ1KZAW00000I;VW;Polo;;;\n',
    );
    expect(uploaded.suggestedMapping).toMatchObject({
      FIN: 'vin',
      Marke: 'make',
      Modell: 'model',
      Kennzeichen: 'plate',
      Erstzulassung: 'firstRegistration',
    });
    // The dry run the wizard shows speaks the user's language, like the report file.
    const dryRun = await admin.post(`/api/imports/${uploaded.id}/dry-run`, {
      mapping: uploaded.suggestedMapping,
      duplicateHandling: 'skip',
    });
    expect(dryRun.json().rows[1].reasons).toEqual([
      expect.objectContaining({ column: 'FIN', message: 'darf kein I, O oder Q enthalten', code: 'invalid_vin' }),
    ]);
    const job = await applyAndWait(admin, uploaded.id, {
      mapping: uploaded.suggestedMapping,
      duplicateHandling: 'skip',
    });
    expect(job.totals).toEqual({ create: 1, update: 0, skip: 0, reject: 1 });
    const report = await admin.get(`/api/imports/${uploaded.id}/report.csv`);
    expect(report.body).toMatch(/3;abgelehnt;FIN: darf kein I, O oder Q enthalten/);
    // A user who works in English gets the report in English.
    await admin.patch(`/api/users/${admin.userId}`, { locale: 'en' });
    const english = await admin.get(`/api/imports/${uploaded.id}/report.csv`);
    expect(english.body.startsWith('\uFEFFRow;Result;Notes')).toBe(true);
    expect(english.body).toMatch(/3;rejected;FIN: must not contain I, O or Q/);
    await admin.patch(`/api/users/${admin.userId}`, { locale: 'de' });
    expect(await findByLastName('Peters')).toHaveLength(0);
    const vehicles = await t.database.query<{
      vin: string;
      plate: string;
      first_registration: string;
      mileage_km: number;
    }>("SELECT vin, plate, first_registration::text, mileage_km FROM vehicles WHERE vin = 'WVWZZZ1KZAW000001'");
    expect(vehicles).toEqual([
      { vin: 'WVWZZZ1KZAW000001', plate: 'S-AB 123', first_registration: '2019-05-03', mileage_km: 45000 },
    ]);
  });

  it('refuses a file that is no table or contact list, and vCards as vehicles, each with a code', async () => {
    const picture = await upload(admin, 'contacts', 'foto.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]));
    expect(picture.statusCode).toBe(400);
    expect(picture.json().errors).toEqual([
      { field: 'file', in: 'body', code: 'import_format_not_accepted', message: 'expected a .csv, .xlsx or .vcf file' },
    ]);
    const cards = await upload(admin, 'vehicles', 'kunden.vcf', Buffer.from('BEGIN:VCARD\r\nEND:VCARD\r\n'));
    expect(cards.statusCode).toBe(400);
    expect(cards.json().errors).toEqual([expect.objectContaining({ field: 'target', code: 'vcard_contacts_only' })]);
  });

  it('refuses a mapping to a column the file does not have', async () => {
    const uploaded = await uploadCsv(admin, 'Nachname\nSommer\n');
    const res = await admin.post(`/api/imports/${uploaded.id}/dry-run`, {
      mapping: { Name: 'lastName' },
      duplicateHandling: 'skip',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      expect.objectContaining({ field: 'mapping.Name', code: 'no_such_column' }),
      expect.objectContaining({
        field: 'mapping',
        code: 'column_required',
        params: { fields: ['lastName', 'companyName'] },
      }),
    ]);
  });
});

describe('who may import and export', () => {
  it('refuses import and bulk export to sales, service, reception and parts', async () => {
    for (const role of ['sales', 'service', 'reception', 'parts'] as const) {
      const client = await t.userWithRole(role);
      expect((await upload(client, 'contacts', 'a.csv', Buffer.from('Nachname\nX\n'))).statusCode).toBe(403);
      expect((await client.get('/api/contacts/export.csv')).statusCode).toBe(403);
      expect((await client.get('/api/contacts/export.vcf')).statusCode).toBe(403);
    }
  });
});
