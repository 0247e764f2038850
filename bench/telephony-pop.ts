import { parsePhone } from '../src/shared/contacts/normalize';
import type { Database } from '../src/server/db/client';
import { openEventStream } from '../src/server/modules/notifications/test-sse-client';
import type { BenchApp } from './http';
import type { Samples } from './samples';
import { type Measurement, measure, percentile } from './stats';

const POP_TARGET_MS = 100;
const CALLER_ID_TARGET_MS = 2;
const PHONE_USER = 'bench-phone@example.test';
const PHONE_PASSWORD = 'bench-password-1234';
const EXTENSION = '99';

const p95 = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    95,
  );

async function phoneUser(bench: BenchApp, database: Database): Promise<{ userId: string; cookie: string }> {
  const [location] = await database.query<{ id: string }>("SELECT id FROM locations WHERE code = 'MUC'");
  let [user] = await database.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [PHONE_USER]);
  if (!user) {
    const { user: created } = await bench.services.org.createUser(
      null,
      {
        email: PHONE_USER,
        firstName: 'Bench',
        lastName: 'Empfang',
        role: 'reception',
        homeLocationId: location!.id,
        locationIds: [],
        department: null,
        phoneExtension: EXTENSION,
        locale: 'de',
        active: true,
        password: PHONE_PASSWORD,
      },
      { mustChangePassword: false },
    );
    user = { id: created.id };
  }
  const login = await bench.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: PHONE_USER, password: PHONE_PASSWORD },
  });
  if (login.statusCode !== 200) throw new Error(`bench phone login: ${login.statusCode} ${login.body}`);
  return { userId: user.id, cookie: login.cookies.map((c) => `${c.name}=${c.value}`).join('; ') };
}

/**
 * The screen pop end to end, as the ringing user waits for it: the PBX posts
 * a ringing event to the generic webhook → the `call` event arrives on the
 * user's live stream (SSE over a real socket, through LISTEN/NOTIFY) → the
 * browser's GET /api/calls/:id/pop is answered. Plus the caller-id rules alone.
 * Leaves nothing behind: its connection, calls and their history are removed.
 */
export async function measureTelephonyPop(
  bench: BenchApp,
  database: Database,
  samples: Samples,
  count = 200,
): Promise<Measurement[]> {
  const numbers = samples.callerNumbers.slice(0, count);
  const { userId, cookie } = await phoneUser(bench, database);
  const [connection] = await database.query<{ id: string }>(
    `INSERT INTO telephony_connections (provider, name, enabled) VALUES ('webhook', 'Benchmark', true) RETURNING id`,
  );
  const connectionId = connection!.id;
  await database.query(`INSERT INTO telephony_extensions (connection_id, extension, user_id) VALUES ($1, $2, $3)`, [
    connectionId,
    EXTENSION,
    userId,
  ]);

  if (!bench.app.server.listening) await bench.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = bench.app.server.address() as { port: number };
  const stream = await openEventStream(`http://127.0.0.1:${port}/api/events`, cookie);
  const sseMs: number[] = [];
  let matched = 0;
  let sequence = 0;
  try {
    await stream.next('ready');
    const ring = async (number: string, timed: boolean) => {
      const callId = `bench-${Date.now()}-${++sequence}`;
      const started = performance.now();
      const res = await bench.asPbx({
        method: 'POST',
        url: `/api/telephony/webhook/${connectionId}`,
        payload: { eventId: `${callId}-ring`, callId, event: 'ringing', from: number, extensions: [EXTENSION] },
      });
      if (res.statusCode !== 200) throw new Error(`webhook ${number}: ${res.statusCode} ${res.body}`);
      const id = (res.json() as { callId: string }).callId;
      const event = await stream.next('call', 5000);
      if ((event.data as { callId: string }).callId !== id) throw new Error('call events out of step');
      if (timed) sseMs.push(event.at - started);
      const pop = await bench.app.inject({ method: 'GET', url: `/api/calls/${id}/pop`, headers: { cookie } });
      if (pop.statusCode !== 200) throw new Error(`pop ${id}: ${pop.statusCode} ${pop.body}`);
      if (timed && (pop.json() as { candidates: unknown[] }).candidates.length > 0) matched++;
    };
    const popMs = await measure(numbers, (number, timed) => ring(number, timed));

    const e164s = numbers.map((n) => parsePhone(n).e164).filter((n): n is string => n !== null);
    let identified = 0;
    const lookupMs = await measure(e164s, async (e164, timed) => {
      const identity = await bench.services.telephony.identify(e164);
      if (timed && identity.matches.length > 0) identified++;
    });

    return [
      {
        name: 'screen pop: webhook → pop',
        samples: popMs,
        targetP95Ms: POP_TARGET_MS,
        note: `${Math.round((100 * matched) / numbers.length)}% matched, webhook → SSE event p95 ${p95(sseMs).toFixed(1)} ms`,
      },
      {
        name: 'caller id (all rules)',
        samples: lookupMs,
        targetP95Ms: CALLER_ID_TARGET_MS,
        note: `${Math.round((100 * identified) / e164s.length)}% matched; exact, tail ≥ 7, company main number`,
      },
    ];
  } finally {
    stream.close();
    await database.query(
      `DELETE FROM timeline_entries WHERE source_type = 'call'
          AND source_id IN (SELECT id::text FROM calls WHERE connection_id = $1)`,
      [connectionId],
    );
    await database.query(
      `DELETE FROM jobs WHERE unique_key IN (SELECT 'missed-call:' || id FROM calls WHERE connection_id = $1)`,
      [connectionId],
    );
    await database.query('DELETE FROM calls WHERE connection_id = $1', [connectionId]);
    await database.query('DELETE FROM telephony_connections WHERE id = $1', [connectionId]);
  }
}
