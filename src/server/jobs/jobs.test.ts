import pino from 'pino';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestApp, type TestApp } from '@test/support/app';
import { buildApp } from '../app';
import { type Database, openPglite, openPostgres } from '../db/client';
import { WriteBatch } from '../db/together';
import { defineJob, JobPayloadError } from './definition';
import * as repo from './repo';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const HOUR = 3_600_000;
let kindCounter = 0;
/** Any JSON object: these kinds care about when and how often they run, not what they carry. */
const AnyObject = z.record(z.string(), z.unknown());

/** A job kind of its own per test, recording the payloads it ran with. */
function recordingKind(options: { fail?: (n: number) => boolean; maxAttempts?: number; backoff?: number } = {}) {
  const calls: unknown[] = [];
  const job = t.services.jobs.register(
    defineJob({
      kind: `test.kind${++kindCounter}`,
      payload: AnyObject,
      handler: async (payload) => {
        calls.push(payload);
        if (options.fail?.(calls.length)) throw new Error(`attempt ${calls.length} went wrong`);
      },
      maxAttempts: options.maxAttempts,
      backoff: options.backoff,
    }),
  );
  return { job, calls };
}

const jobRow = async (id: string) =>
  (
    await t.database.query<{ status: string; attempts: number; last_error: string | null; run_at: Date }>(
      `SELECT * FROM jobs WHERE id = $1`,
      [id],
    )
  )[0]!;

