import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import type { Database } from '../src/server/db/client';
import { openEventStream, type SseClient } from '../src/server/modules/notifications/test-sse-client';
import { testLocation } from '../test/support/app';
import { readMeta, writeMeta } from './database';
import type { BenchApp } from './http';
import { measure, type Measurement } from './stats';

const LIVE_TARGET_MS = 300;
const CHANNEL_TARGET_MS = 50;
const READERS = 200;
const POSTS = 50_000;
const THREADS = 5_000;
const PASSWORD = 'bench-board-password-1';
const LOCATION_CODE = 'BRD';

interface Reader {
  id: string;
  email: string;
}
interface Session {
  userId: string;
  cookie: string;
  csrf: string;
}

/** A location of its own with 200 colleagues, so "everyone who reads the channel" is exactly them. */
async function ensureReaders(bench: BenchApp, database: Database): Promise<{ locationId: string; readers: Reader[] }> {
  let [location] = await database.query<{ id: string }>('SELECT id FROM locations WHERE code = $1', [LOCATION_CODE]);
  if (!location) {
    const created = await bench.services.org.createLocation(
      null,
      testLocation({ name: 'Benchmark Board', code: LOCATION_CODE, email: 'board@bench.test' }),
    );
    location = { id: created.id };
  }
  const have = await database.query<Reader>(
    "SELECT id, email FROM users WHERE email LIKE 'bench-board-%' ORDER BY email",
  );
  for (let i = have.length; i < READERS; i++) {
    await bench.services.org.createUser(
      null,
      {
        email: `bench-board-${String(i).padStart(3, '0')}@bench.test`,
        firstName: 'Leser',
        lastName: `Nr. ${i}`,
        role: 'sales',
        homeLocationId: location.id,
        locationIds: [],
        department: null,
        phoneExtension: null,
        locale: 'de',
        active: true,
        password: PASSWORD,
      },
      { mustChangePassword: false },
    );
  }
  const readers = await database.query<Reader>(
    "SELECT id, email FROM users WHERE email LIKE 'bench-board-%' ORDER BY email LIMIT $1",
    [READERS],
  );
  return { locationId: location.id, readers };
}

async function login(bench: BenchApp, reader: Reader): Promise<Session> {
  const res = await bench.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: reader.email, password: PASSWORD },
  });
  if (res.statusCode !== 200) throw new Error(`board bench login: ${res.statusCode} ${res.body}`);
  return {
    userId: reader.id,
    cookie: res.cookies.map((c) => `${c.name}=${c.value}`).join('; '),
    csrf: res.json().csrfToken as string,
  };
}

/** 50,000 posts in 5,000 threads of the location's channel, written once and kept. */
async function ensurePosts(database: Database, channelId: string, authorIds: string[], log: (l: string) => void) {
  if (await readMeta(database, 'board-posts')) return;
  log(`board: writing ${POSTS.toLocaleString('en')} posts in ${THREADS.toLocaleString('en')} threads …`);
  await database.query(
    `INSERT INTO board_threads (channel_id, title, author_id, post_count, created_at, last_post_at)
     SELECT $1, 'Thema ' || g, ($2::uuid[])[1 + g % cardinality($2::uuid[])],
            ${POSTS / THREADS}, now() - (g || ' minutes')::interval * 10, now() - (g || ' minutes')::interval
       FROM generate_series(1, ${THREADS}) g`,
    [channelId, authorIds],
  );
  await database.query(
    `INSERT INTO board_posts (thread_id, channel_id, author_id, body, created_at)
     SELECT t.id, $1, ($2::uuid[])[1 + g % cardinality($2::uuid[])],
            'Beitrag ' || g || ': Wer hat den Schlüssel vom Vorführwagen ' || (g % 97) || ' zuletzt gehabt?',
            now() - (g || ' seconds')::interval * 30
       FROM generate_series(1, ${POSTS}) g
       JOIN board_threads t ON t.channel_id = $1 AND t.title = 'Thema ' || (1 + g % ${THREADS})`,
    [channelId, authorIds],
  );
  await database.exec('ANALYZE board_posts; ANALYZE board_threads');
  await writeMeta(database, 'board-posts', { posts: POSTS, threads: THREADS });
}

/** A second server process on the same PostgreSQL, as a second instance behind a load balancer. */
async function startSecondProcess(url: string): Promise<{ child: ChildProcess; base: string }> {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', 'serve'], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: String(port),
      HOST: '127.0.0.1',
      CRM_DEMO: '0',
      LOG_LEVEL: 'error',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let waited = 0; waited < 60_000; waited += 250) {
    if (child.exitCode !== null) throw new Error(`second server process ended with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/api/ready`)).ok) return { child, base };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill();
  throw new Error('second server process did not become ready within 60 s');
}

