import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '@server/lib/clock';
import { createTestApp, type TestApp, type TestClient, testLocation } from '@test/support/app';
import { multipart } from '@server/modules/imports/test-support';
import { createContact } from '@server/modules/vehicles/test-factories';
import { markOfferSentIn } from '@server/modules/sales';
import { offers as offerTable, opportunities } from '../tables';
import { insertOpportunity, offerContent, tinyPdf } from './test-support';

type User = TestClient & { userId: string; email: string };
let t: TestApp;
let sales: User;
let reception: User;
let service: User;
let elsewhere: User;

beforeAll(async () => {
  // Monday 23:30 UTC: already Tuesday in Berlin, which is the day an offer's validity counts from.
  t = await createTestApp({ clock: new ManualClock('2026-03-02T23:30:00Z') });
  sales = await t.userWithRole('sales');
  reception = await t.userWithRole('reception');
  service = await t.userWithRole('service');
  const ulm = await t.services.org.createLocation(
    null,
    testLocation({ name: 'Autohaus Ulm', code: 'ULM', city: 'Ulm' }),
  );
  elsewhere = await t.userWithRole('manager', { locationId: ulm.id });
});
afterAll(() => t.close());

async function opportunity(status: 'open' | 'won' | 'lost' = 'open') {
  const contact = await createContact(t, sales, 'Krämer');
  return insertOpportunity(t, { contactId: contact.id, ownerId: sales.userId, status });
}

const create = (client: TestClient, opportunityId: string, body: Record<string, unknown>) =>
  client.post(`/api/opportunities/${opportunityId}/offers`, body);

const fieldsOf = (res: { json(): { errors?: Array<{ field: string; code: string }> } }) =>
  (res.json().errors ?? []).map((e) => `${e.field}:${e.code}`);

describe('an offer version', () => {
  it('stores its totals to the cent, valid for 14 days in Berlin, and shows on the timeline', async () => {
    const opp = await opportunity();
    // Monday 2026-03-02 23:30 UTC is already Tuesday 3 March in Berlin: valid until 17 March.
    const res = await create(sales, opp.id, {
      content: offerContent({
        lines: [
          { kind: 'option', label: 'Panoramadach', priceCents: 119_001 },
          { kind: 'transfer', label: 'Überführung', priceCents: 99_000 },
          { kind: 'registration', label: 'Zulassung', priceCents: 17_999 },
        ],
        discountCents: 150_001,
        tradeIn: { make: 'Kia', model: 'Ceed', appraisedValueCents: 650_000 },
        financing: { downPaymentCents: 500_000, termMonths: 48, nominalRateBasisPoints: 499, balloonCents: 0 },
        insurance: { insurer: 'HUK-Coburg', type: 'comprehensive', annualPremiumCents: 84_990 },
      }),
    });
    expect(res.statusCode, res.body).toBe(201);
    // 35,990.00 + 1,190.01 + 990.00 + 179.99 − 1,500.01 = 36,849.99 €; net 30,966.378… → 30,966.38; VAT 5,883.61.
    // Payable 36,849.99 − 6,500 = 30,349.99; financed 25,349.99 € at 4.99 % over 48 months → 583.68 € a month.
    expect(res.json()).toMatchObject({
      version: 1,
      status: 'draft',
      grossCents: 3_684_999,
      netCents: 3_096_638,
      vatCents: 588_361,
      payableCents: 3_034_999,
      monthlyRateCents: 58_368,
      validUntil: '2026-03-17',
      figures: {
        loan: { financedCents: 2_534_999, effectiveRateBasisPoints: 511 },
        insurance: { annualPremiumCents: 84_990 },
      },
    });
    const [row] = await t.database.db.select().from(offerTable).where(eq(offerTable.id, res.json().id));
    expect([row!.netCents, row!.vatCents, row!.grossCents, row!.payableCents, row!.monthlyRateCents]).toEqual([
      3_096_638, 588_361, 3_684_999, 3_034_999, 58_368,
    ]);
    const timeline = (await sales.get(`/api/contacts/${opp.contactId}/timeline`)).json();
    expect(timeline.items[0]).toMatchObject({
      kind: 'offer',
      summary: `Angebot ${opp.number}/1 erstellt: 36.849,99 €`,
    });
  });

  it('numbers each new version and supersedes the one before, keeping every version', async () => {
    const opp = await opportunity();
    const first = (await create(sales, opp.id, { content: offerContent() })).json();
    const second = (await create(sales, opp.id, { content: offerContent({ discountCents: 100_000 }) })).json();
    expect(second.version).toBe(2);
    const list = (await sales.get(`/api/opportunities/${opp.id}/offers`)).json();
    expect(list.closed).toBe(false);
    expect(
      list.items.map((o: { version: number; status: string; grossCents: number }) => [
        o.version,
        o.status,
        o.grossCents,
      ]),
    ).toEqual([
      [2, 'draft', 3_499_000],
      [1, 'superseded', 3_599_000],
    ]);
    const accept = await sales.post(`/api/offers/${first.id}/accept`);
    expect(accept.statusCode).toBe(409);
    expect(accept.json().detail).toContain('superseded');
  });

  it('refuses a discount above the price and a financing term out of range, naming the field', async () => {
    const opp = await opportunity();
    const discount = await create(sales, opp.id, {
      content: offerContent({
        lines: [{ kind: 'accessory', label: 'Matten', priceCents: 9_900 }],
        discountCents: 3_609_000,
      }),
    });
    expect(discount.statusCode).toBe(400);
    expect(discount.json().errors).toEqual([
      expect.objectContaining({
        field: 'content.discountCents',
        code: 'discount_exceeds_price',
        params: { maxCents: 3_608_900 },
      }),
    ]);
    const term = await create(sales, opp.id, {
      content: offerContent({
        financing: { downPaymentCents: 0, termMonths: 240, nominalRateBasisPoints: 399, balloonCents: 0 },
      }),
    });
    expect(term.statusCode).toBe(400);
    expect(fieldsOf(term)).toEqual(['content.financing.termMonths:too_many']);
    const balloon = await create(sales, opp.id, {
      content: offerContent({
        financing: { downPaymentCents: 0, termMonths: 36, nominalRateBasisPoints: 399, balloonCents: 3_599_000 },
      }),
    });
    expect(fieldsOf(balloon)).toEqual(['content.financing.balloonCents:balloon_exceeds_financed']);
    expect((await sales.get(`/api/opportunities/${opp.id}/offers`)).json().items).toEqual([]);
  });
});