describe('durable jobs', () => {
  it('runs a job when it is due, not before', async () => {
    const { job, calls } = recordingKind();
    const now = t.clock.now();
    await t.services.jobs.schedule(t.database.db, job, { n: 1 }, { runAt: now });
    await t.services.jobs.schedule(t.database.db, job, { n: 2 }, { runAt: new Date(now.getTime() + HOUR) });

    await t.services.jobs.worker.runDue();
    expect(calls).toEqual([{ n: 1 }]);
    t.clock.advance(HOUR);
    await t.services.jobs.worker.runDue();
    expect(calls).toEqual([{ n: 1 }, { n: 2 }]);
    await t.services.jobs.worker.runDue();
    expect(calls).toHaveLength(2);
  });

  it('never runs a job whose transaction rolled back', async () => {
    const { job, calls } = recordingKind();
    await expect(
      t.database.db.transaction(async (tx) => {
        await t.services.jobs.schedule(tx, job, {}, { runAt: t.clock.now() });
        throw new Error('the request could not be saved');
      }),
    ).rejects.toThrow();
    await t.services.jobs.worker.runDue();
    expect(calls).toHaveLength(0);
  });

  it('keeps one live job per unique key, moves it on replace and drops it on cancel', async () => {
    const { job, calls } = recordingKind();
    const jobs = t.services.jobs;
    const soon = new Date(t.clock.now().getTime() + HOUR);
    const first = await jobs.schedule(t.database.db, job, { v: 1 }, { runAt: soon, uniqueKey: 'sla:request-1' });
    const again = await jobs.schedule(t.database.db, job, { v: 2 }, { runAt: soon, uniqueKey: 'sla:request-1' });
    expect(again).toEqual({ id: first.id, created: false });

    const moved = await jobs.schedule(
      t.database.db,
      job,
      { v: 3 },
      { runAt: new Date(soon.getTime() + HOUR), uniqueKey: 'sla:request-1', replace: true },
    );
    expect(moved.id).toBe(first.id);
    t.clock.advance(HOUR);
    await jobs.worker.runDue();
    expect(calls).toHaveLength(0);
    t.clock.advance(HOUR);
    await jobs.worker.runDue();
    expect(calls).toEqual([{ v: 3 }]);

    // Once done, the key is free for the next timer.
    await jobs.schedule(t.database.db, job, { v: 4 }, { runAt: t.clock.now(), uniqueKey: 'sla:request-1' });
    expect(await jobs.cancel(t.database.db, 'sla:request-1')).toBe(true);
    expect(await jobs.cancel(t.database.db, 'sla:request-1')).toBe(false);
    await jobs.worker.runDue();
    expect(calls).toHaveLength(1);
  });

  it('retries a failing job with backoff and gives up after its last attempt, keeping the error', async () => {
    const { job, calls } = recordingKind({ fail: () => true, maxAttempts: 3, backoff: 60_000 });
    const { id } = await t.services.jobs.schedule(t.database.db, job, {}, { runAt: t.clock.now() });

    await t.services.jobs.worker.runDue();
    expect(await jobRow(id)).toMatchObject({ status: 'pending', attempts: 1, last_error: 'attempt 1 went wrong' });
    expect(new Date((await jobRow(id)).run_at).getTime()).toBe(t.clock.now().getTime() + 60_000);

    t.clock.advance(60_000);
    await t.services.jobs.worker.runDue();
    expect(await jobRow(id)).toMatchObject({ status: 'pending', attempts: 2 });
    t.clock.advance(2 * 60_000); // the backoff doubles
    await t.services.jobs.worker.runDue();
    expect(await jobRow(id)).toMatchObject({ status: 'failed', attempts: 3, last_error: 'attempt 3 went wrong' });
    t.clock.advance(HOUR);
    await t.services.jobs.worker.runDue();
    expect(calls).toHaveLength(3);
  });

  it('succeeds on a later attempt after a failure', async () => {
    const { job, calls } = recordingKind({ fail: (n) => n === 1, backoff: 1000 });
    const { id } = await t.services.jobs.schedule(t.database.db, job, {}, { runAt: t.clock.now() });
    await t.services.jobs.worker.runDue();
    t.clock.advance(1000);
    await t.services.jobs.worker.runDue();
    expect(calls).toHaveLength(2);
    expect(await jobRow(id)).toMatchObject({ status: 'done', attempts: 2, last_error: null });
  });

  it('takes over a job whose worker died while holding it, once the lease has expired', async () => {
    const { job, calls } = recordingKind();
    const { id } = await t.services.jobs.schedule(t.database.db, job, {}, { runAt: t.clock.now() });
    const [claimed] = await repo.claimDue(t.database, 'crashed-worker', t.clock.now(), 60_000, 1);
    expect(claimed?.id).toBe(id);

    await t.services.jobs.worker.runDue();
    expect(calls).toHaveLength(0);
    t.clock.advance(61_000);
    await t.services.jobs.worker.runDue();
    expect(calls).toHaveLength(1);
    expect(await jobRow(id)).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('runs a recurring job daily at 07:00 Berlin time, each run planning the next', async () => {
    const { job, calls } = recordingKind();
    t.services.jobs.every(job, 'daily at 07:00 Europe/Berlin');
    const worker = t.services.jobs.createWorker();
    t.clock.set('2026-03-10T05:00:00Z'); // 06:00 in Berlin
    await worker.runDue();
    expect(calls).toHaveLength(0);
    t.clock.set('2026-03-10T06:00:00Z');
    await worker.runDue();
    expect(calls).toHaveLength(1);
    const planned = await t.database.query<{ run_at: Date }>(
      `SELECT run_at FROM jobs WHERE kind = $1 AND status = 'pending'`,
      [job.kind],
    );
    expect(planned.map((r) => new Date(r.run_at).toISOString())).toEqual(['2026-03-11T06:00:00.000Z']);
    t.clock.set('2026-03-11T06:00:00Z');
    await worker.runDue();
    expect(calls).toHaveLength(2);
  });

  it('wakes a started worker at once when a due job is committed', async () => {
    const { job, calls } = recordingKind();
    const worker = t.services.jobs.createWorker({ pollMs: 60_000 });
    await worker.start();
    try {
      await new Promise((r) => setTimeout(r, 100));
      await t.services.jobs.schedule(t.database.db, job, { live: true }, { runAt: t.clock.now() });
      await expect.poll(() => calls.length, { timeout: 1000, interval: 20 }).toBe(1);
    } finally {
      await worker.stop();
    }
  });
});

describe('a job that goes wrong', () => {
  it('does not stop a running worker, even when its error cannot be stored as it is', async () => {
    const brokenJob = t.services.jobs.register(
      defineJob({
        kind: `test.kind${++kindCounter}`,
        payload: z.object({ bad: z.boolean() }),
        handler: (payload) => {
          // Thrown synchronously, with a byte no database text column takes.
          if (payload.bad) throw new Error('bad byte \u0000 in the feed');
          return Promise.resolve();
        },
      }),
    );
    const good = recordingKind();
    const broken = await t.services.jobs.schedule(t.database.db, brokenJob, { bad: true }, { runAt: t.clock.now() });
    await t.services.jobs.schedule(t.database.db, good.job, { n: 1 }, { runAt: t.clock.now() });
    const worker = t.services.jobs.createWorker({ pollMs: 20 });
    await worker.start();
    try {
      await expect.poll(() => good.calls.length, { timeout: 3000, interval: 20 }).toBe(1);
    } finally {
      await worker.stop();
    }
    expect(await jobRow(broken.id)).toMatchObject({
      status: 'pending',
      attempts: 1,
      last_error: 'bad byte \ufffd in the feed',
    });
  });
});

describe('job payloads', () => {
  const RequestPayload = z.object({ requestId: z.uuid() });
  const requestId = '0b7c5e1c-1d4e-4c3a-9f1e-2a6b8c9d0e1f';

  function requestKind() {
    const calls: unknown[] = [];
    const job = t.services.jobs.register(
      defineJob({
        kind: `test.kind${++kindCounter}`,
        payload: RequestPayload,
        handler: async (payload) => void calls.push(payload),
      }),
    );
    return { job, calls };
  }

  it('refuses a payload that does not fit when it is scheduled, naming the field, and writes nothing', async () => {
    const { job } = requestKind();
    // The wrong shape gets past the compiler only by a cast, as it would from untyped data.
    const wrong = { requestId: 42 } as unknown as z.infer<typeof RequestPayload>;
    await expect(t.services.jobs.schedule(t.database.db, job, wrong, { runAt: t.clock.now() })).rejects.toThrow(
      JobPayloadError,
    );
    await expect(t.services.jobs.schedule(t.database.db, job, wrong, { runAt: t.clock.now() })).rejects.toThrow(
      /requestId/,
    );
    await expect(
      t.database.db.transaction(async (tx) => {
        await t.services.jobs.schedule(tx, job, { requestId }, { runAt: t.clock.now() });
        await t.services.jobs.schedule(tx, job, wrong, { runAt: t.clock.now() });
      }),
    ).rejects.toThrow(JobPayloadError);
    const stored = await t.database.query(`SELECT id FROM jobs WHERE kind = $1`, [job.kind]);
    expect(stored).toHaveLength(0);
  });

  it('refuses a payload that does not fit when it is added to a write batch', async () => {
    const { job } = requestKind();
    const batch = new WriteBatch();
    const wrong = { requestId: 'not-an-id' } as z.infer<typeof RequestPayload>;
    expect(() => t.services.jobs.scheduleIn(batch, job, wrong, { runAt: t.clock.now() })).toThrow(JobPayloadError);
  });

  it('refuses a recurring schedule for a kind whose payload cannot be empty', () => {
    const { job } = requestKind();
    expect(() => t.services.jobs.every(job, 'daily at 07:00 Europe/Berlin')).toThrow(JobPayloadError);
  });

  it('fails a job whose payload does not fit its kind at once, naming the field, and runs the next', async () => {
    const { job, calls } = requestKind();
    // A payload stored before the kind's shape changed: it never passed this definition's check.
    const bad = await repo.insertJob(t.database.db, {
      kind: job.kind,
      payload: { requestId: 42 },
      runAt: t.clock.now(),
      maxAttempts: job.maxAttempts,
      now: t.clock.now(),
    });
    await t.services.jobs.schedule(t.database.db, job, { requestId }, { runAt: t.clock.now() });
    await t.services.jobs.worker.runDue();
    expect(calls).toEqual([{ requestId }]);
    const row = await jobRow(bad.id);
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    expect(row.last_error).toContain('requestId');
  });
});

describe('jobs across restarts and processes', () => {
  /** Opens the same stored database anew, as a restarted process would. */
  async function reopen(database: Database): Promise<Database> {
    if (database.pglite) {
      const dump = await database.pglite.dumpDataDir('none');
      return openPglite({ loadDataDir: dump });
    }
    return openPostgres(database.pool!.options.connectionString!, 3);
  }

  it('runs a job scheduled before the app was restarted', async () => {
    const first = await createTestApp();
    const runs: unknown[] = [];
    const restartJob = defineJob({
      kind: 'test.restart',
      payload: z.object({ from: z.string() }),
      handler: async (payload) => void runs.push(payload),
    });
    await first.services.jobs.schedule(first.database.db, restartJob, { from: 'before' }, { runAt: first.clock.now() });
    await first.app.close();
    const database = await reopen(first.database);
    try {
      const { app, services } = await buildApp({
        config: first.config,
        database,
        clock: first.clock,
        logger: pino({ level: 'silent' }),
      });
      services.jobs.register(restartJob);
      expect(await services.jobs.worker.runDue()).toBe(1);
      expect(runs).toEqual([{ from: 'before' }]);
      await app.close();
    } finally {
      await database.close();
      await first.database.close();
    }
  });

  it.runIf(inject('engine') === 'postgres')(
    'two workers on two connections run each of 200 due jobs exactly once',
    async () => {
      const second = await reopen(t.database);
      try {
        const runs = new Map<string, number>();
        const job = t.services.jobs.register(
          defineJob({
            kind: 'test.race',
            payload: z.object({ n: z.string() }),
            handler: async ({ n }) => void runs.set(n, (runs.get(n) ?? 0) + 1),
          }),
        );
        await t.database.db.transaction(async (tx) => {
          for (let n = 0; n < 200; n++)
            await t.services.jobs.schedule(tx, job, { n: String(n) }, { runAt: t.clock.now() });
        });
        const a = t.services.jobs.createWorker({ batchSize: 3 });
        const b = t.services.jobs.createWorker({ database: second, batchSize: 3 });
        const [ranA, ranB] = await Promise.all([a.runDue(), b.runDue()]);
        expect(ranA + ranB).toBe(200);
        expect(ranA).toBeGreaterThan(0);
        expect(ranB).toBeGreaterThan(0);
        expect(runs.size).toBe(200);
        expect([...runs.values()].every((count) => count === 1)).toBe(true);
      } finally {
        await second.close();
      }
    },
  );
});
