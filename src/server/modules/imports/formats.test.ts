import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '@test/support/app';
import { ContactInput } from '@shared/contacts/schemas';
import { upload } from './test-support';

let t: TestApp;
let admin: TestClient & { userId: string };

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.userWithRole('admin');
});
afterAll(() => t.close());

async function importFile(name: string, content: Buffer, duplicateHandling = 'skip') {
  const res = await upload(admin, 'contacts', name, content);
  expect(res.statusCode, res.body).toBe(201);
  const uploaded = res.json();
  const applied = await admin.post(`/api/imports/${uploaded.id}/apply`, {
    mapping: uploaded.suggestedMapping,
    duplicateHandling,
  });
  expect(applied.statusCode, applied.body).toBe(202);
  await t.services.imports.idle();
  return {
    uploaded,
    job: (await admin.get(`/api/imports/${uploaded.id}`)).json(),
    report: (await admin.get(`/api/imports/${uploaded.id}/report.csv`)).body,
  };
}

const idsByLastName = async (lastName: string) =>
  (
    await t.database.query<{ id: string }>(
      'SELECT id FROM contacts WHERE last_name = $1 ORDER BY created_at, customer_number',
      [lastName],
    )
  ).map((r) => r.id);

describe('XLSX import', () => {
  it('imports the first sheet, with dates typed as Excel dates', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Kunden');
    sheet.addRow(['Vorname', 'Nachname', 'Geburtsdatum', 'PLZ', 'Ort', 'Straße', 'Mobil']);
    sheet.addRow([
      'Greta',
      'Hoffmann',
      new Date(Date.UTC(1985, 6, 1)),
      4347,
      'Leipzig',
      'Torgauer Straße 1',
      '0151 22334455',
    ]);
    workbook.addWorksheet('Notizen').addRow(['not imported']);
    const { job } = await importFile('kunden.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(job).toMatchObject({ format: 'xlsx', status: 'done', totals: { create: 1, reject: 0 } });
    const contact = await t.services.contacts.get((await idsByLastName('Hoffmann'))[0]!);
    expect(contact).toMatchObject({ firstName: 'Greta', dateOfBirth: '1985-07-01' });
    // Excel dropped the leading zero of the postal code.
    expect(contact.addresses[0]).toMatchObject({ postalCode: '04347', city: 'Leipzig' });
    expect(contact.phones[0]).toMatchObject({ e164: '+4915122334455', kind: 'mobile' });
  });
});

