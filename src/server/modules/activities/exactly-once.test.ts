import pino from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '@test/support/app';
import { buildApp } from '@server/app';
import { openPostgres } from '@server/db/client';
import { ManualClock } from '@server/lib/clock';
import type { JobWorker } from '@server/jobs/worker';
import { createContact } from '@server/modules/vehicles/test-factories';

/**
 * Two server processes on one PostgreSQL database, both with their job worker running:
 * a due reminder reaches its owner once, not once per process. PGlite has one connection
 * in one process, so there is nothing to race there.
 */
const postgres = inject('engine') === 'postgres';

let t: TestApp;
let sales: TestClient & { userId: string; email: string };

beforeAll(async () => {
  if (!postgres) return;
  // Thursday 26 March 2026, 10:00 Berlin (CET); the clocks go forward on Sunday the 29th.
  t = await createTestApp({
    clock: new ManualClock('2026-03-26T09:00:00Z'),
    env: { CRM_SESSION_IDLE_MINUTES: '1000000', CRM_SESSION_MAX_HOURS: '100000' },
  });
  sales = await t.userWithRole('sales');
});
afterAll(() => t?.close());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => Promise<boolean>, timeoutMs = 10_000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await sleep(25);
  }
  throw new Error('timed out');
}

describe.runIf(postgres)('a reminder with two processes running', () => {
  it('"call in 5 days" reminds at 09:30 Berlin summer time, not before, exactly once', async () => {
    const ids: string[] = [];
    // Several due at the same moment, so both workers find work at once.
    for (let i = 0; i < 12; i++) {
      const contact = await createContact(t, sales, `Weber${i}`);
      const res = await sales.post('/api/activities', {
        type: 'call',
        subject: `Nach Probefahrt nachfassen ${i}`,
        contactId: contact.id,
        // Tuesday 31 March, 09:30 in Berlin: CEST since Sunday, so 07:30 UTC.
        startsAt: '2026-03-31T09:30:00+02:00',
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().remindAt).toBe('2026-03-31T07:30:00.000Z');
      ids.push(res.json().id);
    }

    const second = openPostgres(t.database.pool!.options.connectionString!, 5);
    const other = await buildApp({
      config: t.config,
      database: second,
      clock: t.clock,
      logger: pino({ level: 'silent' }),
    });
    const workers: JobWorker[] = [
      t.services.jobs.createWorker({ pollMs: 20, batchSize: 2 }),
      other.services.jobs.createWorker({ pollMs: 20, batchSize: 2 }),
    ];
    const reminders = () =>
      t.database.query<{ activity_id: string; user_id: string; count: number }>(
        `SELECT data->>'activityId' AS activity_id, user_id, count(*)::int AS count FROM notifications
          WHERE kind = 'activity.reminder' AND data->>'activityId' = ANY($1::text[])
          GROUP BY 1, 2`,
        [ids],
      );
    try {
      await Promise.all(workers.map((w) => w.start()));
      // A minute before: both workers poll, nobody is reminded.
      t.clock.set('2026-03-31T07:29:00Z');
      await sleep(300);
      expect(await reminders()).toEqual([]);

      t.clock.set('2026-03-31T07:30:00Z');
      await until(async () => (await reminders()).length === ids.length);
      // Let both keep polling a while: nothing comes twice.
      await sleep(500);
      const sent = await reminders();
      expect(sent).toHaveLength(ids.length);
      expect(sent.every((r) => r.count === 1 && r.user_id === sales.userId)).toBe(true);
      const changes = await t.database.query<{ count: number }>(
        `SELECT count(*)::int AS count FROM activity_changes WHERE kind = 'reminded' AND activity_id = ANY($1::uuid[])`,
        [ids],
      );
      expect(changes[0]!.count).toBe(ids.length);
      const jobs = await t.database.query<{ status: string }>(
        `SELECT status FROM jobs WHERE unique_key = ANY($1::text[])`,
        [ids.map((id) => `activity-reminder:${id}`)],
      );
      expect(jobs.map((j) => j.status)).toEqual(ids.map(() => 'done'));
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
      await other.app.close();
      await second.close();
    }
  }, 60_000);
});
