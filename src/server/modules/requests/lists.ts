import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { RequestListItem, RequestListQuery, RequestPage, WorkListCounts } from '@shared/requests/schemas';
import { assertLocation, type UserActor } from '@server/http/access';
import { cursorCodec, isTimestamp, isUuid } from '@server/http/cursor';
import { ForbiddenError } from '@server/http/errors';
import { addDays, fromLocal, toLocal } from '@server/lib/zoned-time';
import { rows } from '@server/db/client';
import { listRef } from '@server/modules/org';
import type { RequestsContext } from './context';
import type { RequestRow } from './repo';
import { can } from '@shared/auth/policies';

/** The first instant of tomorrow in Berlin. */
function berlinDayEnd(now: Date): Date {
  const today = toLocal(now, 'Europe/Berlin');
  const next = addDays(today.year, today.month, today.day, 1);
  return fromLocal(next.year, next.month, next.day, 0, 'Europe/Berlin');
}

interface ListRow {
  id: string;
  number: string;
  type: RequestRow['type'];
  channel: RequestRow['channel'];
  subject: string;
  status: RequestRow['status'];
  priority: RequestRow['priority'];
  contact_id: string;
  assignee_id: string | null;
  location_id: string;
  received_at: Date | string;
  first_contact_due_at: Date | string | null;
  first_contacted_at: Date | string | null;
  attempt_count: number;
  /** 0 while the request still waits for its first contact, 1 once contacted or closed. */
  settled: number;
}

const OPEN = sql`r.status IN ('new','assigned','in_progress','waiting')`;
/**
 * Work lists put what still waits for its first contact before what is already under way, so a
 * never-contacted request days overdue is never below ones that were called yesterday.
 */
const SETTLED = sql`(CASE WHEN ${OPEN} AND r.first_contacted_at IS NULL THEN 0 ELSE 1 END)`;
const list = (values: string[]) =>
  values.length > 0
    ? sql.join(
        values.map((v) => sql`${v}::uuid`),
        sql`, `,
      )
    : sql`NULL::uuid`;
const toIso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

/** At most this many words of a search count; a pasted paragraph is not a query. */
const MAX_SEARCH_WORDS = 8;

/** `%word%` for ILIKE, with the wildcards the user typed taken literally. */
const containing = (word: string) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The work list's search: every word must occur in the request's number,
 * subject or message, or in the text read from its scanned letter — so
 * "Lieferung verschoben" finds "die Lieferung wurde schon wieder verschoben".
 * ILIKE on the letter text uses its trigram index.
 */
function wordsCondition(q: string): SQL[] {
  const words = q.split(/\s+/).filter(Boolean).slice(0, MAX_SEARCH_WORDS);
  return words.map((word) => {
    const pattern = containing(word);
    return sql`(r.number ILIKE ${pattern} OR r.subject ILIKE ${pattern} OR r.message ILIKE ${pattern}
               OR EXISTS (SELECT 1 FROM request_letters l WHERE l.request_id = r.id AND l.text ILIKE ${pattern}))`;
  });
}

/** Cursor: the last row's settled flag, first-contact deadline, received_at and id. */
const listCursor = cursorCodec(
  (value: unknown): value is [number, string | null, string, string] =>
    Array.isArray(value) &&
    value.length === 4 &&
    (value[0] === 0 || value[0] === 1) &&
    (value[1] === null || isTimestamp(value[1])) &&
    isTimestamp(value[2]) &&
    isUuid(value[3]),
);
const encodeCursor = (r: ListRow) =>
  listCursor.encode([Number(r.settled), toIso(r.first_contact_due_at), toIso(r.received_at)!, r.id]);