describe('vCard import and export', () => {
  it('imports vCard 3.0 with folded lines, typed phones, address, birthday and note', async () => {
    const vcf = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'UID:crm-old-4711',
      'N:Weber;Claudia;;Dr.;',
      'FN:Dr. Claudia Weber',
      'ORG:Weber Logistik GmbH',
      'TITLE:Geschäftsführerin',
      'TEL;TYPE=CELL,VOICE:+49 172 5556667',
      'TEL;TYPE=WORK:0221 4445556',
      'EMAIL;TYPE=INTERNET,WORK:c.weber@weber-logistik.de',
      'ADR;TYPE=WORK:;;Industriestraße 12;Köln;;50829;Deutschland',
      'BDAY:1975-11-02',
      'NOTE:Kundin seit 2010\\, fährt Flotte. Bitte immer zuerst',
      '  mobil anrufen.',
      'END:VCARD',
      '',
    ].join('\r\n');
    const { job } = await importFile('weber.vcf', Buffer.from(vcf));
    expect(job).toMatchObject({ format: 'vcard', totals: { create: 1, reject: 0 } });
    const contact = await t.services.contacts.get((await idsByLastName('Weber'))[0]!);
    expect(contact).toMatchObject({
      firstName: 'Claudia',
      title: 'Dr.',
      companyName: 'Weber Logistik GmbH',
      position: 'Geschäftsführerin',
      dateOfBirth: '1975-11-02',
      notes: 'Kundin seit 2010, fährt Flotte. Bitte immer zuerst mobil anrufen.',
    });
    expect(contact.phones.map((p) => [p.kind, p.e164])).toEqual([
      ['mobile', '+491725556667'],
      ['work', '+492214445556'],
    ]);
    expect(contact.emails[0]).toMatchObject({ kind: 'work', address: 'c.weber@weber-logistik.de' });
    expect(contact.addresses[0]).toMatchObject({
      street: 'Industriestraße 12',
      postalCode: '50829',
      city: 'Köln',
      country: 'DE',
    });
  });

  it('imports vCard 4.0 with tel: URIs, KIND:org and GENDER', async () => {
    const vcf = [
      'BEGIN:VCARD',
      'VERSION:4.0',
      'KIND:org',
      'FN:Autovermietung Sonne KG',
      'ORG:Autovermietung Sonne KG',
      'TEL;VALUE=uri;TYPE="voice,work";PREF=1:tel:+49-341-9876543',
      'EMAIL;TYPE=work:info@sonne-kg.de',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:4.0',
      'N:Keller;Paul;;;',
      'GENDER:M',
      'TEL;VALUE=uri;TYPE=cell:tel:+49-176-11122233',
      'BDAY:19900412',
      'END:VCARD',
    ].join('\n');
    const { job } = await importFile('sonne.vcf', Buffer.from(vcf));
    expect(job.totals).toMatchObject({ create: 2, reject: 0 });
    const [company] = await t.database.query<{ kind: string; display_name: string }>(
      "SELECT kind, display_name FROM contacts WHERE company_name = 'Autovermietung Sonne KG'",
    );
    expect(company).toEqual({ kind: 'company', display_name: 'Autovermietung Sonne KG' });
    const paul = await t.services.contacts.get((await idsByLastName('Keller'))[0]!);
    expect(paul).toMatchObject({ salutation: 'mr', dateOfBirth: '1990-04-12' });
    expect(paul.phones[0]).toMatchObject({ kind: 'mobile', e164: '+4917611122233' });
  });

  it.each(['3.0', '4.0'])('exports a contact as vCard %s that imports back to the same contact', async (version) => {
    const original = await t.services.contacts.create(
      null,
      ContactInput.parse({
        salutation: 'ms',
        title: 'Prof.',
        firstName: 'Ilse',
        lastName: `Rundreise${version.replace('.', '')}`,
        companyName: 'Uni; Köln, Institut',
        position: 'Dekanin',
        dateOfBirth: '1961-02-28',
        homeLocationId: t.location.id,
        notes: 'Zeile 1\nZeile 2 mit einem sehr langen Text, der über fünfundsiebzig Bytes hinausgeht: äöüß äöüß äöüß',
        tags: ['VIP', 'Flotte'],
        phones: [
          { kind: 'mobile', number: '0171 7654321' },
          { kind: 'landline', number: '0221 123456' },
        ],
        emails: [{ address: 'ilse@example.de' }],
        addresses: [{ street: 'Albertus-Magnus-Platz 1', postalCode: '50923', city: 'Köln' }],
      }),
      { skipDuplicateCheck: true },
    );
    const res = await admin.get(`/api/contacts/${original.id}/vcard?version=${version}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/vcard');
    expect(res.body).toContain(`VERSION:${version}`);
    expect(res.body.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);

    const { job } = await importFile('rundreise.vcf', Buffer.from(res.body), 'create');
    expect(job.totals).toMatchObject({ create: 1, reject: 0 });
    const ids = await idsByLastName(original.lastName!);
    expect(ids).toHaveLength(2);
    const copy = await t.services.contacts.get(ids[1]!);
    const essentials = (c: typeof original) => ({
      salutation: c.salutation,
      title: c.title,
      firstName: c.firstName,
      lastName: c.lastName,
      companyName: c.companyName,
      position: c.position,
      dateOfBirth: c.dateOfBirth,
      notes: c.notes,
      tags: c.tags,
      phones: c.phones.map((p) => [p.kind, p.e164, p.isPrimary]),
      emails: c.emails.map((e) => [e.kind, e.address]),
      addresses: c.addresses.map((a) => [a.street, a.postalCode, a.city, a.country]),
    });
    expect(essentials(copy)).toEqual(essentials(original));
  });

  it('answers 404 for the vCard of an unknown contact', async () => {
    const res = await admin.get('/api/contacts/00000000-0000-4000-8000-000000000000/vcard');
    expect(res.statusCode).toBe(404);
  });
});

describe('vCard import of hostile files', () => {
  it('reads a card whose phone line carries a hundred thousand parameters within seconds', async () => {
    const vcf = `BEGIN:VCARD\r\nVERSION:3.0\r\nN:Brandt;Jonas\r\nTEL${';CELL'.repeat(100_000)}:0171 2345678\r\nEND:VCARD\r\n`;
    const started = performance.now();
    const response = await upload(admin, 'contacts', 'brandt.vcf', Buffer.from(vcf));
    // Only a guard against a denial of service: copying the parameter list per parameter took minutes.
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().totalRows).toBe(1);
  });
});

describe('contact export', () => {
  it('exports only the filtered location as CSV for Excel and records who exported how many', async () => {
    const other = await t.services.org.createLocation(null, {
      name: 'Autohaus Test Ulm',
      code: 'ULM',
      street: 'Neue Straße 1',
      postalCode: '89073',
      city: 'Ulm',
      phone: '+49 731 123456',
      email: null,
      federalState: 'BW',
      openingHours: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
      active: true,
    });
    for (const [lastName, locationId] of [
      ['Ulmer', other.id],
      ['Donau', other.id],
      ['Stuttgarter', t.location.id],
    ] as const) {
      await t.services.contacts.create(
        null,
        ContactInput.parse({
          lastName,
          homeLocationId: locationId,
          phones: [{ number: '0731 5550' + lastName.length }],
        }),
        { skipDuplicateCheck: true },
      );
    }
    const res = await admin.get(`/api/contacts/export.csv?locationId=${other.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.body.startsWith('\uFEFFKundennummer;Art;Anrede')).toBe(true);
    const lines = res.body.trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(
      lines
        .slice(1)
        .map((l) => l.split(';')[5])
        .sort(),
    ).toEqual(['Donau', 'Ulmer']);
    expect(lines[1]).toContain('ULM-');
    const audit = await t.database.query<{ data: { count: number } }>(
      "SELECT data FROM audit_events WHERE action = 'contacts.exported'",
    );
    expect(audit.at(-1)!.data).toMatchObject({ count: 2, format: 'csv' });

    const vcf = await admin.get(`/api/contacts/export.vcf?locationId=${other.id}&version=3.0`);
    expect(vcf.body.match(/BEGIN:VCARD/g)).toHaveLength(2);
  });

  it('exports cells a spreadsheet would run as formulas as text, and phone numbers as they are', async () => {
    for (const [lastName, phone] of [
      ['-1+HYPERLINK("https://evil.example","Rechnung")', '+43 660 1234567'],
      ['@SUM(1+1)*cmd|calc!A0', '0171 1234567'],
      ['=1+1', '0171 7654321'],
    ]) {
      await t.services.contacts.create(
        null,
        ContactInput.parse({
          firstName: '+1+HYPERLINK("https://evil.example")',
          lastName,
          homeLocationId: t.location.id,
          tags: ['formeltest'],
          phones: [{ number: phone }],
        }),
        { skipDuplicateCheck: true },
      );
    }
    const res = await admin.get('/api/contacts/export.csv?tag=formeltest');
    expect(res.statusCode).toBe(200);
    const rows = res.body.trim().split('\r\n').slice(1);
    expect(rows).toHaveLength(3);
    const row = (needle: string) => rows.find((r) => r.includes(needle))!;
    expect(row('Rechnung')).toContain(
      `;"'+1+HYPERLINK(""https://evil.example"")";"'-1+HYPERLINK(""https://evil.example"",""Rechnung"")";`,
    );
    expect(row('Rechnung')).toContain(';+43 660 1234567;');
    expect(row('SUM')).toContain(";'@SUM(1+1)*cmd|calc!A0;");
    expect(row('SUM')).toContain(';0171 1234567;');
    expect(row('=1+1')).toContain(";'=1+1;");
  });
});
