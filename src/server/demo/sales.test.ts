import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '@test/support/app';
import { OPPORTUNITY_STAGES } from '@shared/sales/enums';
import { offerFigures } from '@shared/sales/financing';
import type { OfferContent, OfferFigures } from '@shared/sales/offer-content';
import { ManualClock } from '../lib/clock';
import { seedDemoActivities } from './activities';
import { seedDemoCustomers } from './customers';
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemoOrganisation } from './org';
import { seedDemoRequests } from './requests';
import { seedDemoSales } from './sales';
import { germanIban } from './sales-data';

let t: TestApp;
let seconds: number;
const NOW = '2026-03-03T10:30:00Z'; // a Tuesday early in the month: deliveries must still fall in March

beforeAll(async () => {
  t = await createTestApp({ clock: new ManualClock(NOW) });
  await seedDemoOrganisation(t.services);
  await seedDemoCustomers(t.services, t.database, { count: 600, now: t.clock.now() });
  await seedDemoRequests(t.services, t.database, { now: t.clock.now() });
  await seedDemoActivities(t.services, t.database, { now: t.clock.now() });
  const started = performance.now();
  await seedDemoSales(t.services, t.database, { now: t.clock.now() });
  seconds = (performance.now() - started) / 1000;
}, 240_000);
afterAll(() => t.close());

const ibanValid = (iban: string) => {
  const moved = `${iban.slice(4)}${iban.slice(0, 4)}`.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  return [...moved].reduce((rest, d) => (rest * 10 + Number(d)) % 97, 0) === 1;
};

