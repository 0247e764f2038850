import type { Database } from '../src/server/db/client';
import type { UserActor } from '../src/server/http/access';
import { ACTIVITY_STAFF_PASSWORD } from './activities';
import type { BenchApp } from './http';
import { type Measurement, measure, percentile } from './stats';

const WEEK_TARGET_MS = 30;
const TEAM_WEEK_TARGET_MS = 80;
const FEED_TARGET_MS = 150;
const DAY = 86_400_000;
const WARMUP = 100;

export interface Session {
  userId: string;
  locationId: string;
  email: string;
  cookie: string;
  csrf: string;
}

/** Logs a generated colleague in, as the browser does: a session cookie and its CSRF token. */
export async function login(
  bench: BenchApp,
  user: { id: string; email: string; location_id: string },
): Promise<Session> {
  const res = await bench.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: user.email, password: ACTIVITY_STAFF_PASSWORD },
  });
  if (res.statusCode !== 200) throw new Error(`bench login ${user.email}: ${res.statusCode} ${res.body}`);
  return {
    userId: user.id,
    locationId: user.location_id,
    email: user.email,
    cookie: res.cookies.map((c) => `${c.name}=${c.value}`).join('; '),
    csrf: res.json().csrfToken as string,
  };
}

/** Generated colleagues of a role, one per activity location, in a fixed order. */
export async function staff(database: Database, role: 'sales' | 'manager', count: number) {
  return database.query<{ id: string; email: string; location_id: string }>(
    `SELECT DISTINCT ON (u.home_location_id) u.id, u.email, u.home_location_id AS location_id
       FROM users u JOIN locations l ON l.id = u.home_location_id
      WHERE l.code LIKE 'BA__' AND u.role = $1 AND u.email LIKE 'bench-ba%'
      ORDER BY u.home_location_id, u.email
      LIMIT $2`,
    [role, count],
  );
}

/** Monday 00:00 Berlin of the week `offset` weeks from the current one, and the Monday after. */
function week(offset: number): { from: string; to: string } {
  const berlin = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', dateStyle: 'short' });
  const today = berlin.format(new Date());
  const day = new Date(`${today}T12:00:00Z`);
  const monday = new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * DAY + offset * 7 * DAY);
  const start = (d: Date) => {
    // 00:00 in Berlin is 23:00 or 22:00 UTC of the day before; ask Intl which.
    const iso = d.toISOString().slice(0, 10);
    const noon = new Date(`${iso}T12:00:00Z`);
    const hour = Number(
      new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', hour: '2-digit', hourCycle: 'h23' }).format(noon),
    );
    return new Date(noon.getTime() - hour * 3_600_000).toISOString();
  };
  return { from: start(monday), to: start(new Date(monday.getTime() + 7 * DAY)) };
}

/** Weeks people look at: mostly this one and the next few, sometimes months back. */
const weekOffset = (i: number) => (i % 4 === 0 ? -((i * 37) % 100) : ((i * 7) % 12) - 2);

/**
 * The calendar's week views through their HTTP route, as the web app loads
 * them: a consultant's own week (about 40 activities), and a sales manager's
 * team week of their 30-person location (about 850), side by side per person.
 */
