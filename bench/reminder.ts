import type { Database } from '../src/server/db/client';
import { openEventStream } from '../src/server/modules/notifications/test-sse-client';
import { login, staff } from './calendar';
import type { BenchApp } from './http';
import type { Measurement } from './stats';

const REMINDER_TARGET_MS = 2000;
/** How far ahead each activity is planned: the reminder is due this long after planning. */
const LEAD_MS = 1000;

/**
 * A due reminder on its way to the owner's open browser: a consultant, with
 * the live stream open (SSE over a real socket, through LISTEN/NOTIFY on
 * PostgreSQL), plans a call due in about a second with the reminder at the
 * due time; the job worker runs as in production (its usual poll interval).
 * Measured from the due time to the arrival of the reminder on the stream.
 * Leaves nothing behind: the activities, their jobs and notifications go.
 */
export async function measureReminder(bench: BenchApp, database: Database, runs = 20): Promise<Measurement> {
  const [user] = await staff(database, 'sales', 1);
  if (!user) throw new Error('reminder: no generated staff');
  const session = await login(bench, user);
  if (!bench.app.server.listening) await bench.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = bench.app.server.address() as { port: number };
  const stream = await openEventStream(`http://127.0.0.1:${port}/api/events`, session.cookie);
  const worker = bench.services.jobs.worker;
  const planned: string[] = [];
  const delays: number[] = [];
  let backlog = 0;
  try {
    await stream.next('ready');
    await worker.start();
    // Jobs already due (left from earlier runs) are worked off first, so they do not stand in the way.
    backlog = await dueJobs(database);
    for (let waited = 0; waited < 120_000 && (await dueJobs(database)) > 0; waited += 500) await sleep(500);

    for (let i = 0; i < runs + 2; i++) {
      // The due times fall at different moments of the worker's poll interval, as real ones do.
      await sleep((i * 379) % 1000);
      const due = new Date(Date.now() + LEAD_MS);
      const res = await bench.app.inject({
        method: 'POST',
        url: '/api/activities',
        headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
        payload: {
          type: 'call',
          subject: `Benchmark: Rückruf ${i + 1}`,
          startsAt: due.toISOString(),
          reminderMinutesBefore: 0,
        },
      });
      if (res.statusCode !== 201) throw new Error(`reminder: plan ${res.statusCode} ${res.body.slice(0, 300)}`);
      const activity = res.json() as { id: string; remindAt: string | null };
      planned.push(activity.id);
      if (!activity.remindAt) throw new Error('reminder: the activity has no pending reminder');
      for (;;) {
        const event = await stream.next('notification', 15_000);
        const data = event.data as { kind: string; data?: { activityId?: string } };
        if (data.kind !== 'activity.reminder' || data.data?.activityId !== activity.id) continue;
        // The first two are warm-up: connections, plans and caches.
        if (i >= 2) delays.push(performance.timeOrigin + event.at - new Date(activity.remindAt).getTime());
        break;
      }
    }
  } finally {
    stream.close();
    await worker.stop();
    if (planned.length > 0) {
      await database.query(
        `DELETE FROM jobs WHERE unique_key = ANY($1) OR (kind = 'activity.reminder-mail' AND payload->>'activityId' = ANY($2))`,
        [planned.map((id) => `activity-reminder:${id}`), planned],
      );
      await database.query(`DELETE FROM notifications WHERE data->>'activityId' = ANY($1)`, [planned]);
      await database.query('DELETE FROM activities WHERE id = ANY($1::uuid[])', [planned]);
    }
  }
  return {
    name: 'reminder: due → browser',
    samples: delays,
    targetP95Ms: REMINDER_TARGET_MS,
    note: `due time to the live event on the owner's stream, job worker polling every second${backlog ? `; ${backlog} due jobs worked off first` : ''}`,
  };
}

async function dueJobs(database: Database): Promise<number> {
  const [row] = await database.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM jobs WHERE status = 'pending' AND run_at <= now()",
  );
  return row!.n;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