describe('demo sales', () => {
  it('shows the demo consultant a board with several cards in every open stage, some flagged without a next step', async () => {
    console.info(`seeded the sales demo in ${seconds.toFixed(1)} s`);
    const sales = await t.login(DEMO_LOGINS.sales, DEMO_PASSWORD);
    const [me] = await t.database.query<{ id: string; home_location_id: string }>(
      'SELECT id, home_location_id FROM users WHERE email = $1',
      [DEMO_LOGINS.sales],
    );
    const [locationId, userId] = [me!.home_location_id, me!.id];
    const board = await sales.get(`/api/opportunities/board?locationId=${locationId}&ownerId=${userId}`);
    expect(board.statusCode).toBe(200);
    const columns = board.json().columns as Array<{
      stage: string;
      count: number;
      items: Array<{ nextActivity: unknown }>;
    }>;
    for (const stage of OPPORTUNITY_STAGES.filter((s) => s !== 'delivered' && s !== 'contract')) {
      expect(columns.find((c) => c.stage === stage)?.count, stage).toBeGreaterThanOrEqual(3);
    }
    expect(columns.find((c) => c.stage === 'contract')?.count).toBeGreaterThanOrEqual(1);
    const cards = columns.flatMap((c) => c.items);
    expect(cards.filter((c) => c.nextActivity === null).length).toBeGreaterThanOrEqual(3);
    expect(cards.filter((c) => c.nextActivity !== null).length).toBeGreaterThan(cards.length / 2);
  });

  it('gives every consultant one car delivered this month, owned by a customer from the delivery date', async () => {
    const rows = await t.database.query<{ owner_id: string; delivered_at: Date; lifecycle: string; owned_from: Date }>(
      `SELECT o.owner_id, p.delivered_at, c.lifecycle, vc.valid_from AS owned_from
         FROM purchase_orders p JOIN opportunities o ON o.id = p.opportunity_id JOIN contacts c ON c.id = p.contact_id
         JOIN vehicle_contacts vc ON vc.vehicle_id = p.vehicle_id AND vc.contact_id = p.contact_id AND vc.role = 'owner'
        WHERE p.status = 'delivered' AND o.status = 'won'`,
    );
    const consultants = (await t.services.org.directory()).filter((u) => u.role === 'sales' && u.active);
    for (const c of consultants) {
      const mine = rows.filter((r) => r.owner_id === c.id);
      expect(mine, c.displayName).toHaveLength(1);
      expect(new Date(mine[0]!.delivered_at).toISOString().slice(0, 7)).toBe('2026-03');
      expect(new Date(mine[0]!.delivered_at).getTime()).toBeLessThanOrEqual(Date.parse(NOW));
      expect(mine[0]!.lifecycle).toBe('customer');
      expect(new Date(mine[0]!.owned_from).getTime()).toBe(new Date(mine[0]!.delivered_at).getTime());
    }
  });

  it('stores offer figures that equal the ones computed again, with loans, leasing and insurance among them', async () => {
    const offers = await t.database.query<{ content: OfferContent; figures: OfferFigures; gross_cents: number }>(
      'SELECT content, figures, gross_cents FROM offers',
    );
    expect(offers.length).toBeGreaterThan(30);
    for (const o of offers) {
      expect(o.figures).toEqual(offerFigures(o.content));
      expect(Number(o.gross_cents)).toBe(o.figures.grossCents);
    }
    expect(offers.some((o) => o.figures.loan && o.figures.loan.balloonCents > 0)).toBe(true);
    expect(offers.some((o) => o.figures.leasing)).toBe(true);
    expect(offers.some((o) => o.figures.insurance)).toBe(true);
  });

  it('has lost opportunities with reasons, one bought elsewhere naming the brand, and prospects as prospects', async () => {
    const lost = await t.database.query<{ lost_reason: string; lost_to_brand: string | null }>(
      "SELECT lost_reason, lost_to_brand FROM opportunities WHERE status = 'lost'",
    );
    expect(lost.every((l) => l.lost_reason)).toBe(true);
    expect(lost.some((l) => l.lost_reason === 'bought_elsewhere' && l.lost_to_brand)).toBe(true);
    const [early] = await t.database.query<{ prospects: number }>(
      `SELECT count(*)::int AS prospects FROM opportunities o JOIN contacts c ON c.id = o.contact_id
        WHERE o.status = 'open' AND o.stage IN ('new', 'contacted') AND c.lifecycle = 'prospect'`,
    );
    expect(early!.prospects).toBeGreaterThan(10);
  });

  it('books past and upcoming test drives in the calendar, without two in one car at once', async () => {
    const drives = await t.database.query<{ status: string; activity_status: string; starts_at: Date }>(
      `SELECT d.status, a.status AS activity_status, d.starts_at FROM test_drives d JOIN activities a ON a.id = d.activity_id`,
    );
    expect(drives.some((d) => d.status === 'returned' && d.activity_status === 'done')).toBe(true);
    const upcoming = drives.filter((d) => d.status === 'booked');
    expect(upcoming.length).toBeGreaterThan(5);
    expect(upcoming.every((d) => new Date(d.starts_at).getTime() > Date.parse(NOW))).toBe(true);
    const [{ overlaps }] = (await t.database.query<{ overlaps: number }>(
      `SELECT count(*)::int AS overlaps FROM test_drives a JOIN test_drives b
          ON a.demo_vehicle_id = b.demo_vehicle_id AND a.id < b.id AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at`,
    )) as [{ overlaps: number }];
    expect(overlaps).toBe(0);
  });

  it('prints on letterheads with a valid IBAN and VAT id, and keeps demo cars with their city plates', async () => {
    const heads = await t.database.query<{ iban: string; vat_id: string }>('SELECT iban, vat_id FROM letterheads');
    expect(heads).toHaveLength(3);
    for (const h of heads) {
      expect(ibanValid(h.iban), h.iban).toBe(true);
      expect(h.vat_id).toMatch(/^DE\d{9}$/);
    }
    expect(germanIban('37040044', '0532013000')).toBe('DE89370400440532013000');
    const plates = (await t.database.query<{ plate: string }>('SELECT plate FROM demo_vehicles')).map(
      (p) => p.plate[0],
    );
    expect(new Set(plates)).toEqual(new Set(['M', 'K', 'L']));
    const [{ n }] = (await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM demo_vehicle_blocks')) as [
      { n: number },
    ];
    expect(n).toBe(3);
  });

  it('continues the numbering: the next opportunity a consultant opens follows the demo ones', async () => {
    const [{ last }] = (await t.database.query<{ last: number }>(
      'SELECT max(substring(number from 3)::int) AS last FROM opportunities',
    )) as [{ last: number }];
    const [{ counter }] = (await t.database.query<{ counter: number }>(
      "SELECT last_value AS counter FROM sales_number_counters WHERE kind = 'opportunity'",
    )) as [{ counter: number }];
    expect(Number(counter)).toBe(last);
  });
});
