import { eq, sql } from 'drizzle-orm';
import type { ActivityType } from '@shared/activities/enums';
import { translator } from '@shared/texts/translate';
import type { Locale } from '@shared/org/enums';
import { rows } from '@server/db/client';
import type { Deps } from '@server/deps';
import { TooManyRequestsError } from '@server/http/errors';
import { randomToken, sha256 } from '@server/lib/crypto';
import { contactsSql } from '@server/modules/contacts';
import { usersSql } from '@server/modules/org';
import { calendarFeeds } from '../tables';
import { activityUid, type IcsEvent, renderCachedCalendar, uidHost } from './ics';

/** What a feed shows: from 90 days back to a year ahead. */
export const FEED_PAST_DAYS = 90;
export const FEED_FUTURE_DAYS = 365;
/** More than enough for a year of one person's work; a feed never grows without bound. */
export const FEED_MAX_EVENTS = 5000;
/** Calendar apps poll every few minutes to hours; more than this per minute for one feed is refused. */
export const FEED_REQUESTS_PER_MINUTE = 30;

export interface FeedState {
  active: boolean;
  includeDetails: boolean;
  createdAt: string | null;
  lastFetchedAt: string | null;
  /** Only right after creating or rotating: the token is not kept, so it cannot be shown again. */
  url: string | null;
}

interface FeedRow {
  user_id: string;
  include_details: boolean;
  locale: Locale;
  id: string | null;
  type: string;
  status: string;
  subject: string;
  note: string | null;
  place: string | null;
  all_day: boolean;
  due_on: string | null;
  starts_ms: number;
  ends_ms: number | null;
  updated_ms: number;
  sequence: number;
  contact_id: string | null;
  customer: string | null;
  phone: string | null;
}

/** A token looks like this: 43 characters of base64url. Anything else is not looked up at all. */
const TOKEN = /^[A-Za-z0-9_-]{32,64}$/;

