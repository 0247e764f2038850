import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '@server/lib/clock';
import { personInput } from '@server/modules/contacts/test-factories';
import { insertOpportunity, insertStageChange } from '@server/modules/sales/orders/test-factory';
import { createTestApp, type TestApp, type TestClient, testLocation } from '../../../../test/support/app';

let t: TestApp;
let admin: TestClient;
let manager: TestClient;
let s1: TestClient & { userId: string };
let s2: TestClient & { userId: string };
let ulmId: string;

const MARCH = 'from=2026-03-01&to=2026-03-31';
const at = (day: string) => new Date(`2026-${day}T10:00:00Z`);

/** An opportunity opened on `created`, moved through `steps` (stage → day) and optionally lost. */
async function opportunity(o: {
  owner: { userId: string };
  locationId: string;
  contactId: string;
  created: string;
  source?: string | null;
  steps?: Array<[string, string]>;
  stage?: string;
  status?: string;
  value?: number;
  lost?: { reason: string; brand?: string; on: string };
}) {
  const row = await insertOpportunity(t.database.db, {
    contactId: o.contactId,
    ownerId: o.owner.userId,
    locationId: o.locationId,
    source: o.source ?? null,
    stage: (o.stage ?? 'new') as never,
    status: (o.status ?? (o.lost ? 'lost' : 'open')) as never,
    expectedValueCents: o.value ?? null,
    lostReason: o.lost?.reason ?? null,
    lostToBrand: o.lost?.brand ?? null,
    createdAt: at(o.created),
  });
  let from = 'new';
  for (const [stage, day] of o.steps ?? []) {
    await insertStageChange(t.database.db, { opportunityId: row.id, at: at(day), fromStage: from, toStage: stage });
    from = stage;
  }
  if (o.lost) await t.database.query('update opportunities set closed_at = $1 where id = $2', [at(o.lost.on), row.id]);
  return row;
}

beforeAll(async () => {
  t = await createTestApp({ clock: new ManualClock('2026-04-01T08:00:00Z') });
  admin = await t.userWithRole('admin');
  manager = await t.userWithRole('manager');
  s1 = await t.userWithRole('sales');
  s2 = await t.userWithRole('sales');
  const ulm = await t.services.org.createLocation(null, testLocation({ name: 'Autohaus Test Ulm', code: 'ULM' }));
  ulmId = ulm.id;
  const s3 = await t.userWithRole('sales', { locationId: ulmId });
  const here = t.location.id;
  const contact = ((await admin.post('/api/contacts', personInput(here))).json() as { id: string }).id;
  const there = ((await admin.post('/api/contacts', personInput(ulmId))).json() as { id: string }).id;

  // Delivered within March.
  await opportunity({
    owner: s1,
    locationId: here,
    contactId: contact,
    created: '03-02',
    source: 'web',
    steps: [
      ['test_drive', '03-05'],
      ['offer', '03-07'],
      ['contract', '03-10'],
      ['delivered', '03-20'],
    ],
    stage: 'delivered',
    status: 'won',
  });
  // Offer out, still open.
  await opportunity({
    owner: s1,
    locationId: here,
    contactId: contact,
    created: '03-03',
    source: 'web',
    steps: [
      ['test_drive', '03-06'],
      ['offer', '03-09'],
    ],
    stage: 'offer',
    value: 3_000_000,
  });
  // Test drive, then bought a BMW.
  await opportunity({
    owner: s2,
    locationId: here,
    contactId: contact,
    created: '03-04',
    source: 'walk_in',
    steps: [['test_drive', '03-08']],
    stage: 'test_drive',
    lost: { reason: 'bought_elsewhere', brand: 'BMW', on: '03-15' },
  });
  // New, no source.
  await opportunity({ owner: s2, locationId: here, contactId: contact, created: '03-05', value: 2_000_000 });
  // Opened in February: in the open pipeline, not a March lead.
  await opportunity({
    owner: s1,
    locationId: here,
    contactId: contact,
    created: '02-10',
    stage: 'contacted',
    value: 1_000_000,
  });
  // Ulm, lost on price; its source is a spreadsheet formula.
  await opportunity({
    owner: s3,
    locationId: ulmId,
    contactId: there,
    created: '03-05',
    source: '=HYPERLINK("http://evil")',
    lost: { reason: 'price', on: '03-10' },
  });
});
afterAll(() => t.close());

const counts = (report: { steps: Array<{ step: string; count: number }> }) =>
  Object.fromEntries(report.steps.map((s) => [s.step, s.count]));