describe("the customer's decision", () => {
  it('accepts one version, after which no further version is made', async () => {
    const opp = await opportunity();
    const offer = (await create(sales, opp.id, { content: offerContent() })).json();
    const res = await sales.post(`/api/offers/${offer.id}/accept`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'accepted', decidedAt: expect.any(String) });
    const again = await create(sales, opp.id, { content: offerContent() });
    expect(again.statusCode).toBe(409);
    const timeline = (await sales.get(`/api/contacts/${opp.contactId}/timeline`)).json();
    expect(timeline.items[0].summary).toBe(`Angebot ${opp.number}/1 angenommen`);
  });

  it("keeps the customer's reason for turning an offer down as they said it", async () => {
    const opp = await opportunity();
    const offer = (await create(sales, opp.id, { content: offerContent() })).json();
    const reason = '  Zu teuer – beim Händler in Ulm 2.000 € günstiger!  ';
    const res = await sales.post(`/api/offers/${offer.id}/reject`, { reason });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'rejected', rejectionReason: reason.trim() });
    const timeline = (await sales.get(`/api/contacts/${opp.contactId}/timeline`)).json();
    expect(timeline.items[0].summary).toBe(`Angebot ${opp.number}/1 abgelehnt: ${reason.trim()}`);
    expect((await sales.post(`/api/offers/${offer.id}/accept`)).statusCode).toBe(409);
  });

  it('moves the opportunity to "offer" when the offer is sent', async () => {
    const opp = await opportunity();
    const offer = (await create(sales, opp.id, { content: offerContent() })).json();
    await t.database.db.transaction((tx) => markOfferSentIn(tx, offer.id, sales.userId, t.clock.now()));
    const [row] = await t.database.db.select().from(opportunities).where(eq(opportunities.id, opp.id));
    expect(row!.stage).toBe('offer');
    expect((await sales.get(`/api/offers/${offer.id}`)).json()).toMatchObject({
      status: 'sent',
      sentAt: expect.any(String),
    });
  });

  it("leaves a closed opportunity's offers as they are", async () => {
    const opp = await opportunity();
    const offer = (await create(sales, opp.id, { content: offerContent() })).json();
    await t.database.db
      .update(opportunities)
      .set({ status: 'lost', lostReason: 'price' })
      .where(eq(opportunities.id, opp.id));
    const again = await create(sales, opp.id, { content: offerContent() });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toContain('lost');
    expect((await sales.post(`/api/offers/${offer.id}/accept`)).statusCode).toBe(409);
    expect((await sales.post(`/api/offers/${offer.id}/reject`, { reason: 'egal' })).statusCode).toBe(409);
    expect((await sales.get(`/api/opportunities/${opp.id}/offers`)).json().closed).toBe(true);
  });
});