/** Private, revocable iCalendar feeds: one per user, the URL is the secret. */
export function createFeeds({ db, clock, config }: Deps) {
  const host = uidHost(config.publicUrl);
  const feedUrl = (token: string) => `${config.publicUrl}/api/calendar/feed/${token}.ics`;
  const hits = new Map<string, { minute: number; count: number }>();

  function limit(hash: string) {
    const minute = Math.floor(clock.now().getTime() / 60_000);
    const seen = hits.get(hash);
    if (!seen || seen.minute !== minute) {
      if (hits.size > 10_000) hits.clear();
      hits.set(hash, { minute, count: 1 });
      return;
    }
    if (++seen.count > FEED_REQUESTS_PER_MINUTE) {
      throw new TooManyRequestsError('This calendar feed is fetched too often; try again in a minute.', 60);
    }
  }

  async function state(userId: string, url: string | null = null): Promise<FeedState> {
    const [row] = await db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, userId));
    return {
      active: Boolean(row),
      includeDetails: row?.includeDetails ?? false,
      createdAt: row?.createdAt.toISOString() ?? null,
      lastFetchedAt: row?.lastFetchedAt?.toISOString() ?? null,
      url,
    };
  }

  return {
    state: (userId: string) => state(userId),

    /** A new secret URL; an older one stops working at once. */
    async rotate(userId: string, includeDetails?: boolean): Promise<FeedState> {
      const token = randomToken(32);
      const now = clock.now();
      await db
        .insert(calendarFeeds)
        .values({ userId, tokenHash: sha256(token), includeDetails: includeDetails ?? false, createdAt: now })
        .onConflictDoUpdate({
          target: calendarFeeds.userId,
          set: {
            tokenHash: sha256(token),
            createdAt: now,
            lastFetchedAt: null,
            ...(includeDetails === undefined ? {} : { includeDetails }),
          },
        });
      return state(userId, feedUrl(token));
    },

    async revoke(userId: string): Promise<void> {
      await db.delete(calendarFeeds).where(eq(calendarFeeds.userId, userId));
    },

    async setDetails(userId: string, includeDetails: boolean): Promise<FeedState> {
      await db.update(calendarFeeds).set({ includeDetails }).where(eq(calendarFeeds.userId, userId));
      return state(userId);
    },

    /** The feed's text, or null for a token that is unknown or revoked. One statement reads everything. */
    async render(token: string): Promise<string | null> {
      if (!TOKEN.test(token)) return null;
      const hash = sha256(token);
      limit(hash);
      const now = clock.now();
      const from = new Date(now.getTime() - FEED_PAST_DAYS * 86_400_000);
      const to = new Date(now.getTime() + FEED_FUTURE_DAYS * 86_400_000);
      const found = await rows<FeedRow>(
        db,
        sql`
        WITH f AS (
          UPDATE calendar_feeds SET last_fetched_at = ${now.toISOString()}::timestamptz
           WHERE token_hash = ${hash}
          RETURNING user_id, include_details
        )
        SELECT f.user_id, f.include_details, u.locale, a.id, a.type, a.status, a.subject,
               a.note, a.place, a.all_day, a.due_on::text AS due_on,
               (extract(epoch FROM a.starts_at) * 1000)::float8 AS starts_ms,
               (extract(epoch FROM a.ends_at) * 1000)::float8 AS ends_ms,
               (extract(epoch FROM a.updated_at) * 1000)::float8 AS updated_ms,
               a.sequence, a.contact_id, ${sql.raw(contactsSql.displayName('a.contact_id'))} AS customer,
               CASE WHEN f.include_details AND a.contact_id IS NOT NULL THEN
                 ${sql.raw(contactsSql.primaryPhone('a.contact_id'))}
               END AS phone
          FROM f
          JOIN ${sql.raw(usersSql.table)} u ON u.id = f.user_id AND u.active
          LEFT JOIN activities a ON a.owner_id = f.user_id
               AND a.starts_at >= ${from.toISOString()}::timestamptz
               AND a.starts_at < ${to.toISOString()}::timestamptz
         ORDER BY a.starts_at
         LIMIT ${FEED_MAX_EVENTS}`,
      );
      const first = found[0];
      if (!first) return null;
      const t = translator(first.locale);
      const events = found
        .filter((r) => r.id !== null)
        .map((r) => ({
          key: [first.locale, first.include_details, r.id, r.sequence, r.updated_ms, r.customer, r.phone].join('|'),
          event: feedEvent(
            r,
            first.include_details,
            t,
            activityUid(r.id!, host),
            `${config.publicUrl}${r.contact_id ? `/customers/${r.contact_id}?activity=${r.id}` : `/calendar?activity=${r.id}`}`,
          ),
        }));
      return renderCachedCalendar(events, { method: 'PUBLISH', name: t('calendarFeed.name') });
    },
  };
}

function feedEvent(r: FeedRow, details: boolean, t: ReturnType<typeof translator>, uid: string, url: string): IcsEvent {
  const label = t(`activityType.${r.type as ActivityType}`);
  const description = details
    ? [r.phone ? `${t('calendarFeed.phone')}: ${r.phone}` : null, r.note].filter(Boolean).join('\n')
    : null;
  return {
    uid,
    sequence: r.sequence,
    stamp: new Date(r.updated_ms),
    allDay: r.all_day,
    dueOn: r.due_on,
    startsAt: new Date(r.starts_ms),
    endsAt: r.ends_ms === null ? null : new Date(r.ends_ms),
    summary: summaryOf(label, r.subject, r.customer),
    description: description || null,
    location: details ? r.place : null,
    url,
    cancelled: r.status === 'cancelled',
  };
}

/** "Probefahrt: Golf GTI – Max Weber": the type, the subject and (only) the customer's name. */
export function summaryOf(label: string, subject: string, customer: string | null): string {
  return `${label}: ${subject}${customer ? ` – ${customer}` : ''}`;
}
