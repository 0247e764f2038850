import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '@test/support/app';
import { personInput } from '../contacts/test-factories';
import { searchFactory } from '../search/test-factories';

let t: TestApp;
let admin: TestClient;
let manager: TestClient;
let sales: TestClient;
let phonebookKey: string;
let telephonyKey: string;

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  isArray: (name) => ['DirectoryEntry', 'Telephone', 'contact', 'number', 'item'].includes(name),
});

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.userWithRole('admin');
  manager = await t.userWithRole('manager');
  sales = await t.userWithRole('sales');
  const create = async (body: Record<string, unknown>) => {
    const res = await admin.post('/api/contacts', body);
    if (res.statusCode !== 201) throw new Error(res.body);
    return res.json() as { id: string; customerNumber: string };
  };
  const company = await create({
    ...personInput(t.location.id),
    kind: 'company',
    companyName: 'Müller & <Söhne> GmbH',
    firstName: null,
    lastName: null,
    salutation: 'none',
    phones: [
      { kind: 'landline', number: '0711 2580-0', isPrimary: true },
      { kind: 'fax', number: '0711 2580-99' },
    ],
  });
  await create({
    ...personInput(t.location.id),
    firstName: 'Anna',
    lastName: 'Abele',
    companyId: company.id,
    phones: [
      { kind: 'work', number: '0711 2580-21' },
      { kind: 'mobile', number: '0171 2345678', isPrimary: true },
      { kind: 'landline', number: '+43 1 5321234' },
    ],
  });
  const blocked = await create({
    ...personInput(t.location.id),
    firstName: 'Bernd',
    lastName: 'Bauer',
    phones: [{ kind: 'mobile', number: '0160 9876543' }],
  });
  const block = await admin.post(`/api/contacts/${blocked.id}/block`, { reason: 'Offene Rechnungen' });
  expect(block.statusCode, block.body).toBe(200);
  await create({ ...personInput(t.location.id), lastName: 'Ohnenummer', phones: [] });
  await create({ ...personInput(t.location.id), lastName: 'Nurfax', phones: [{ kind: 'fax', number: '0711 999888' }] });
  const make = searchFactory(t.database, () => t.clock.now());
  await make.contact({
    location: t.location,
    lastName: 'Zusammengeführt',
    phones: ['0171 5550000'],
    mergedIntoId: company.id,
  });

  const key = async (scopes: string[]) =>
    (await admin.post('/api/admin/api-keys', { name: `Telefonbuch ${scopes.join()}`, scopes })).json().secret as string;
  phonebookKey = await key(['phonebook']);
  telephonyKey = await key(['telephony']);
}, 120_000);
afterAll(() => t.close());

const download = (format: string, headers: Record<string, string> = { authorization: `Bearer ${phonebookKey}` }) =>
  t.app.inject({ method: 'GET', url: `/api/phonebook/${format}`, headers });

