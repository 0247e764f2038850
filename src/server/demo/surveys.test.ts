import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '@test/support/app';
import { ManualClock } from '../lib/clock';
import { seedDemoCustomers } from './customers';
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemoOrganisation } from './org';
import { seedDemoSurveys } from './surveys';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock: new ManualClock('2026-03-12T10:30:00Z') });
  await seedDemoOrganisation(t.services);
  await seedDemoCustomers(t.services, t.database, { count: 300, now: t.clock.now() });
  await seedDemoSurveys(t.services, t.database);
}, 240_000);
afterAll(() => t.close());

describe('demo satisfaction surveys', () => {
  it('has phone and link answers with a spread of scores, one complaint from a low score, one open link', async () => {
    const rows = await t.database.query<{
      channel: string;
      recommendation: number;
      complaint_request_id: string | null;
    }>('SELECT channel, recommendation, complaint_request_id FROM survey_responses');
    expect(new Set(rows.map((r) => r.channel))).toEqual(new Set(['phone', 'email']));
    expect(Math.min(...rows.map((r) => r.recommendation))).toBeLessThanOrEqual(6);
    expect(Math.max(...rows.map((r) => r.recommendation))).toBe(10);
    expect(rows.filter((r) => r.complaint_request_id !== null)).toHaveLength(1);
    const [open] = await t.database.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM survey_invitations WHERE answered_at IS NULL',
    );
    expect(open!.n).toBe(1);
    const manager = await t.login(DEMO_LOGINS.manager, DEMO_PASSWORD);
    const report = await manager.get('/api/reports/satisfaction?from=2026-01-01&to=2026-12-31');
    expect(report.statusCode).toBe(200);
    expect(report.json().total.responses).toBe(rows.length);
  });
});
