import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '@test/support/app';
import { personInput } from '@server/modules/contacts/test-factories';
import { pdfText } from '@server/modules/documents/pdf-text';
import { formatEuro } from '@shared/sales/format';
import { figuresOf, offerContent, salesRecords } from './test-factory';

type User = TestClient & { userId: string; email: string };
let t: TestApp;
let admin: User;
let sales: User;
let records: Awaited<ReturnType<typeof salesRecords>>;

const LETTERHEAD = {
  companyName: 'Autohaus Müller & Söhne GmbH',
  street: 'Landsberger Straße 300',
  postalCode: '80687',
  city: 'München',
  phone: '+49 89 5544330',
  email: 'verkauf@mueller-soehne.example',
  web: 'www.mueller-soehne.example',
  registerCourt: 'Amtsgericht München',
  registerNumber: 'HRB 12345',
  vatId: 'DE123456789',
  managingDirectors: 'Jürgen Müller, Grete Weiß',
  bankName: 'Stadtsparkasse München',
  iban: 'DE89 3704 0044 0532 0130 00',
  bic: 'SSKMDEMMXXX',
};

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.userWithRole('admin');
  sales = await t.userWithRole('sales');
  expect((await admin.put(`/api/letterheads/${t.location.id}`, LETTERHEAD)).statusCode).toBe(200);
  const contact = await admin.post(
    '/api/contacts',
    personInput(t.location.id, {
      salutation: 'ms',
      firstName: 'Käthe',
      lastName: 'Größmann',
      addresses: [{ kind: 'home', street: 'Schäftlarnstraße 12', postalCode: '81371', city: 'München' }],
    }),
  );
  expect(contact.statusCode).toBe(201);
  records = await salesRecords(t.database.db, {
    locationId: t.location.id,
    ownerId: sales.userId,
    contactId: contact.json().id,
  });
}, 60_000);
afterAll(() => t.close());