/**
 * The board: a channel of 50,000 posts read (thread list, a thread, the channel list with its
 * unread count), and a post's live delivery to 200 colleagues with the board open — half of
 * them connected to this process, half to a second server process on the same PostgreSQL —
 * from the moment the post is sent to its arrival on each stream.
 */
export async function measureBoard(
  bench: BenchApp,
  database: Database,
  url: string | null,
  log: (line: string) => void,
): Promise<Measurement[]> {
  const { locationId, readers } = await ensureReaders(bench, database);
  const first = await login(bench, readers[0]!);
  const channels = await bench.app.inject({
    method: 'GET',
    url: '/api/board/channels',
    headers: { cookie: first.cookie },
  });
  const channel = (channels.json().items as Array<{ id: string; kind: string; locationId: string }>).find(
    (c) => c.kind === 'location' && c.locationId === locationId,
  )!;
  await ensurePosts(
    database,
    channel.id,
    readers.map((r) => r.id),
    log,
  );
  const get = (path: string) => bench.app.inject({ method: 'GET', url: path, headers: { cookie: first.cookie } });
  const threadIds = (
    await database.query<{ id: string }>(
      'SELECT id FROM board_threads WHERE channel_id = $1 ORDER BY random() LIMIT 200',
      [channel.id],
    )
  ).map((r) => r.id);
  const ok = async (path: string) => {
    const res = await get(path);
    if (res.statusCode !== 200) throw new Error(`board bench ${path}: ${res.statusCode} ${res.body.slice(0, 200)}`);
  };
  const results: Measurement[] = [
    {
      name: 'board: channel threads page',
      samples: await measure(Array.from({ length: 200 }), () => ok(`/api/board/channels/${channel.id}/threads`), 20),
      targetP95Ms: CHANNEL_TARGET_MS,
      note: `${POSTS.toLocaleString('en')} posts in the channel, newest 30 threads`,
    },
    {
      name: 'board: open a thread',
      samples: await measure(threadIds, (id) => ok(`/api/board/threads/${id}`), 20),
      targetP95Ms: CHANNEL_TARGET_MS,
      note: `${POSTS / THREADS} posts each`,
    },
    {
      name: 'board: channel list with unread counts',
      samples: await measure(Array.from({ length: 200 }), () => ok('/api/board/channels'), 20),
      targetP95Ms: CHANNEL_TARGET_MS,
    },
  ];
  if (!url) {
    log('board: live delivery across two processes needs PostgreSQL; skipped on PGlite');
    return results;
  }

  const second = await startSecondProcess(url);
  if (!bench.app.server.listening) await bench.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = bench.app.server.address() as { port: number };
  const here = `http://127.0.0.1:${port}`;
  const streams: SseClient[] = [];
  try {
    const sessions = [first];
    for (const reader of readers.slice(1)) sessions.push(await login(bench, reader));
    for (const [i, session] of sessions.entries())
      streams.push(await openEventStream(`${i % 2 === 0 ? here : second.base}/api/events`, session.cookie));
    await Promise.all(streams.map((s) => s.next('ready', 30_000)));
    const thread = await bench.app.inject({
      method: 'POST',
      url: `/api/board/channels/${channel.id}/threads`,
      headers: { cookie: first.cookie, 'x-csrf-token': first.csrf },
      payload: { title: 'Benchmark: live', body: 'Start' },
    });
    const threadId = thread.json().id as string;
    await Promise.all(streams.map((s) => s.next('board.post', 10_000)));
    const delays: number[] = [];
    for (let i = 0; i < 22; i++) {
      const sentAt = performance.now();
      const res = await fetch(`${here}/api/board/threads/${threadId}/posts`, {
        method: 'POST',
        headers: { cookie: first.cookie, 'x-csrf-token': first.csrf, 'content-type': 'application/json' },
        body: JSON.stringify({ body: `Beitrag ${i}` }),
      });
      if (res.status !== 201) throw new Error(`board bench post: ${res.status} ${await res.text()}`);
      const arrivals = await Promise.all(streams.map((s) => s.next('board.post', 10_000)));
      // The first two are warm-up: connections, plans and caches.
      if (i >= 2) for (const event of arrivals) delays.push(event.at - sentAt);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    results.push({
      name: 'board: post → 200 open boards',
      samples: delays,
      targetP95Ms: LIVE_TARGET_MS,
      note: 'sent to arrival on each stream; 100 streams on this process, 100 on a second one',
    });
  } finally {
    for (const s of streams) s.close();
    second.child.kill();
    await once(second.child, 'exit').catch(() => undefined);
  }
  return results;
}