describe('the sales funnel report', () => {
  it('counts each step in the period with conversion rates, lost reasons with brand and the open pipeline', async () => {
    const res = await admin.get(`/api/reports/sales-funnel?${MARCH}`);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(counts(report)).toEqual({ lead: 5, test_drive: 3, offer: 2, contract: 1, delivered: 1 });
    expect(report.steps.map((s: { rateFromPrevious: number | null }) => s.rateFromPrevious)).toEqual([
      null,
      60,
      66.7,
      50,
      100,
    ]);
    expect(report.steps.map((s: { rateFromLeads: number | null }) => s.rateFromLeads)).toEqual([null, 60, 40, 20, 20]);
    expect(report.lost).toEqual([
      { reason: 'bought_elsewhere', brand: 'BMW', count: 1 },
      { reason: 'price', brand: null, count: 1 },
    ]);
    const pipeline = Object.fromEntries(
      report.pipeline.map((p: { stage: string; count: number; valueCents: number }) => [
        p.stage,
        [p.count, p.valueCents],
      ]),
    );
    expect(pipeline).toEqual({ offer: [1, 3_000_000], new: [1, 2_000_000], contacted: [1, 1_000_000] });
  });

  it('splits the funnel per source, consultant and location', async () => {
    const report = (await admin.get(`/api/reports/sales-funnel?${MARCH}`)).json();
    const bySource = Object.fromEntries(
      report.bySource.map((r: { key: string | null; counts: object }) => [r.key ?? '(none)', r.counts]),
    );
    expect(bySource).toEqual({
      web: { lead: 2, test_drive: 2, offer: 2, contract: 1, delivered: 1 },
      walk_in: { lead: 1, test_drive: 1, offer: 0, contract: 0, delivered: 0 },
      '(none)': { lead: 1, test_drive: 0, offer: 0, contract: 0, delivered: 0 },
      '=HYPERLINK("http://evil")': { lead: 1, test_drive: 0, offer: 0, contract: 0, delivered: 0 },
    });
    const first = report.byConsultant.find((r: { key: string }) => r.key === s1.userId);
    expect(first).toMatchObject({ counts: { lead: 2, contract: 1 }, contractRate: 50 });
    expect(first.label).not.toBe(s1.userId);
    const byLocation = report.byLocation.map((r: { label: string; counts: { lead: number } }) => [
      r.label,
      r.counts.lead,
    ]);
    expect(byLocation).toContainEqual(['Autohaus Test Ulm', 1]);
    expect(byLocation[0][1]).toBe(4);
  });

  it('filters by location, consultant and source', async () => {
    const here = (await admin.get(`/api/reports/sales-funnel?${MARCH}&locationId=${t.location.id}`)).json();
    expect(counts(here)).toEqual({ lead: 4, test_drive: 3, offer: 2, contract: 1, delivered: 1 });
    expect(here.lost).toEqual([{ reason: 'bought_elsewhere', brand: 'BMW', count: 1 }]);

    const mine = (await admin.get(`/api/reports/sales-funnel?${MARCH}&ownerId=${s1.userId}`)).json();
    expect(counts(mine)).toEqual({ lead: 2, test_drive: 2, offer: 2, contract: 1, delivered: 1 });
    expect(mine.pipeline.map((p: { stage: string }) => p.stage).sort()).toEqual(['contacted', 'offer']);

    const walkIns = (await admin.get(`/api/reports/sales-funnel?${MARCH}&source=walk_in`)).json();
    expect(counts(walkIns)).toEqual({ lead: 1, test_drive: 1, offer: 0, contract: 0, delivered: 0 });
    expect(walkIns.steps[2].rateFromPrevious).toBe(0);
  });

  it('shows consultants and managers only their own locations, and refuses another one', async () => {
    for (const who of [s1, manager]) {
      const own = (await who.get(`/api/reports/sales-funnel?${MARCH}`)).json();
      expect(counts(own).lead).toBe(4);
      expect(own.byLocation).toHaveLength(1);
      const elsewhere = await who.get(`/api/reports/sales-funnel?${MARCH}&locationId=${ulmId}`);
      expect(elsewhere.statusCode).toBe(403);
    }
  });

  it('exports the funnel as CSV for Excel with formulas defused', async () => {
    const res = await admin.get(`/api/reports/sales-funnel.csv?${MARCH}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('verkaufstrichter_2026-03-01_2026-03-31.csv');
    const lines = res.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('Aufteilung;Wert;Leads;Probefahrten;Angebote;Verträge;Auslieferungen;Lead → Vertrag in %');
    expect(lines[1]).toBe('Gesamt;;5;3;2;1;1;20,0');
    expect(lines).toContain('Quelle / Kampagne;web;2;2;2;1;1;50,0');
    expect(res.body).toContain(`'=HYPERLINK`);
    expect(res.body).not.toMatch(/;=HYPERLINK/);
    expect(lines).toContain('woanders gekauft;BMW;1');
    expect(lines).toContain('Angebot;1;30000,00');
  });

  it('refuses an unknown location format with 400 naming the field', async () => {
    const res = await admin.get(`/api/reports/sales-funnel?${MARCH}&locationId=nope`);
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json())).toContain('locationId');
  });
});
