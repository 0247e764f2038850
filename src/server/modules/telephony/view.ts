import type { Call } from '@shared/telephony/schemas';
import type { CallDirection, CallState, TelephonyProvider } from '@shared/telephony/enums';
import type { Database } from '@server/db/client';
import { contactsSql } from '@server/modules/contacts';
import { usersSql } from '@server/modules/org';
import type { UserActor } from '@server/http/access';
import { cursorCodec, isTimestamp, isUuid } from '@server/http/cursor';

/** A call with its references resolved, as GET /api/calls and the pop show it; users' and contacts' SQL from their read models. */
const SELECT_CALLS = `
  SELECT k.*,
         t.label AS tracking_label, t.source AS tracking_source,
         c.display_name AS contact_name, c.customer_number AS contact_number,
         ${usersSql.refsJson('k.user_ids')} AS user_refs,
         ${usersSql.fullName('ab')} AS answered_by_name,
         ${usersSql.fullName('na')} AS note_author_name
    FROM calls k
    LEFT JOIN tracking_numbers t ON t.id = k.tracking_number_id
    LEFT JOIN ${contactsSql.table} c ON c.id = k.contact_id
    LEFT JOIN ${usersSql.table} ab ON ab.id = k.answered_by_user_id
    LEFT JOIN ${usersSql.table} na ON na.id = k.note_author_id`;

interface CallViewRow {
  id: string;
  provider: TelephonyProvider;
  connection_id: string | null;
  external_id: string;
  parent_call_id: string | null;
  direction: CallDirection;
  state: CallState;
  from_number: string | null;
  from_raw: string | null;
  to_number: string | null;
  to_raw: string | null;
  dialled_number: string | null;
  tracking_number_id: string | null;
  tracking_label: string | null;
  tracking_source: string | null;
  source: string | null;
  campaign: string | null;
  location_id: string | null;
  contact_id: string | null;
  contact_name: string | null;
  contact_number: string | null;
  matched_contact_ids: string[];
  extensions: string[];
  user_ids: string[];
  user_refs: Array<{ id: string; displayName: string }> | string;
  answered_by_user_id: string | null;
  answered_by_name: string | null;
  started_at: Date | string;
  answered_at: Date | string | null;
  ended_at: Date | string | null;
  duration_seconds: number | null;
  end_cause: string | null;
  note: string | null;
  note_author_id: string | null;
  note_author_name: string | null;
  note_at: Date | string | null;
  request_id: string | null;
  follow_up_of_call_id: string | null;
}

const iso = (value: Date | string) => new Date(value).toISOString();
const isoOrNull = (value: Date | string | null) => (value === null ? null : iso(value));
/** PGlite hands back json columns parsed, node-postgres too; text only when a driver does not know the type. */
const json = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

function present(r: CallViewRow): Call & { userIds: string[] } {
  return {
    id: r.id,
    provider: r.provider,
    connectionId: r.connection_id,
    externalId: r.external_id,
    parentCallId: r.parent_call_id,
    direction: r.direction,
    state: r.state,
    fromNumber: r.from_number,
    fromRaw: r.from_raw,
    toNumber: r.to_number,
    toRaw: r.to_raw,
    dialledNumber: r.dialled_number,
    trackingNumber: r.tracking_number_id
      ? { id: r.tracking_number_id, label: r.tracking_label ?? '', source: r.tracking_source ?? '' }
      : null,
    source: r.source,
    campaign: r.campaign,
    contact: r.contact_id
      ? { id: r.contact_id, displayName: r.contact_name ?? '', customerNumber: r.contact_number ?? '' }
      : null,
    matchedContactIds: r.matched_contact_ids,
    extensions: r.extensions,
    users: json(r.user_refs),
    answeredBy: r.answered_by_user_id ? { id: r.answered_by_user_id, displayName: r.answered_by_name ?? '' } : null,
    startedAt: iso(r.started_at),
    answeredAt: isoOrNull(r.answered_at),
    endedAt: isoOrNull(r.ended_at),
    durationSeconds: r.duration_seconds,
    endCause: r.end_cause,
    note: r.note,
    noteAuthor: r.note_author_id ? { id: r.note_author_id, displayName: r.note_author_name ?? '' } : null,
    noteAt: isoOrNull(r.note_at),
    requestId: r.request_id,
    followUpOfCallId: r.follow_up_of_call_id,
    locationId: r.location_id,
    userIds: r.user_ids,
  };
}

export type CallView = ReturnType<typeof present>;

export async function loadCallView(database: Database, id: string): Promise<CallView | null> {
  const [row] = await database.query<CallViewRow>(`${SELECT_CALLS} WHERE k.id = $1`, [id]);
  return row ? present(row) : null;
}

/** Drops what the contract does not show. */
export function toCall(view: CallView): Call {
  const { userIds: _u, ...call } = view;
  return call;
}

/**
 * Who sees a call: admins all; everyone else the calls of their locations,
 * calls without a location (a line nobody assigned) and calls they were on.
 */
const visibleSql = (userParam: string, locationsParam: string) =>
  `(k.location_id IS NULL OR k.location_id = ANY(${locationsParam}::uuid[]) OR ${userParam}::uuid = ANY(k.user_ids))`;

export interface CallListFilter {
  contactId?: string;
  userId?: string;
  state?: CallState;
  direction?: CallDirection;
  limit: number;
  cursor?: string;
}

/** Cursor: the last call's started_at and id. */
const callCursor = cursorCodec(
  (value: unknown): value is [string, string] =>
    Array.isArray(value) && value.length === 2 && isTimestamp(value[0]) && isUuid(value[1]),
);

const encodeCallCursor = (view: CallView) => callCursor.encode([view.startedAt, view.id]);

function decodeCallCursor(cursor: string): { startedAt: string; id: string } {
  const [startedAt, id] = callCursor.decode(cursor);
  return { startedAt, id };
}

/** Newest first, keyset paging on (started_at, id). */
export async function listCallViews(database: Database, actor: UserActor, filter: CallListFilter) {
  const where: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (actor.role !== 'admin') where.push(visibleSql(param(actor.userId), param(actor.locationIds)));
  if (filter.contactId) where.push(`k.contact_id = ${param(filter.contactId)}`);
  if (filter.userId) where.push(`${param(filter.userId)}::uuid = ANY(k.user_ids)`);
  if (filter.state) where.push(`k.state = ${param(filter.state)}`);
  if (filter.direction) where.push(`k.direction = ${param(filter.direction)}`);
  if (filter.cursor) {
    const after = decodeCallCursor(filter.cursor);
    where.push(`(k.started_at, k.id) < (${param(after.startedAt)}::timestamptz, ${param(after.id)}::uuid)`);
  }
  const rows = await database.query<CallViewRow>(
    `${SELECT_CALLS} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY k.started_at DESC, k.id DESC LIMIT ${param(filter.limit + 1)}`,
    params,
  );
  const views = rows.map(present);
  const page = views.slice(0, filter.limit);
  return {
    items: page.map(toCall),
    nextCursor: views.length > filter.limit ? encodeCallCursor(page[page.length - 1]!) : null,
  };
}

/** The user's calls still going on, so a reload brings back an open pop; stale ones (never hung up) are left out. */
export async function liveCallViews(database: Database, userId: string, since: Date) {
  const rows = await database.query<CallViewRow>(
    `${SELECT_CALLS} WHERE k.state IN ('ringing','answered','on_hold') AND k.started_at > $2
        AND $1::uuid = ANY(k.user_ids)
      ORDER BY k.started_at DESC LIMIT 20`,
    [userId, since],
  );
  return rows.map((r) => toCall(present(r)));
}