export async function measureCalendar(bench: BenchApp, database: Database, samples = 300): Promise<Measurement[]> {
  const consultants = await Promise.all((await staff(database, 'sales', 20)).map((u) => login(bench, u)));
  const managers = await Promise.all((await staff(database, 'manager', 10)).map((u) => login(bench, u)));
  if (consultants.length === 0 || managers.length === 0) throw new Error('calendar: no generated staff');

  // What the server answers, not how long the client takes to read it: rows are counted on the warm-up requests.
  const run = async (who: Session, url: string, timed: boolean) => {
    const res = await bench.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
    if (res.statusCode !== 200) throw new Error(`calendar ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    return timed ? 0 : (res.json() as { items: unknown[] }).items.length;
  };

  let ownItems = 0;
  const own = await measure(
    Array.from({ length: samples }, (_, i) => i),
    async (i, timed) => {
      const w = week(weekOffset(i));
      const who = consultants[i % consultants.length]!;
      ownItems += await run(who, `/api/activities/calendar?from=${w.from}&to=${w.to}`, timed);
    },
    WARMUP,
  );
  let teamItems = 0;
  const team = await measure(
    Array.from({ length: samples }, (_, i) => i),
    async (i, timed) => {
      const manager = managers[i % managers.length]!;
      const w = week(weekOffset(i));
      const url = `/api/activities/calendar?from=${w.from}&to=${w.to}&locationId=${manager.locationId}`;
      teamItems += await run(manager, url, timed);
    },
    WARMUP,
  );
  // The same weeks through the service alone, without HTTP, session and serialisation, to tell them apart.
  const actor = (who: Session, role: 'sales' | 'manager'): UserActor => ({
    ...bench.actor,
    userId: who.userId,
    role,
    email: who.email,
    homeLocationId: who.locationId,
    locationIds: [who.locationId],
  });
  const serviceMs = async (role: 'sales' | 'manager', people: Session[], team: boolean) =>
    p95(
      await measure(
        Array.from({ length: samples }, (_, i) => i),
        async (i) => {
          const who = people[i % people.length]!;
          const w = week(weekOffset(i));
          await bench.services.activities.range(actor(who, role), {
            ...w,
            locationId: team ? who.locationId : undefined,
            includeCancelled: false,
          });
        },
        WARMUP,
      ),
    );
  const ownService = await serviceMs('sales', consultants, false);
  const teamService = await serviceMs('manager', managers, true);
  return [
    {
      name: 'calendar: own week',
      samples: own,
      targetP95Ms: WEEK_TARGET_MS,
      note: `a consultant's week, ${Math.round(ownItems / WARMUP)} activities on average, service alone p95 ${ownService.toFixed(1)} ms`,
    },
    {
      name: 'calendar: team week',
      samples: team,
      targetP95Ms: TEAM_WEEK_TARGET_MS,
      note: `a 30-person location's week, ${Math.round(teamItems / WARMUP)} activities on average, service alone p95 ${teamService.toFixed(1)} ms`,
    },
  ];
}

/**
 * The private iCalendar feed (90 days back, a year ahead) of consultants with
 * some 4,500 activities each, about 1,000 of them in the feed, fetched as
 * Outlook or a phone does: GET of the secret URL, no session. Fifteen users
 * share the requests, as a feed answers one address at most 30 times a minute.
 * Reports "not available" on a build without calendar feeds.
 */
export async function measureFeed(bench: BenchApp, database: Database, samples = 200): Promise<Measurement | string> {
  const users = await Promise.all((await staff(database, 'sales', 15)).map((u) => login(bench, u)));
  if (users.length === 0) return 'calendar feed (iCal)         not available: no generated staff';
  const urls: string[] = [];
  for (const user of users) {
    const url = await feedUrl(bench, user);
    if (!url) return 'calendar feed (iCal)         not available: this build has no calendar feed to subscribe to';
    urls.push(url);
  }
  const [count] = await database.query<{ n: number }>(
    `SELECT (count(*) / $2::int)::int AS n FROM activities
      WHERE owner_id = ANY($1::uuid[]) AND starts_at >= now() - interval '90 days' AND starts_at < now() + interval '365 days'`,
    [users.map((u) => u.userId), users.length],
  );
  let bytes = 0;
  const times = await measure(
    Array.from({ length: samples }, (_, i) => i),
    async (i, timed) => {
      const res = await bench.app.inject({ method: 'GET', url: urls[i % urls.length]! });
      if (res.statusCode !== 200) throw new Error(`feed: ${res.statusCode} ${res.body.slice(0, 300)}`);
      if (!timed) bytes += res.rawPayload.length;
    },
    WARMUP,
  );
  return {
    name: 'calendar feed (iCal)',
    samples: times,
    targetP95Ms: FEED_TARGET_MS,
    note: `a consultant's feed, ${count!.n.toLocaleString('en')} activities, ${Math.round(bytes / WARMUP / 1024)} KB`,
  };
}

/** The user's private feed address (created now, as on the settings page); null when the build has no feeds. */
async function feedUrl(bench: BenchApp, session: Session): Promise<string | null> {
  const res = await bench.app.inject({
    method: 'POST',
    url: '/api/calendar/feed',
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
    payload: {},
  });
  if (res.statusCode === 404) return null;
  if (res.statusCode !== 200) throw new Error(`feed: create ${res.statusCode} ${res.body.slice(0, 300)}`);
  const url = (res.json() as { url: string | null }).url;
  return url ? new URL(url).pathname : null;
}

export const p95 = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    95,
  );
