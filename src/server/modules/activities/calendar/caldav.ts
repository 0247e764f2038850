import { and, eq, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { ActivityType } from '@shared/activities/enums';
import { translator } from '@shared/texts/translate';
import { type DbOrTx, rows } from '@server/db/client';
import type { Deps } from '@server/deps';
import { ValidationError } from '@server/http/errors';
import { defineJob } from '@server/jobs/definition';
import type { JobsService } from '@server/jobs/service';
import { contactRefs } from '@server/modules/contacts';
import * as repo from '../repo';
import { caldavAccounts, caldavEvents, calendarFeeds } from '../tables';
import { summaryOf } from './feed';
import { activityUid, renderCalendar, uidHost } from './ics';

export const CALDAV_PUSH_JOB = 'calendar.caldav-push';
const pushKey = (activityId: string) => `caldav-push:${activityId}`;
/** A CalDAV server that does not answer within this time is tried again later. */
const TIMEOUT_MS = 15_000;

export interface CaldavState {
  configured: boolean;
  url: string | null;
  username: string | null;
  hasPassword: boolean;
  lastPushAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
}

export interface CaldavInput {
  url: string;
  username: string;
  /** Omitted: keep the stored one. */
  password?: string;
}

type Account = typeof caldavAccounts.$inferSelect;

const basic = (a: { username: string; password: string }) =>
  `Basic ${Buffer.from(`${a.username}:${a.password}`).toString('base64')}`;

const collection = (url: string) => (url.endsWith('/') ? url : `${url}/`);

async function davRequest(account: Account, method: string, url: string, init: RequestInit = {}): Promise<Response> {
  return fetch(url, {
    ...init,
    method,
    headers: { authorization: basic(account), ...(init.headers as Record<string, string>) },
    redirect: 'follow',
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
}

/**
 * A one-way copy of each user's activities to their own CalDAV calendar
 * (Nextcloud, Radicale, mail servers): every write to an activity plans one push
 * job per activity (the latest state wins); the job PUTs the event, or DELETEs it
 * from a former owner's calendar.
 */
export function createCaldav({ db, clock, config, log }: Deps, jobs: JobsService) {
  const host = uidHost(config.publicUrl);

  async function account(tx: DbOrTx, userId: string): Promise<Account | undefined> {
    const [row] = await tx.select().from(caldavAccounts).where(eq(caldavAccounts.userId, userId));
    return row;
  }

  async function record(userId: string, error: string | null) {
    const now = clock.now();
    await db
      .update(caldavAccounts)
      .set(
        error
          ? { lastError: error.slice(0, 500), lastErrorAt: now }
          : { lastPushAt: now, lastError: null, lastErrorAt: null },
      )
      .where(eq(caldavAccounts.userId, userId));
  }

  async function eventText(activity: repo.ActivityRow, userId: string): Promise<string> {
    const [details] = await db
      .select({ includeDetails: calendarFeeds.includeDetails })
      .from(calendarFeeds)
      .where(eq(calendarFeeds.userId, userId));
    const withDetails = details?.includeDetails ?? false;
    const customer = activity.contactId
      ? ((await contactRefs(db, [activity.contactId])).get(activity.contactId)?.displayName ?? null)
      : null;
    const t = translator('de');
    return renderCalendar([
      {
        uid: activityUid(activity.id, host),
        sequence: activity.sequence,
        stamp: activity.updatedAt,
        allDay: activity.allDay,
        dueOn: activity.dueOn,
        startsAt: activity.startsAt,
        endsAt: activity.endsAt,
        summary: summaryOf(t(`activityType.${activity.type as ActivityType}`), activity.subject, customer),
        description: withDetails ? activity.note : null,
        location: withDetails ? activity.place : null,
        url: `${config.publicUrl}${activity.contactId ? `/customers/${activity.contactId}?activity=${activity.id}` : `/calendar?activity=${activity.id}`}`,
        cancelled: activity.status === 'cancelled',
      },
    ]);
  }

  async function failIfBad(res: Response, what: string) {
    if (res.ok) return;
    const body = (await res.text().catch(() => '')).slice(0, 200);
    throw new Error(`${what}: HTTP ${res.status}${body ? ` ${body}` : ''}`);
  }

  const pushJob = jobs.register(
    defineJob({
      kind: CALDAV_PUSH_JOB,
      payload: z.object({ activityId: z.uuid() }),
      transactional: false,
      maxAttempts: 6,
      backoff: 60_000,
      handler: async ({ activityId }, ctx) => {
        const activity = await repo.findActivity(db, activityId);
        if (!activity) return;
        // Gone from a former owner's calendar (handed over, or the owner no longer pushes).
        const elsewhere = await db
          .select()
          .from(caldavEvents)
          .where(and(eq(caldavEvents.activityId, activityId), ne(caldavEvents.userId, activity.ownerId)));
        for (const placed of elsewhere) {
          const former = await account(db, placed.userId);
          if (former) {
            try {
              const res = await davRequest(former, 'DELETE', placed.href);
              if (res.status !== 404) await failIfBad(res, 'DELETE');
              await record(former.userId, null);
            } catch (err) {
              await record(former.userId, err instanceof Error ? err.message : String(err));
              throw err;
            }
          }
          await db
            .delete(caldavEvents)
            .where(and(eq(caldavEvents.activityId, activityId), eq(caldavEvents.userId, placed.userId)));
        }
        const target = await account(db, activity.ownerId);
        if (!target) return;
        const href = `${collection(target.url)}${activity.id}.ics`;
        // A push for the same activity may run beside this one (it was changed meanwhile): whoever
        // finishes last checks that what it wrote is still the latest, so the calendar ends up right.
        let current = activity;
        for (let round = 0; round < 3; round++) {
          try {
            const res = await davRequest(target, 'PUT', href, {
              headers: { 'content-type': 'text/calendar; charset=utf-8' },
              body: await eventText(current, current.ownerId),
            });
            await failIfBad(res, 'PUT');
          } catch (err) {
            const message = err instanceof Error ? err.message : String(err);
            await record(target.userId, message);
            ctx.log.warn({ activityId, userId: target.userId, err: message }, 'CalDAV push failed');
            throw err;
          }
          const now = clock.now();
          await db
            .insert(caldavEvents)
            .values({ activityId, userId: target.userId, href, sequence: current.sequence, pushedAt: now })
            .onConflictDoUpdate({
              target: [caldavEvents.activityId, caldavEvents.userId],
              set: { href, sequence: current.sequence, pushedAt: now },
            });
          const latest = await repo.findActivity(db, activityId);
          if (!latest || latest.version === current.version || latest.ownerId !== target.userId) break;
          current = latest;
        }
        await record(target.userId, null);
      },
    }),
  );

  async function schedulePush(tx: DbOrTx, activityId: string) {
    await jobs.schedule(
      tx,
      pushJob,
      { activityId },
      { runAt: clock.now(), uniqueKey: pushKey(activityId), replace: true },
    );
  }

  async function state(userId: string): Promise<CaldavState> {
    const row = await account(db, userId);
    return {
      configured: Boolean(row),
      url: row?.url ?? null,
      username: row?.username ?? null,
      hasPassword: Boolean(row?.password),
      lastPushAt: row?.lastPushAt?.toISOString() ?? null,
      lastError: row?.lastError ?? null,
      lastErrorAt: row?.lastErrorAt?.toISOString() ?? null,
    };
  }

  return {
    pushJob,
    state,

    /** Heard of every write to an activity: a push is planned when its owner (or a former one) has a calendar. */
    async onSaved(tx: DbOrTx, activity: repo.ActivityRow) {
      const hit = await rows(
        tx,
        sql`SELECT 1 FROM caldav_accounts WHERE user_id = ${activity.ownerId}
            UNION ALL SELECT 1 FROM caldav_events WHERE activity_id = ${activity.id} LIMIT 1`,
      );
      if (hit.length) await schedulePush(tx, activity.id);
    },

    /** Stores the calendar; the password may be left out to keep the stored one. Pushes the coming year's activities. */
    async save(userId: string, input: CaldavInput): Promise<CaldavState> {
      const current = await account(db, userId);
      const password = input.password ?? current?.password;
      if (!password) {
        throw new ValidationError([{ field: 'password', in: 'body', code: 'required', message: 'is required' }]);
      }
      const now = clock.now();
      await db.transaction(async (tx) => {
        await tx
          .insert(caldavAccounts)
          .values({ userId, url: input.url, username: input.username, password, updatedAt: now })
          .onConflictDoUpdate({
            target: caldavAccounts.userId,
            set: { url: input.url, username: input.username, password, updatedAt: now, lastError: null },
          });
        if (current && current.url !== input.url) {
          // A new calendar: everything is pushed there afresh; the old one is left as it is.
          await tx.delete(caldavEvents).where(eq(caldavEvents.userId, userId));
        }
        const from = new Date(now.getTime() - 7 * 86_400_000);
        const to = new Date(now.getTime() + 365 * 86_400_000);
        const coming = await repo.inRange(tx, { ownerIds: [userId] }, from, to, true);
        for (const a of coming) await schedulePush(tx, a.id);
      });
      return state(userId);
    },

    /** Stops pushing; what is on the calendar stays there. */
    async remove(userId: string): Promise<void> {
      await db.transaction(async (tx) => {
        await tx.delete(caldavEvents).where(eq(caldavEvents.userId, userId));
        await tx.delete(caldavAccounts).where(eq(caldavAccounts.userId, userId));
      });
    },

    /** Asks the server for the calendar (PROPFIND) with the stored or given credentials. */
    async test(userId: string, input?: CaldavInput): Promise<{ ok: boolean; status: number | null; message: string }> {
      const stored = await account(db, userId);
      const password = input?.password ?? stored?.password;
      const url = input?.url ?? stored?.url;
      const username = input?.username ?? stored?.username;
      if (!url || !username || !password) {
        return { ok: false, status: null, message: 'No CalDAV calendar is set up.' };
      }
      const probe = { ...(stored ?? ({} as Account)), url, username, password };
      try {
        const res = await davRequest(probe, 'PROPFIND', collection(url), {
          headers: { depth: '0', 'content-type': 'application/xml; charset=utf-8' },
          body: '<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:"><d:prop><d:resourcetype/><d:displayname/></d:prop></d:propfind>',
        });
        const text = await res.text();
        if (res.status === 401 || res.status === 403) {
          return { ok: false, status: res.status, message: 'The server refused the user name or password.' };
        }
        if (res.status !== 207) {
          return { ok: false, status: res.status, message: `The server answered HTTP ${res.status}.` };
        }
        if (!/calendar/i.test(text)) {
          return { ok: false, status: res.status, message: 'The address is not a calendar (collection).' };
        }
        return { ok: true, status: res.status, message: 'The calendar answered.' };
      } catch (err) {
        log.debug({ err }, 'CalDAV test failed');
        return { ok: false, status: null, message: err instanceof Error ? err.message : String(err) };
      }
    },
  };
}