async function download(client: TestClient, id: string) {
  const res = await client.get(`/api/documents/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  expect(res.headers['content-disposition']).toMatch(/^attachment;/);
  return res.rawPayload;
}

/** Keeps the rendered file for a look when DOCUMENTS_OUT names a folder. */
function keep(name: string, pdf: Buffer) {
  if (process.env.DOCUMENTS_OUT) writeFileSync(`${process.env.DOCUMENTS_OUT}/${name}.pdf`, pdf);
}

describe('the offer PDF', () => {
  it('prints the customer, the car, every amount German-formatted and the letterhead', async () => {
    const res = await sales.post(`/api/offers/${records.offer.id}/pdf`);
    expect(res.statusCode, res.body).toBe(200);
    const meta = res.json();
    expect(meta).toMatchObject({ kind: 'offer', contentType: 'application/pdf' });
    expect(meta.fileName).toBe(`Angebot ${records.opportunity.number}/2.pdf`);
    const pdf = await download(sales, meta.id);
    keep('offer', pdf);
    const { text } = await pdfText(pdf);
    const figures = figuresOf(offerContent());

    // The customer, the consultant, the car with its VIN.
    expect(text).toContain('Frau');
    expect(text).toContain('Käthe Größmann');
    expect(text).toContain('Schäftlarnstraße 12');
    expect(text).toContain('Sehr geehrte Frau Größmann,');
    expect(text).toContain(`Angebot Nr. ${records.opportunity.number}/2`);
    expect(text).toContain('Volkswagen Tiguan Elegance 2.0 TDI DSG');
    expect(text).toContain('FIN: WVGZZZ5NZPW012345');
    // Amounts as a German reads them, with € surviving extraction.
    expect(text).toContain('42.990,00 €');
    expect(text).toContain('Winterkompletträder 18"');
    expect(text).toContain('-2.500,00 €');
    expect(text).toContain(formatEuro(figures.grossCents));
    expect(text).toContain(formatEuro(figures.netCents));
    expect(text).toContain(formatEuro(figures.vatCents));
    expect(text).toContain('-8.500,00 €');
    expect(text).toContain(formatEuro(figures.payableCents));
    // Financing with the PAngV wording, leasing and insurance.
    expect(text).toContain('Effektiver Jahreszins');
    expect(text).toContain('4,06 %');
    expect(text).toContain('3,99 %');
    expect(text).toContain(formatEuro(figures.loan!.monthlyRateCents));
    expect(text).toContain(formatEuro(figures.loan!.totalCostCents));
    expect(text).toContain('repräsentative Beispiel gemäß § 17 Abs. 4 PAngV');
    expect(text).toContain('15.000 km');
    expect(text).toContain('449,00 €');
    expect(text).toContain('Allianz Versicherungs-AG');
    expect(text).toContain('843,50 €');
    // Dates in German, the remarks verbatim.
    expect(text).toContain('03.12.2026');
    expect(text).toContain('31.12.2026');
    expect(text).toContain('Kunde wünscht Auslieferung vor Ostern; Anhängerkupplung wird nachgerüstet.');
    // The letterhead: sender, register, VAT id, bank, directors; page numbers.
    expect(text).toContain('Autohaus Müller & Söhne GmbH');
    expect(text).toContain('Amtsgericht München');
    expect(text).toContain('HRB 12345');
    expect(text).toContain('USt-IdNr.: DE123456789');
    expect(text).toContain('IBAN: DE89 3704 0044 0532 0130 00');
    expect(text).toContain('BIC: SSKMDEMMXXX');
    expect(text).toContain('Jürgen Müller, Grete Weiß');
    expect(text).toMatch(/Seite 1 von \d/);
  });

  it('renders byte for byte the same again and keeps the one stored copy', async () => {
    const first = (await sales.post(`/api/offers/${records.offer.id}/pdf`)).json();
    const second = (await sales.post(`/api/offers/${records.offer.id}/pdf`)).json();
    expect(second.sha256).toBe(first.sha256);
    expect(second.id).toBe(first.id);
    const manager = await t.userWithRole('manager');
    const pdf = await download(manager, first.id);
    expect(pdf.length).toBe(first.size);
  });

  it('repeats the footer with "Seite x von y" when the offer runs over pages', async () => {
    const contact = await admin.post('/api/contacts', personInput(t.location.id));
    const lines = Array.from({ length: 40 }, (_, i) => ({
      kind: 'accessory' as const,
      label: `Zubehörteil Nr. ${i + 1}`,
      priceCents: 1_000 + i,
    }));
    const many = await salesRecords(t.database.db, {
      locationId: t.location.id,
      ownerId: sales.userId,
      contactId: contact.json().id,
      content: offerContent({ lines }),
    });
    const meta = (await sales.post(`/api/offers/${many.offer.id}/pdf`)).json();
    const pdf = await download(sales, meta.id);
    keep('offer-long', pdf);
    const { pages } = await pdfText(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    pages.forEach((page, i) => {
      expect(page).toContain(`Seite ${i + 1} von ${pages.length}`);
      expect(page).toContain('USt-IdNr.: DE123456789');
    });
    expect(pages.join(' ')).toContain('Zubehörteil Nr. 40');
  });
});

describe('the test-drive agreement', () => {
  it('names the driver, the licence check, the car and the clauses, with signature lines', async () => {
    const res = await sales.post(`/api/test-drives/${records.testDrive.id}/agreement`);
    expect(res.statusCode, res.body).toBe(200);
    const pdf = await download(sales, res.json().id);
    keep('test-drive', pdf);
    const { text } = await pdfText(pdf);
    expect(text).toContain('Probefahrtvereinbarung');
    expect(text).toContain('Käthe Größmann');
    expect(text).toContain('B072RRE2I55');
    expect(text).toContain('Landratsamt München');
    expect(text).toContain('05.12.2026, 14:20 Uhr');
    expect(text).toContain(records.car.plate);
    expect(text).toContain('WVWZZZE2ZPP054321');
    expect(text).toContain('05.12.2026, 14:30 bis 15:30 Uhr');
    expect(text).toContain('4.312 km');
    expect(text).toContain('grob fahrlässig');
    expect(text).toContain('Selbstbeteiligung');
    expect(text).toContain('1.000,00 €');
    expect(text).toContain('Bußgelder');
    expect(text).toContain('Tankfüllstand');
    expect(text).toContain('DSGVO');
    expect(text).toContain('Fahrer: Käthe Größmann');
    expect(text).toContain('Für das Autohaus');
    const again = (await sales.post(`/api/test-drives/${records.testDrive.id}/agreement`)).json();
    expect(again.sha256).toBe(res.json().sha256);
  });
});

describe('the purchase order', () => {
  it('prints the parties, the price as offered, the financing reference and the terms', async () => {
    const res = await sales.post(`/api/purchase-orders/${records.order.id}/pdf`);
    expect(res.statusCode, res.body).toBe(200);
    const pdf = await download(sales, res.json().id);
    keep('purchase-order', pdf);
    const { text } = await pdfText(pdf);
    const figures = figuresOf(offerContent());
    expect(text).toContain(`Verbindliche Bestellung Nr. ${records.order.number}`);
    expect(text).toContain('Verkäufer');
    expect(text).toContain('Käufer');
    expect(text).toContain('Käthe Größmann');
    expect(text).toContain('10.12.2026');
    expect(text).toContain(formatEuro(figures.payableCents));
    expect(text).toContain('-8.500,00 €');
    expect(text).toContain(`gemäß Angebot ${records.opportunity.number}/2`);
    expect(text).toContain('Allgemeinen Geschäftsbedingungen');
    expect(text).toContain('wird gesondert vereinbart');
    expect(text).toContain('Käufer: Käthe Größmann');
    const again = (await sales.post(`/api/purchase-orders/${records.order.id}/pdf`)).json();
    expect(again.sha256).toBe(res.json().sha256);
  });
});

describe('who may render and download', () => {
  it('refuses staff of another location and service staff, and answers 404 for an unknown record', async () => {
    const other = await t.services.org.createLocation(null, {
      ...(await import('@test/support/app')).testLocation({ name: 'Autohaus Ulm', code: 'ULX', city: 'Ulm' }),
    });
    const elsewhere = await t.userWithRole('sales', { locationId: other.id });
    expect((await elsewhere.post(`/api/offers/${records.offer.id}/pdf`)).statusCode).toBe(403);
    const doc = (await sales.post(`/api/offers/${records.offer.id}/pdf`)).json();
    expect((await elsewhere.get(`/api/documents/${doc.id}`)).statusCode).toBe(403);
    const service = await t.userWithRole('service');
    expect((await service.get(`/api/documents/${doc.id}`)).statusCode).toBe(403);
    expect((await service.post(`/api/offers/${records.offer.id}/pdf`)).statusCode).toBe(403);
    expect((await sales.post('/api/offers/00000000-0000-4000-8000-000000000000/pdf')).statusCode).toBe(404);
    expect((await sales.get('/api/documents/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});