describe("a brand tool's offer", () => {
  const uploadTo = (
    client: TestClient,
    opportunityId: string,
    fields: Record<string, string>,
    file: Buffer,
    name = 'angebot.pdf',
  ) =>
    client.request({
      method: 'POST',
      url: `/api/opportunities/${opportunityId}/offers/external`,
      ...multipart(fields, { name, content: file, type: 'application/pdf' }),
    });

  it('is stored as a new version with the PDF, byte for byte, and what the user typed off it', async () => {
    const opp = await opportunity();
    await create(sales, opp.id, { content: offerContent() });
    const pdf = tinyPdf();
    const res = await uploadTo(
      sales,
      opp.id,
      { tool: 'hyundai_hsa', grossCents: '3450000', monthlyRateCents: '39900', validUntil: '2026-05-01' },
      pdf,
      'HSA Angebot Krämer.pdf',
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      version: 2,
      externalTool: 'hyundai_hsa',
      grossCents: 3_450_000,
      monthlyRateCents: 39_900,
      validUntil: '2026-05-01',
      externalFileName: 'HSA Angebot Krämer.pdf',
      content: null,
    });
    const download = await reception.get(`/api/offers/${res.json().id}/external-pdf`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.rawPayload.equals(pdf)).toBe(true);
    expect((await elsewhere.get(`/api/offers/${res.json().id}/external-pdf`)).statusCode).toBe(403);
    const timeline = (await sales.get(`/api/contacts/${opp.contactId}/timeline`)).json();
    expect(timeline.items[0].summary).toBe(`Angebot ${opp.number}/2 erstellt: 34.500,00 €`);
  });

  it('refuses a file that is not a PDF whatever it is called, and an unknown tool', async () => {
    const opp = await opportunity();
    const fake = await uploadTo(sales, opp.id, { tool: 'opel_owb' }, Buffer.from('Sehr geehrter Herr Krämer, …'));
    expect(fake.statusCode).toBe(415);
    expect(fake.json().errors[0]).toMatchObject({ field: 'file', code: 'file_content_mismatch' });
    const tool = await uploadTo(sales, opp.id, { tool: 'excel' }, tinyPdf());
    expect(tool.statusCode).toBe(400);
    expect(tool.json().errors[0].field).toBe('tool');
    expect((await sales.get(`/api/opportunities/${opp.id}/offers`)).json().items).toEqual([]);
  });
});

describe('who works with offers', () => {
  it('lets the location read them, only sales and managers write them, and nobody from elsewhere', async () => {
    const opp = await opportunity();
    const offer = (await create(sales, opp.id, { content: offerContent() })).json();
    expect((await reception.get(`/api/opportunities/${opp.id}/offers`)).statusCode).toBe(200);
    expect((await service.get(`/api/offers/${offer.id}`)).statusCode).toBe(200);
    expect((await reception.post(`/api/offers/${offer.id}/accept`)).statusCode).toBe(403);
    expect((await create(service, opp.id, { content: offerContent() })).statusCode).toBe(403);
    expect((await elsewhere.get(`/api/opportunities/${opp.id}/offers`)).statusCode).toBe(403);
    expect((await create(elsewhere, opp.id, { content: offerContent() })).statusCode).toBe(403);
    expect((await elsewhere.post(`/api/offers/${offer.id}/reject`, { reason: 'x' })).statusCode).toBe(403);
  });
});
