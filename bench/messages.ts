import type { Database } from '../src/server/db/client';
import { readMeta, writeMeta } from './database';
import type { BenchApp } from './http';
import { measure, type Measurement } from './stats';

const INBOX_TARGET_MS = 50;
/** Every 20th message goes to the measured user: 5,000 of 100,000. */
const SHARE = 20;

/**
 * Internal customer messages (BENCH_MESSAGES, default 100,000), written once in bulk at the
 * benchmark's first location: every SHARE-th to the benchmark's own user, the rest to the other
 * users; older ones mostly acknowledged, some archived, as a year of a busy branch looks.
 */
async function ensureMessages(bench: BenchApp, database: Database, log: (line: string) => void) {
  const total = Number(process.env.BENCH_MESSAGES ?? 100_000);
  const meta = await readMeta<{ total: number }>(database, 'messages');
  if (meta && meta.total >= total) return meta.total;
  const me = bench.actor.userId;
  const locationId = bench.actor.homeLocationId;
  const others = (
    await database.query<{ id: string }>('SELECT id FROM users WHERE id <> $1 ORDER BY id LIMIT 50', [me])
  ).map((r) => r.id);
  const contacts = (await database.query<{ id: string }>('SELECT id FROM contacts ORDER BY id LIMIT 5000')).map(
    (r) => r.id,
  );
  if (contacts.length === 0) throw new Error('messages bench: the data set has no contacts');
  const people = others.length > 0 ? others : [me];
  log(`messages: writing ${total.toLocaleString('en')} messages …`);
  await database.query(
    `INSERT INTO customer_messages (type, location_id, contact_id, responsible_id, entered_by_id, created_by_id,
                                    text, details, acknowledged_at, acknowledged_by_id, archived, archived_at, created_at)
     SELECT 'internal', $1, ($2::uuid[])[1 + g % cardinality($2::uuid[])], r.id, $3, $3,
            'Neue Telefonnummer des Kunden: 0711 ' || (100000 + g), '{"internalSubject":"phone"}'::jsonb,
            CASE WHEN g % 4 <> 0 THEN now() - (g || ' minutes')::interval END,
            CASE WHEN g % 4 <> 0 THEN r.id END,
            g % 10 = 0, CASE WHEN g % 10 = 0 THEN now() - (g || ' minutes')::interval END,
            now() - (g || ' minutes')::interval * 5
       FROM generate_series(1, $4::int) g
      CROSS JOIN LATERAL (SELECT CASE WHEN g % ${SHARE} = 0 THEN $3::uuid
                                      ELSE ($5::uuid[])[1 + g % cardinality($5::uuid[])] END AS id) r`,
    [locationId, contacts, me, total, people],
  );
  await database.exec('ANALYZE customer_messages');
  await writeMeta(database, 'messages', { total });
  return total;
}

/**
 * "Meine Nachrichten": the inbox of a user with thousands of messages among 100,000+ in the
 * table — the open ones (not yet acknowledged), all not archived, and a later page by cursor.
 */
export async function measureMessages(
  bench: BenchApp,
  database: Database,
  log: (line: string) => void,
): Promise<Measurement[]> {
  const total = await ensureMessages(bench, database, log);
  const get = async (url: string) => {
    const res = await bench.asUser({ method: 'GET', url });
    if (res.statusCode !== 200) throw new Error(`messages bench ${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
    return res.json() as { items: unknown[]; nextCursor: string | null };
  };
  const second = (await get('/api/messages/inbox?acknowledged=true')).nextCursor;
  const runs = Array.from({ length: 200 });
  const note = `${Math.floor(total / SHARE).toLocaleString('en')} of ${total.toLocaleString('en')} messages are the user's, 50 a page`;
  return [
    {
      name: 'messages: inbox, open',
      samples: await measure(runs, () => get('/api/messages/inbox'), 20),
      targetP95Ms: INBOX_TARGET_MS,
      note,
    },
    {
      name: 'messages: inbox with acknowledged',
      samples: await measure(runs, () => get('/api/messages/inbox?acknowledged=true'), 20),
      targetP95Ms: INBOX_TARGET_MS,
      note,
    },
    {
      name: 'messages: inbox, second page',
      samples: await measure(
        runs,
        () => get(`/api/messages/inbox?acknowledged=true&cursor=${encodeURIComponent(second ?? '')}`),
        20,
      ),
      targetP95Ms: INBOX_TARGET_MS,
    },
  ];
}
