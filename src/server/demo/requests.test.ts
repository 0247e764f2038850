import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '@test/support/app';
import { ManualClock } from '../lib/clock';
import { REQUEST_CHANNELS, REQUEST_STATUSES, REQUEST_TYPES } from '@shared/requests/enums';
import { seedDemoCustomers } from './customers';
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemoOrganisation } from './org';
import { seedDemoRequests } from './requests';

let t: TestApp;
let result: Awaited<ReturnType<typeof seedDemoRequests>>;
const NOW = '2026-03-12T10:30:00Z'; // a Thursday

beforeAll(async () => {
  t = await createTestApp({ clock: new ManualClock(NOW) });
  await seedDemoOrganisation(t.services);
  await seedDemoCustomers(t.services, t.database, { count: 600, now: t.clock.now() });
  result = await seedDemoRequests(t.services, t.database, { now: t.clock.now() });
}, 240_000);
afterAll(() => t.close());

const distinct = async (column: string) =>
  (await t.database.query<{ v: string }>(`SELECT DISTINCT ${column}::text AS v FROM customer_requests ORDER BY 1`)).map(
    (r) => r.v,
  );

describe('demo requests', () => {
  it('creates three weeks of requests of every type, channel and status', async () => {
    expect(result.requests).toBeGreaterThan(250);
    expect(await distinct('type')).toEqual([...REQUEST_TYPES].sort());
    expect(await distinct('channel')).toEqual([...REQUEST_CHANNELS].sort());
    expect(await distinct('status')).toEqual([...REQUEST_STATUSES].sort());
  });

  it('tells the stories the monitoring is about: failed calls then reached, three failures then e-mail, overdue and escalated', async () => {
    const [stats] = await t.database.query<Record<string, number>>(
      `
      SELECT
        count(*) FILTER (WHERE escalated_at IS NOT NULL)::int AS escalated,
        count(*) FILTER (WHERE status IN ('new','assigned') AND first_contact_due_at < $1)::int AS overdue,
        count(*) FILTER (WHERE status = 'done' AND outcome IS NOT NULL)::int AS done,
        count(*) FILTER (WHERE status = 'lost' AND lost_reason IS NOT NULL)::int AS lost,
        count(*) FILTER (WHERE first_contacted_at > first_contact_due_at)::int AS late,
        count(*) FILTER (WHERE (SELECT count(*) FROM contact_attempts a WHERE a.request_id = r.id AND a.outcome IN ('no_answer','voicemail')) >= 3
                           AND EXISTS (SELECT 1 FROM contact_attempts a WHERE a.request_id = r.id AND a.outcome = 'email_sent'))::int AS emailed,
        count(*) FILTER (WHERE EXISTS (SELECT 1 FROM contact_attempts a WHERE a.request_id = r.id AND a.outcome IN ('no_answer','voicemail'))
                           AND EXISTS (SELECT 1 FROM contact_attempts a WHERE a.request_id = r.id AND a.outcome = 'reached'))::int AS retried
      FROM customer_requests r`,
      [NOW],
    );
    for (const [name, n] of Object.entries(stats!)) expect(n, name).toBeGreaterThan(3);
    const future = await t.database.query(
      `SELECT 1 FROM contact_attempts WHERE at > $1 UNION ALL SELECT 1 FROM customer_requests WHERE received_at > $1`,
      [NOW],
    );
    expect(future).toHaveLength(0);
  });

  it('assigns the requests to demo staff by their roles', async () => {
    const byRole = await t.database.query<{ type: string; role: string }>(`
      SELECT DISTINCT r.type::text AS type, u.role::text AS role FROM customer_requests r JOIN users u ON u.id = r.assignee_id ORDER BY 1, 2`);
    const roles = (type: string) => byRole.filter((r) => r.type === type).map((r) => r.role);
    expect(roles('sales_lead')).toEqual(['sales']);
    expect(roles('service_appointment')).toEqual(['service']);
    expect(roles('parts')).toEqual(['parts']);
    expect(roles('complaint')).toEqual(['manager']);
  });

  it('shows real figures in the manager’s monitoring on first start', async () => {
    const manager = await t.login(DEMO_LOGINS.manager, DEMO_PASSWORD);
    const res = await manager.get('/api/reports/monitoring?from=2026-02-23&to=2026-03-11&groupBy=person');
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report.total.received).toBeGreaterThan(50);
    expect(report.total.contactedWithinOneWorkingDayPct).toBeGreaterThan(50);
    expect(report.total.contactedWithinOneWorkingDayPct).toBeLessThan(100);
    expect(report.total.done).toBeGreaterThan(0);
    expect(report.total.lost).toBeGreaterThan(0);
    expect(report.rows.length).toBeGreaterThan(3);
  });
});