describe('phonebook export', () => {
  it('is built on demand by an admin and reports each format with its entry count', async () => {
    expect((await manager.post('/api/phonebook/regenerate')).statusCode).toBe(403);
    const res = await admin.post('/api/phonebook/regenerate');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().formats).toEqual(
      ['csv', '3cx', 'vcard', 'yealink', 'snom', 'fritzbox'].map((format) => ({
        format,
        entryCount: 3,
        generatedAt: '2026-03-02T08:00:00.000Z',
      })),
    );
    expect((await manager.get('/api/phonebook/status')).json()).toEqual(res.json());
    expect((await sales.get('/api/phonebook/status')).statusCode).toBe(403);
    const audited = await t.database.query(`SELECT 1 FROM audit_events WHERE action = 'phonebook.regenerated'`);
    expect(audited).toHaveLength(1);
  });

  it('serves the Yealink remote phonebook: national numbers, blocked marked, names escaped', async () => {
    const res = await download('yealink');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="telefonbuch-yealink.xml"');
    expect(res.body).toContain('Müller &amp; &lt;Söhne&gt; GmbH');
    const entries = xml.parse(res.body).YealinkIPPhoneDirectory.DirectoryEntry as Array<{
      Name: string;
      Telephone: unknown[];
    }>;
    expect(entries.map((e) => e.Name)).toEqual([
      'Abele, Anna (Müller & <Söhne> GmbH)',
      'Bauer, Bernd (gesperrt)',
      'Müller & <Söhne> GmbH',
    ]);
    // Primary first; abroad with 00; the company's fax is left out.
    expect(entries[0]!.Telephone.map(String)).toEqual(['01712345678', '0711258021', '004315321234']);
    expect(entries[2]!.Telephone.map(String)).toEqual(['071125800']);
  });

  it('serves the Fritz!Box phonebook with number types and priority', async () => {
    const res = await download('fritzbox');
    expect(res.statusCode).toBe(200);
    const book = xml.parse(res.body).phonebooks.phonebook;
    const anna = book.contact.find((c: { person: { realName: string } }) => c.person.realName.startsWith('Abele'));
    expect(anna.telephony.number).toEqual([
      { '#text': '01712345678', '@type': 'mobile', '@prio': '1', '@id': '0' },
      { '#text': '0711258021', '@type': 'work', '@prio': '0', '@id': '1' },
      { '#text': '004315321234', '@type': 'home', '@prio': '0', '@id': '2' },
    ]);
    expect(book.contact.map((c: { person: { realName: string } }) => c.person.realName)).toContain(
      'Bauer, Bernd (gesperrt)',
    );
  });

  it('serves a CSV with the columns of the 3CX contact import', async () => {
    const file = await download('3cx');
    expect(file.headers['content-disposition']).toBe('attachment; filename="telefonbuch-3cx.csv"');
    const lines = file.body.trim().split('\r\n');
    expect(lines[0]).toBe(
      'FirstName,LastName,Company,Mobile,Mobile2,Home,Home2,Business,Business2,Email,Other,BusinessFax,HomeFax,Pager',
    );
    expect(lines.find((l) => l.startsWith('Anna,'))).toBe(
      'Anna,Abele,Müller & <Söhne> GmbH,+491712345678,,+4315321234,,+49711258021,,,,,,',
    );
    expect(lines.find((l) => l.startsWith('Bernd,'))).toBe('Bernd,Bauer (gesperrt),,+491609876543,,,,,,,,,,');
  });

  it('serves the Snom directory (tbook) with one item per number, each with its own index', async () => {
    const file = await download('snom');
    expect(file.headers['content-type']).toBe('text/xml; charset=utf-8');
    const book = xml.parse(file.body).tbook;
    expect(book['@complete']).toBe('true');
    const items = book.item as Array<{ '@index': string; name: string; number: string[] }>;
    expect(items.map((i) => i['@index'])).toEqual(items.map((_, i) => String(i)));
    expect(items.filter((i) => i.name.startsWith('Abele')).flatMap((i) => i.number)).toEqual(
      expect.arrayContaining(['01712345678', '0711258021', '004315321234']),
    );
  });

  it('writes numbers nationally or internationally as the admin chooses per export', async () => {
    const status = (await admin.get('/api/phonebook/status')).json();
    expect(status.numberFormats).toContainEqual({ format: 'yealink', numberFormat: 'national' });
    expect((await manager.put('/api/phonebook/yealink/settings', { numberFormat: 'international' })).statusCode).toBe(
      403,
    );
    const bad = await admin.put('/api/phonebook/yealink/settings', { numberFormat: 'e164' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('numberFormat');

    const changed = await admin.put('/api/phonebook/yealink/settings', { numberFormat: 'international' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().numberFormats).toContainEqual({ format: 'yealink', numberFormat: 'international' });
    const entries = xml.parse((await download('yealink')).body).YealinkIPPhoneDirectory.DirectoryEntry as Array<{
      Telephone: string[];
    }>;
    expect(entries.flatMap((e) => e.Telephone)).toContain('+491712345678');
    // The other exports keep theirs.
    expect((await download('fritzbox')).body).toContain('>01712345678<');

    await admin.put('/api/phonebook/yealink/settings', { numberFormat: 'national' });
    expect((await download('yealink')).body).toContain('<Telephone>01712345678</Telephone>');
  });

  it('serves CSV and vCard 3.0 with E.164 numbers', async () => {
    const csv = await download('csv');
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe('Name;Vorname;Nachname;Firma;Kundennummer;Festnetz;Mobil;Geschäftlich;Weitere;Gesperrt');
    expect(lines).toHaveLength(4);
    expect(lines.find((l) => l.startsWith('Bauer'))).toMatch(
      /^Bauer, Bernd \(gesperrt\);Bernd;Bauer;;[A-Z]+-\d+;;\+491609876543;;;ja$/,
    );

    const vcf = await download('vcard');
    expect(vcf.headers['content-type']).toBe('text/vcard; charset=utf-8');
    expect(vcf.headers['content-disposition']).toBe('attachment; filename="telefonbuch.vcf"');
    const cards = vcf.body.split('END:VCARD\r\n').filter(Boolean);
    expect(cards).toHaveLength(3);
    const anna = cards.find((c) => c.includes('FN:Abele'))!;
    expect(anna).toContain('VERSION:3.0\r\n');
    expect(anna).toContain('N:Abele;Anna;;;\r\n');
    expect(anna).toContain('TEL;TYPE=CELL,VOICE,PREF:+491712345678\r\n');
    expect(anna).toContain('ORG:Müller & <Söhne> GmbH\r\n');
    expect(cards.find((c) => c.includes('Bauer'))).toContain('N:Bauer;Bernd;;;(gesperrt)\r\n');
  });

  it('admits an API key of scope phonebook (also as the password of HTTP Basic, as desk phones send it) and admins', async () => {
    const basic = `Basic ${Buffer.from(`yealink:${phonebookKey}`).toString('base64')}`;
    expect((await download('yealink', { authorization: basic })).statusCode).toBe(200);
    expect((await download('csv', { 'x-api-key': phonebookKey })).statusCode).toBe(200);
    expect((await download('csv', { authorization: `Bearer ${telephonyKey}` })).statusCode).toBe(403);
    expect((await download('csv', {})).statusCode).toBe(401);
    expect((await sales.get('/api/phonebook/csv')).statusCode).toBe(403);
    expect((await manager.get('/api/phonebook/csv')).statusCode).toBe(403);
    const mine = await admin.get('/api/phonebook/csv');
    expect(mine.statusCode).toBe(200);
    const bad = await admin.get('/api/phonebook/pdf');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('format');
    // A person taking the customer list home is recorded; the phones polling every hour are not.
    const downloads = await t.database.query(`SELECT 1 FROM audit_events WHERE action = 'phonebook.downloaded'`);
    expect(downloads).toHaveLength(1);
  });

  it('writes names a spreadsheet would run as formulas as text, and phone numbers as they are', async () => {
    await admin.post('/api/contacts', {
      ...personInput(t.location.id),
      firstName: '+1+HYPERLINK("https://evil.example","Rechnung")',
      lastName: '-1+HYPERLINK("https://evil.example","Rechnung")',
      phones: [
        { kind: 'mobile', number: '0171 1234567', isPrimary: true },
        { kind: 'mobile', number: '0172 7654321' },
        { kind: 'landline', number: '+43 1 5329999' },
        { kind: 'landline', number: '089 123456' },
      ],
    });
    expect((await admin.post('/api/phonebook/regenerate')).statusCode).toBe(200);
    const line = (await download('csv')).body.split('\r\n').find((l) => l.includes('evil.example'))!;
    expect(line.startsWith(`"'-1+HYPERLINK(""https://evil.example"",""Rechnung""), `)).toBe(true);
    expect(line).toContain(`;"'+1+HYPERLINK(""https://evil.example"",""Rechnung"")";`);
    expect(line).toContain(`;"'-1+HYPERLINK(""https://evil.example"",""Rechnung"")";`);
    expect(line).toMatch(/;\+4315329999;\+491711234567;;\+491727654321 \+4989123456;nein$/);
  });

  it('is rebuilt once a night by the scheduled job', async () => {
    const generatedAt = async () =>
      (
        await t.database.query<{ generated_at: Date }>(
          `SELECT generated_at FROM phonebook_snapshots WHERE format = 'csv'`,
        )
      ).map((r) => new Date(r.generated_at).toISOString())[0];
    await admin.post('/api/contacts', { ...personInput(t.location.id), lastName: 'Neukunde' });
    t.clock.set('2026-03-03T01:00:00Z'); // 02:00 in Berlin: plans tonight's run
    await t.services.jobs.worker.runDue();
    expect(await generatedAt()).toBe('2026-03-02T08:00:00.000Z');
    t.clock.set('2026-03-03T01:30:00Z');
    await t.services.jobs.worker.runDue();
    expect(await generatedAt()).toBe('2026-03-03T01:30:00.000Z');
    expect((await download('csv')).body).toContain('Neukunde');
    t.clock.set('2026-03-03T12:00:00Z');
    await t.services.jobs.worker.runDue();
    expect(await generatedAt()).toBe('2026-03-03T01:30:00.000Z');
    t.clock.set('2026-03-04T01:30:00Z');
    await t.services.jobs.worker.runDue();
    expect(await generatedAt()).toBe('2026-03-04T01:30:00.000Z');
  }, 60_000);
});