/** Work lists (R3.x): mine, my team, my locations, everything; not yet contacted first, then by deadline. */
export function createLists(ctx: RequestsContext) {
  const { deps, org, contacts } = ctx;

  /** Colleagues in my department (or with my role, when I have none) who share a location with me. */
  async function teamOf(actor: UserActor): Promise<string[]> {
    const everyone = await org.directory();
    const me = everyone.find((u) => u.id === actor.userId);
    return everyone
      .filter((u) => u.active && u.locationIds.some((l) => actor.locationIds.includes(l)))
      .filter((u) => (me?.department ? u.department === me.department : u.role === actor.role))
      .map((u) => u.id);
  }

  const overdueSql = (now: Date) =>
    sql`(${OPEN} AND r.first_contacted_at IS NULL AND r.first_contact_due_at < ${now.toISOString()}::timestamptz)`;
  /** Not yet contacted, not yet overdue, and due before today ends in Berlin. */
  const dueTodaySql = (now: Date) =>
    sql`(${OPEN} AND r.first_contacted_at IS NULL AND r.first_contact_due_at >= ${now.toISOString()}::timestamptz
         AND r.first_contact_due_at < ${berlinDayEnd(now).toISOString()}::timestamptz)`;
  const myLocations = (actor: UserActor) =>
    actor.role === 'admin' ? sql`true` : sql`r.location_id IN (${list(actor.locationIds)})`;
  const mine = (actor: UserActor) =>
    sql`(r.assignee_id = ${actor.userId}::uuid OR r.on_behalf_of_id = ${actor.userId}::uuid)`;
  /** canRead of access.ts as a condition: the request's location, or it is mine. */
  const readable = (actor: UserActor) =>
    actor.role === 'admin' ? sql`true` : sql`(${myLocations(actor)} OR ${mine(actor)})`;

  async function scopeCondition(actor: UserActor, scope: z.output<typeof RequestListQuery>['scope']): Promise<SQL> {
    switch (scope) {
      case 'mine':
        return mine(actor);
      case 'team':
        return sql`(${myLocations(actor)} AND r.assignee_id IN (${list(await teamOf(actor))}))`;
      case 'location':
        return myLocations(actor);
      case 'all':
        if (!can(actor.role, 'requests.manage')) {
          throw new ForbiddenError('Only managers see the requests of all locations.');
        }
        return sql`true`;
    }
  }

  async function present(found: ListRow[], now: Date): Promise<Array<z.infer<typeof RequestListItem>>> {
    const contactIds = found.map((r) => r.contact_id);
    const [names, blocked, users] = await Promise.all([
      contacts.refs(contactIds),
      contacts.blockedIds(contactIds),
      org.userRefs(found.map((r) => r.assignee_id).filter((v): v is string => Boolean(v))),
    ]);
    return found.map((r) => {
      const due = toIso(r.first_contact_due_at);
      const open = ['new', 'assigned', 'in_progress', 'waiting'].includes(r.status);
      return {
        id: r.id,
        number: r.number,
        type: r.type,
        channel: r.channel,
        subject: r.subject,
        status: r.status,
        priority: r.priority,
        contact: {
          id: r.contact_id,
          displayName: names.get(r.contact_id)?.displayName ?? '',
          blocked: blocked.has(r.contact_id),
        },
        // "Nachname, Vorname", like the customer in the column beside it.
        assignee: listRef(users, r.assignee_id),
        locationId: r.location_id,
        receivedAt: toIso(r.received_at)!,
        firstContactDueAt: due,
        firstContactedAt: toIso(r.first_contacted_at),
        overdue: open && !r.first_contacted_at && due !== null && new Date(due) < now,
        attemptCount: Number(r.attempt_count),
      };
    });
  }

  async function select(where: SQL[], limit: number): Promise<ListRow[]> {
    return rows<ListRow>(
      deps.db,
      sql`SELECT r.id, r.number, r.type, r.channel, r.subject, r.status, r.priority, r.contact_id, r.assignee_id,
                 r.location_id, r.received_at, r.first_contact_due_at, r.first_contacted_at,
                 (SELECT count(*) FROM contact_attempts a WHERE a.request_id = r.id)::int AS attempt_count,
                 ${SETTLED} AS settled
            FROM customer_requests r
           WHERE ${sql.join(where, sql` AND `)}
           ORDER BY settled ASC, r.first_contact_due_at ASC NULLS LAST, r.received_at ASC, r.id ASC
           LIMIT ${limit}`,
    );
  }

  async function listRequests(
    actor: UserActor,
    query: z.output<typeof RequestListQuery>,
  ): Promise<z.infer<typeof RequestPage>> {
    const now = deps.clock.now();
    const where: SQL[] = [await scopeCondition(actor, query.scope)];
    if (query.locationId) {
      if (query.scope !== 'all') assertLocation(actor, query.locationId);
      where.push(sql`r.location_id = ${query.locationId}::uuid`);
    }
    where.push(query.status === 'open' ? OPEN : sql`r.status = ${query.status}`);
    if (query.type) where.push(sql`r.type = ${query.type}`);
    if (query.assigneeId) where.push(sql`r.assignee_id = ${query.assigneeId}::uuid`);
    if (query.contactId) where.push(sql`r.contact_id = ${query.contactId}::uuid`);
    if (query.overdue) where.push(query.overdue === 'true' ? overdueSql(now) : sql`NOT ${overdueSql(now)}`);
    if (query.due === 'today') where.push(dueTodaySql(now));
    if (query.unassigned === 'true') where.push(sql`r.assignee_id IS NULL`);
    if (query.q) where.push(...wordsCondition(query.q));
    if (query.cursor) {
      const [settled, due, received, id] = listCursor.decode(query.cursor);
      const after = sql`(r.received_at, r.id) > (${received}::timestamptz, ${id}::uuid)`;
      const laterInGroup =
        due === null
          ? sql`(r.first_contact_due_at IS NULL AND ${after})`
          : sql`(r.first_contact_due_at > ${due}::timestamptz OR r.first_contact_due_at IS NULL
                 OR (r.first_contact_due_at = ${due}::timestamptz AND ${after}))`;
      where.push(sql`(${SETTLED} > ${settled} OR (${SETTLED} = ${settled} AND ${laterInGroup}))`);
    }
    const found = await select(where, query.limit + 1);
    const pageRows = found.slice(0, query.limit);
    return {
      items: await present(pageRows, now),
      nextCursor: found.length > query.limit ? encodeCursor(pageRows.at(-1)!) : null,
    };
  }

  /** Badges in the navigation. */
  async function counts(actor: UserActor): Promise<z.infer<typeof WorkListCounts>> {
    const now = deps.clock.now();
    const team = await teamOf(actor);
    const [row] = await rows<Record<keyof z.infer<typeof WorkListCounts>, number>>(
      deps.db,
      sql`SELECT count(*) FILTER (WHERE ${mine(actor)})::int AS "mine",
                 count(*) FILTER (WHERE ${mine(actor)} AND ${overdueSql(now)})::int AS "mineOverdue",
                 count(*) FILTER (WHERE r.assignee_id IN (${list(team)}))::int AS "team",
                 count(*) FILTER (WHERE r.assignee_id IS NULL)::int AS "unassigned"
            FROM customer_requests r
           WHERE ${OPEN} AND (${myLocations(actor)} OR ${mine(actor)})`,
    );
    return {
      mine: Number(row?.mine ?? 0),
      mineOverdue: Number(row?.mineOverdue ?? 0),
      team: Number(row?.team ?? 0),
      unassigned: Number(row?.unassigned ?? 0),
    };
  }

  /** A customer's requests, for the customer record and "before the call" (customer data is shared across locations). */
  /** A customer's requests that the actor may read; those of other locations stay out (see access.ts). */
  async function forContact(actor: UserActor, contactId: string, status: 'open' | 'all') {
    const where = [sql`r.contact_id = ${contactId}::uuid`, status === 'open' ? OPEN : sql`true`, readable(actor)];
    const found = await rows<ListRow>(
      deps.db,
      sql`SELECT r.id, r.number, r.type, r.channel, r.subject, r.status, r.priority, r.contact_id, r.assignee_id,
                 r.location_id, r.received_at, r.first_contact_due_at, r.first_contacted_at,
                 (SELECT count(*) FROM contact_attempts a WHERE a.request_id = r.id)::int AS attempt_count,
                 ${SETTLED} AS settled
            FROM customer_requests r WHERE ${sql.join(where, sql` AND `)}
           ORDER BY r.received_at DESC LIMIT 200`,
    );
    return present(found, deps.clock.now());
  }

  /**
   * My home page in one round trip: overdue and due-today counts with the
   * first few of each, and my week. The buckets and the week's figures are
   * FILTERed counts over my open requests and this week's, so the cost stays
   * that of my own requests whatever the size of the table.
   */
  async function myDay(actor: UserActor, weekStart: Date, preview: number) {
    const now = deps.clock.now();
    const me = mine(actor);
    const since = weekStart.toISOString();
    const [figures] = await rows<Record<string, number>>(
      deps.db,
      sql`SELECT count(*) FILTER (WHERE ${overdueSql(now)})::int AS overdue,
                 count(*) FILTER (WHERE ${overdueSql(now)} AND r.type = 'callback')::int AS overdue_callbacks,
                 count(*) FILTER (WHERE ${dueTodaySql(now)})::int AS due_today,
                 count(*) FILTER (WHERE ${dueTodaySql(now)} AND r.type = 'callback')::int AS due_today_callbacks,
                 count(*) FILTER (WHERE r.received_at >= ${since}::timestamptz)::int AS received,
                 count(*) FILTER (WHERE r.first_contacted_at >= ${since}::timestamptz)::int AS contacted,
                 count(*) FILTER (WHERE r.status = 'done' AND r.closed_at >= ${since}::timestamptz)::int AS done
            FROM customer_requests r
           WHERE ${me} AND (${OPEN} OR r.received_at >= ${since}::timestamptz
                 OR r.first_contacted_at >= ${since}::timestamptz OR r.closed_at >= ${since}::timestamptz)`,
    );
    const [overdue, dueToday] = await Promise.all([
      select([me, overdueSql(now)], preview),
      select([me, dueTodaySql(now)], preview),
    ]);
    const n = (key: string) => Number(figures?.[key] ?? 0);
    return {
      overdue: { count: n('overdue'), callbacks: n('overdue_callbacks'), items: await present(overdue, now) },
      dueToday: { count: n('due_today'), callbacks: n('due_today_callbacks'), items: await present(dueToday, now) },
      week: { received: n('received'), contacted: n('contacted'), done: n('done') },
    };
  }

  /** A location's work now: open, overdue and unassigned requests. */
  async function locationState(actor: UserActor, locationId: string) {
    assertLocation(actor, locationId);
    const now = deps.clock.now();
    const [row] = await rows<Record<string, number>>(
      deps.db,
      sql`SELECT count(*)::int AS open,
                 count(*) FILTER (WHERE ${overdueSql(now)})::int AS overdue,
                 count(*) FILTER (WHERE r.assignee_id IS NULL)::int AS unassigned
            FROM customer_requests r
           WHERE ${OPEN} AND r.location_id = ${locationId}::uuid`,
    );
    return {
      open: Number(row?.open ?? 0),
      overdue: Number(row?.overdue ?? 0),
      unassigned: Number(row?.unassigned ?? 0),
    };
  }

  return { listRequests, counts, forContact, myDay, locationState };
}
