import type {
  Activity,
  ActivityCancellation,
  ActivityCompletion,
  ActivityInput,
  ActivityListQuery,
  ActivityRangeQuery,
  ActivityUpdate,
  FollowUpRule,
} from '@shared/activities/schemas';
import type { ActivityResult, ActivityType } from '@shared/activities/enums';
import { timelineText } from '@shared/texts/timeline';
import type { z } from 'zod';
import type { DbOrTx } from '@server/db/client';
import type { Deps } from '@server/deps';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@server/http/errors';
import { hasLocation, type UserActor } from '@server/http/access';
import { nextOpening } from '@server/lib/working-time';
import type { JobsService } from '@server/jobs/service';
import { contactRefs, type ContactsService, type MergeHooks } from '@server/modules/contacts';
import { loadPeople, type OrgService, userNames } from '@server/modules/org';
import { requestRefs } from '@server/modules/requests';
import { recordTimeline } from '@server/modules/timeline';
import { vehicleRefs } from '@server/modules/vehicles';
import { DEFAULT_FOLLOW_UP_RULES, matchFollowUp } from './follow-up';
import { type ActivityRefs, presentActivity } from './presenters';
import { createReminders } from './reminders';
import * as repo from './repo';
import { addDaysTo, berlinDay, berlinTime, defaultReminderMinutes, reminderTime } from './time';
import type { AssignmentService } from '@server/modules/assignment';
import type { NotificationsService } from '@server/modules/notifications';
import type { MailService } from '@server/integrations/mail/service';

type Input = z.output<typeof ActivityInput>;
type Update = z.output<typeof ActivityUpdate>;
type Completion = z.output<typeof ActivityCompletion>;

/** Who planned or changed an activity: a user in the app, or the system on someone's behalf (a callback window). */
export interface ActivityAuthor {
  userId: string | null;
}

/** Told after an activity moved or ended, in the same transaction: e.g. a request whose callback it is. */
export type ActivityListener = (
  tx: DbOrTx,
  change: { kind: 'moved' | 'done' | 'cancelled'; activity: repo.ActivityRow; byId: string | null },
) => Promise<void>;

/** Told after every write to an activity (planned, edited, moved, done, cancelled), in the same transaction. */
export type ActivitySavedListener = (tx: DbOrTx, activity: repo.ActivityRow) => Promise<void>;

export interface ActivitiesDeps {
  org: OrgService;
  contacts: ContactsService;
  jobs: JobsService;
  notifications: NotificationsService;
  assignment: AssignmentService;
  mail: MailService;
  mergeHooks: MergeHooks;
}

export type ActivitiesService = ReturnType<typeof createActivitiesService>;

const MAX_RANGE_MS = 62 * 86_400_000;

/**
 * Planned contacts, tasks and appointments (Wiedervorlage). Every change goes on
 * the customer's and vehicle's timeline and moves the reminder in the same transaction.
 */
export function createActivitiesService(deps: Deps, ports: ActivitiesDeps) {
  const { db, clock } = deps;
  const listeners: ActivityListener[] = [];
  const savedListeners: ActivitySavedListener[] = [];
  const reminders = createReminders(deps, ports);
  ports.mergeHooks.register('activities', (tx, sourceId, targetId) => repo.moveContact(tx, sourceId, targetId));

  async function refsOf(rows: repo.ActivityRow[], tx: DbOrTx = db): Promise<ActivityRefs> {
    const ids = (pick: (r: repo.ActivityRow) => (string | null)[]) => [
      ...new Set(rows.flatMap(pick).filter((id): id is string => Boolean(id))),
    ];
    const [users, contacts, vehicles, requests] = await Promise.all([
      userNames(
        tx,
        ids((r) => [r.ownerId, r.createdById, r.completedById]),
      ),
      contactRefs(
        tx,
        ids((r) => [r.contactId]),
      ),
      vehicleRefs(
        tx,
        ids((r) => [r.vehicleId]),
      ),
      requestRefs(
        tx,
        ids((r) => [r.requestId]),
      ),
    ]);
    return {
      users,
      contacts: new Map([...contacts].map(([id, c]) => [id, `${c.displayName} (${c.customerNumber})`])),
      vehicles,
      requests: new Map([...requests].map(([id, r]) => [id, `${r.number} ${r.subject}`])),
    };
  }

  async function present(rows: repo.ActivityRow[], tx: DbOrTx = db): Promise<Activity[]> {
    const refs = await refsOf(rows, tx);
    const now = clock.now();
    return rows.map((r) => presentActivity(r, refs, now));
  }

  /** The timing columns of an input: an all-day task starts at 00:00 Berlin of its day. */
  function timing(v: { allDay?: boolean; dueOn?: string; startsAt?: string; endsAt?: string | null }) {
    if (v.allDay) return { allDay: true, dueOn: v.dueOn!, startsAt: berlinTime(v.dueOn!), endsAt: null };
    return {
      allDay: false,
      dueOn: null,
      startsAt: new Date(v.startsAt!),
      endsAt: v.endsAt ? new Date(v.endsAt) : null,
    };
  }

  /** Owner, contact, vehicle and request must exist; the owner must be an active colleague at a location of the planner. */
  async function checkLinks(
    tx: DbOrTx,
    actor: UserActor | null,
    v: { ownerId: string; contactId?: string | null; vehicleId?: string | null; requestId?: string | null },
  ) {
    const errors = [];
    const owner = (await loadPeople(tx, [v.ownerId])).get(v.ownerId);
    if (!owner || !owner.active) {
      errors.push({
        field: 'ownerId',
        in: 'body' as const,
        code: 'active_colleague_required' as const,
        message: 'is not an active colleague',
      });
    } else if (actor && actor.role !== 'admin' && !owner.locationIds.some((l) => actor.locationIds.includes(l))) {
      errors.push({
        field: 'ownerId',
        in: 'body' as const,
        code: 'own_location_required' as const,
        message: 'does not work at your locations',
      });
    }
    if (v.contactId && !(await contactRefs(tx, [v.contactId])).has(v.contactId)) {
      errors.push({
        field: 'contactId',
        in: 'body' as const,
        code: 'unknown_contact' as const,
        message: 'unknown contact',
      });
    }
    if (v.vehicleId && !(await vehicleRefs(tx, [v.vehicleId])).has(v.vehicleId)) {
      errors.push({
        field: 'vehicleId',
        in: 'body' as const,
        code: 'unknown_vehicle' as const,
        message: 'unknown vehicle',
      });
    }
    const request = v.requestId ? (await requestRefs(tx, [v.requestId])).get(v.requestId) : undefined;
    if (v.requestId && !request) {
      errors.push({ field: 'requestId', in: 'body' as const, code: 'invalid' as const, message: 'unknown request' });
    }
    if (errors.length) throw new ValidationError(errors);
    return { owner: owner!, request };
  }

  function whenOf(row: { allDay: boolean; dueOn: string | null; startsAt: Date }) {
    return row.allDay && row.dueOn ? row.dueOn : row.startsAt.toISOString();
  }

  async function onTimeline(
    tx: DbOrTx,
    row: repo.ActivityRow,
    authorId: string | null,
    text: ReturnType<typeof timelineText>,
    body?: string | null,
  ) {
    if (!row.contactId && !row.vehicleId) return;
    await recordTimeline(tx, {
      contactId: row.contactId,
      vehicleId: row.vehicleId,
      kind: 'activity',
      occurredAt: clock.now(),
      authorId,
      ...text,
      body: body ?? null,
      data: { activityId: row.id, type: row.type, status: row.status },
      sourceType: 'activity',
      sourceId: row.id,
    });
  }

  /**
   * Plans an activity in the caller's transaction: row, history, timeline and reminder commit together.
   * `locationId` files it at that location when the owner works there (a request's callback at the request's).
   */
  async function planIn(
    tx: DbOrTx,
    author: ActivityAuthor,
    actor: UserActor | null,
    input: Input,
    options: { locationId?: string } = {},
  ): Promise<repo.ActivityRow> {
    const ownerId = input.ownerId ?? author.userId;
    if (!ownerId)
      throw new ValidationError([{ field: 'ownerId', in: 'body', code: 'required', message: 'is required' }]);
    const { owner, request } = await checkLinks(tx, actor, { ...input, ownerId });
    const now = clock.now();
    const when = timing(input);
    const reminderMinutesBefore =
      input.reminderMinutesBefore === undefined ? defaultReminderMinutes(input.type) : input.reminderMinutesBefore;
    const remindAt = reminderTime({ ...when, reminderMinutesBefore });
    const locationId =
      options.locationId && owner.locationIds.includes(options.locationId)
        ? options.locationId
        : actor && owner.locationIds.includes(actor.homeLocationId)
          ? actor.homeLocationId
          : owner.locationIds[0]!;
    const row = await repo.insertActivity(tx, {
      type: input.type,
      subject: input.subject,
      note: input.note,
      priority: input.priority,
      ownerId,
      createdById: author.userId,
      locationId,
      contactId: input.contactId ?? request?.contactId ?? null,
      vehicleId: input.vehicleId ?? null,
      requestId: input.requestId ?? null,
      ...when,
      place: input.place,
      reminderMinutesBefore,
      remindAt: remindAt && remindAt > now ? remindAt : null,
      followUpOfId: input.followUpOfId ?? null,
      createdAt: now,
      updatedAt: now,
    });
    await repo.recordChange(tx, { activityId: row.id, at: now, byId: author.userId, kind: 'created' });
    await onTimeline(
      tx,
      row,
      author.userId,
      timelineText('timeline.activityPlanned', {
        type: row.type as ActivityType,
        subject: row.subject,
        when: whenOf(row),
      }),
      row.note,
    );
    await reminders.schedule(tx, row);
    await saved(tx, row);
    return row;
  }

  /** Who may see an activity: its owner and planner, and colleagues at its location. */
  function assertMaySee(actor: UserActor, row: repo.ActivityRow) {
    if (row.ownerId === actor.userId || row.createdById === actor.userId) return;
    if (!hasLocation(actor, row.locationId)) throw new ForbiddenError('This activity belongs to another location.');
  }

  /** Who may change an activity: its owner and planner, and editors and managers at its location. */
  function assertMayChange(actor: UserActor, row: repo.ActivityRow) {
    if (row.ownerId === actor.userId || row.createdById === actor.userId) return;
    if (!hasLocation(actor, row.locationId)) throw new ForbiddenError('This activity belongs to another location.');
  }

  async function load(tx: DbOrTx, id: string, actor: UserActor | null, version?: number) {
    const row = await repo.findActivity(tx, id, true);
    if (!row) throw new NotFoundError('Activity');
    if (actor) assertMayChange(actor, row);
    if (version !== undefined && version !== row.version) {
      throw new ConflictError('The activity was changed by someone else in the meantime; reload it.');
    }
    return row;
  }

  function assertOpen(row: repo.ActivityRow) {
    if (row.status !== 'open') {
      throw new ConflictError(row.status === 'done' ? 'The activity is already done.' : 'The activity was cancelled.');
    }
  }

  /** The Berlin day n days from today, moved to the location's next working day. */
  async function workingDayAfter(locationId: string, days: number): Promise<string> {
    const dueOn = addDaysTo(berlinDay(clock.now()), days);
    try {
      const location = await ports.org.getLocation(locationId);
      return berlinDay(nextOpening(location, berlinTime(dueOn)));
    } catch {
      // A location without hours keeps the plain calendar day.
      return dueOn;
    }
  }

  async function rules(tx: DbOrTx = db): Promise<FollowUpRule[]> {
    const stored = await repo.followUpRules(tx);
    return stored.length
      ? stored.map((r) => ({
          activityType: r.activityType as ActivityType | null,
          result: r.result as ActivityResult | null,
          followUpType: r.followUpType as ActivityType,
          afterDays: r.afterDays,
        }))
      : DEFAULT_FOLLOW_UP_RULES;
  }

  async function tell(
    tx: DbOrTx,
    kind: 'moved' | 'done' | 'cancelled',
    activity: repo.ActivityRow,
    byId: string | null,
  ) {
    for (const listener of listeners) await listener(tx, { kind, activity, byId });
  }

  async function saved(tx: DbOrTx, activity: repo.ActivityRow) {
    for (const listener of savedListeners) await listener(tx, activity);
  }

  return {
    reminders,

    /** Another module wants to hear when activities move or end (in the changing transaction). */
    onChange(listener: ActivityListener) {
      listeners.push(listener);
    },

    /** Another module wants to hear of every write to an activity (e.g. to copy it to an outside calendar). */
    onSaved(listener: ActivitySavedListener) {
      savedListeners.push(listener);
    },

    planIn,

    async plan(actor: UserActor, input: Input): Promise<Activity> {
      const row = await db.transaction((tx) => planIn(tx, { userId: actor.userId }, actor, input));
      return (await present([row]))[0]!;
    },

    async get(
      actor: UserActor,
      id: string,
    ): Promise<Activity & { changes: Array<{ at: string; kind: string; by: string | null; data: unknown }> }> {
      const row = await repo.findActivity(db, id);
      if (!row) throw new NotFoundError('Activity');
      assertMaySee(actor, row);
      const changes = await repo.changesOf(db, id);
      const names = await userNames(
        db,
        changes.map((c) => c.byId).filter((x): x is string => Boolean(x)),
      );
      return {
        ...(await present([row]))[0]!,
        changes: changes.map((c) => ({
          at: c.at.toISOString(),
          kind: c.kind,
          by: c.byId ? (names.get(c.byId) ?? null) : null,
          data: c.data,
        })),
      };
    },

    /** Edit, move or hand over; moving raises the SEQUENCE and moves the reminder. */
    async update(actor: UserActor, id: string, input: Update): Promise<Activity> {
      const row = await db.transaction(async (tx) => {
        const before = await load(tx, id, actor, input.version);
        assertOpen(before);
        const now = clock.now();
        const ownerId = input.ownerId ?? before.ownerId;
        if (input.ownerId || input.contactId || input.vehicleId) {
          await checkLinks(tx, actor, { ownerId, contactId: input.contactId, vehicleId: input.vehicleId });
        }
        const timed = input.allDay !== undefined || input.dueOn || input.startsAt || input.endsAt !== undefined;
        const when = timed
          ? timing({
              allDay: input.allDay ?? (input.startsAt ? false : before.allDay),
              dueOn: input.dueOn ?? before.dueOn ?? undefined,
              startsAt: input.startsAt ?? before.startsAt.toISOString(),
              endsAt: input.endsAt === undefined ? before.endsAt?.toISOString() : input.endsAt,
            })
          : null;
        const moved =
          when !== null &&
          (when.startsAt.getTime() !== before.startsAt.getTime() ||
            (when.endsAt?.getTime() ?? null) !== (before.endsAt?.getTime() ?? null) ||
            when.allDay !== before.allDay);
        const type = input.type ?? (before.type as ActivityType);
        const reminderMinutesBefore =
          input.reminderMinutesBefore === undefined ? before.reminderMinutesBefore : input.reminderMinutesBefore;
        const schedule = { ...(when ?? before), reminderMinutesBefore };
        const remindAt = reminderTime(schedule);
        const reminderChanged = moved || reminderMinutesBefore !== before.reminderMinutesBefore;
        const after = await repo.updateActivity(tx, id, {
          type,
          subject: input.subject ?? before.subject,
          note: input.note === undefined ? before.note : input.note,
          priority: input.priority ?? before.priority,
          ownerId,
          contactId: input.contactId === undefined ? before.contactId : input.contactId,
          vehicleId: input.vehicleId === undefined ? before.vehicleId : input.vehicleId,
          ...(when ?? {}),
          place: input.place === undefined ? before.place : input.place,
          reminderMinutesBefore,
          remindAt: reminderChanged ? (remindAt && remindAt > now ? remindAt : null) : before.remindAt,
          sequence: moved ? before.sequence + 1 : before.sequence,
          updatedAt: now,
        });
        if (moved) {
          await repo.recordChange(tx, {
            activityId: id,
            at: now,
            byId: actor.userId,
            kind: 'rescheduled',
            data: { from: whenOf(before), to: whenOf(after) },
          });
          await onTimeline(
            tx,
            after,
            actor.userId,
            timelineText('timeline.activityMoved', { type, subject: after.subject, when: whenOf(after) }),
          );
          await tell(tx, 'moved', after, actor.userId);
        }
        if (ownerId !== before.ownerId) {
          await repo.recordChange(tx, {
            activityId: id,
            at: now,
            byId: actor.userId,
            kind: 'reassigned',
            data: { from: before.ownerId, to: ownerId },
          });
        }
        if (!moved && ownerId === before.ownerId) {
          await repo.recordChange(tx, { activityId: id, at: now, byId: actor.userId, kind: 'edited' });
        }
        if (reminderChanged || ownerId !== before.ownerId) await reminders.schedule(tx, after);
        await saved(tx, after);
        return after;
      });
      return (await present([row]))[0]!;
    },

    /** Done with a result and a verbatim note; the follow-up, if given, is planned in the same transaction. */
    async complete(
      actor: UserActor,
      id: string,
      input: Completion,
    ): Promise<{ activity: Activity; followUp: Activity | null }> {
      const [done, next] = await db.transaction(async (tx) => {
        const before = await load(tx, id, actor, input.version);
        assertOpen(before);
        const after = await doneIn(tx, before, actor.userId, input.result, input.note ?? null);
        const followUp = input.followUp
          ? await planIn(tx, { userId: actor.userId }, actor, {
              ...input.followUp,
              contactId: input.followUp.contactId === undefined ? after.contactId : input.followUp.contactId,
              vehicleId: input.followUp.vehicleId === undefined ? after.vehicleId : input.followUp.vehicleId,
              requestId: input.followUp.requestId === undefined ? after.requestId : input.followUp.requestId,
              followUpOfId: id,
            })
          : null;
        return [after, followUp] as const;
      });
      const [activity, followUp] = await present(next ? [done, next] : [done]);
      return { activity: activity!, followUp: followUp ?? null };
    },

    /** Cancelled, never deleted: the history keeps it, the reminder is dropped, the SEQUENCE raised. */
    async cancel(actor: UserActor, id: string, input: z.output<typeof ActivityCancellation>): Promise<Activity> {
      const row = await db.transaction(async (tx) => {
        const before = await load(tx, id, actor, input.version);
        assertOpen(before);
        return cancelIn(tx, before, actor.userId, input.reason);
      });
      return (await present([row]))[0]!;
    },

    cancelIn: (tx: DbOrTx, id: string, byId: string | null, reason: string | null) =>
      repo
        .findActivity(tx, id, true)
        .then((row) => (row && row.status === 'open' ? cancelIn(tx, row, byId, reason) : null)),

    /**
     * Moves an open timed appointment in the caller's transaction (the test drive it is for was
     * moved): SEQUENCE raised, reminder moved, an invited customer gets the update. Null when not open.
     */
    async moveIn(
      tx: DbOrTx,
      id: string,
      when: { startsAt: Date; endsAt: Date | null },
      byId: string | null,
    ): Promise<repo.ActivityRow | null> {
      const before = await repo.findActivity(tx, id, true);
      if (!before || before.status !== 'open') return null;
      if (
        !before.allDay &&
        before.startsAt.getTime() === when.startsAt.getTime() &&
        (before.endsAt?.getTime() ?? null) === (when.endsAt?.getTime() ?? null)
      ) {
        return before;
      }
      const now = clock.now();
      const remindAt = reminderTime({
        allDay: false,
        dueOn: null,
        ...when,
        reminderMinutesBefore: before.reminderMinutesBefore,
      });
      const after = await repo.updateActivity(tx, id, {
        allDay: false,
        dueOn: null,
        startsAt: when.startsAt,
        endsAt: when.endsAt,
        remindAt: remindAt && remindAt > now ? remindAt : null,
        sequence: before.sequence + 1,
        updatedAt: now,
      });
      await repo.recordChange(tx, {
        activityId: id,
        at: now,
        byId,
        kind: 'rescheduled',
        data: { from: whenOf(before), to: whenOf(after) },
      });
      await onTimeline(
        tx,
        after,
        byId,
        timelineText('timeline.activityMoved', {
          type: after.type as ActivityType,
          subject: after.subject,
          when: whenOf(after),
        }),
      );
      await tell(tx, 'moved', after, byId);
      await reminders.schedule(tx, after);
      await saved(tx, after);
      return after;
    },

    /** Done with a result in the caller's transaction (e.g. the request it was for was closed); null when not open. */
    completeIn: (tx: DbOrTx, id: string, byId: string | null, result: ActivityResult, note: string | null) =>
      repo
        .findActivity(tx, id, true)
        .then((row) => (row && row.status === 'open' ? doneIn(tx, row, byId, result, note) : null)),

    /**
     * Hands an open activity to another owner in the caller's transaction (the request it is for
     * was reassigned); the reminder goes with it. Null when it is no longer open.
     */
    async handOverIn(tx: DbOrTx, id: string, ownerId: string, byId: string | null): Promise<repo.ActivityRow | null> {
      const before = await repo.findActivity(tx, id, true);
      if (!before || before.status !== 'open') return null;
      if (before.ownerId === ownerId) return before;
      const now = clock.now();
      const after = await repo.updateActivity(tx, id, { ownerId, updatedAt: now });
      await repo.recordChange(tx, {
        activityId: id,
        at: now,
        byId,
        kind: 'reassigned',
        data: { from: before.ownerId, to: ownerId },
      });
      await reminders.schedule(tx, after);
      await saved(tx, after);
      return after;
    },

    /** The reminder again in a while ("snooze"); the activity itself stays where it is. */
    async snooze(actor: UserActor, id: string, minutes: number): Promise<Activity> {
      const row = await db.transaction(async (tx) => {
        const before = await load(tx, id, actor);
        assertOpen(before);
        const after = await repo.updateActivity(tx, id, {
          remindAt: new Date(clock.now().getTime() + minutes * 60_000),
        });
        await reminders.schedule(tx, after);
        return after;
      });
      return (await present([row]))[0]!;
    },

    /** The calendar: one person's activities (default the caller), or a whole location's for the team view. */
    async range(actor: UserActor, query: z.output<typeof ActivityRangeQuery>): Promise<{ items: Activity[] }> {
      const from = new Date(query.from);
      const to = new Date(query.to);
      if (to <= from)
        throw new ValidationError([{ field: 'to', in: 'querystring', code: 'invalid', message: 'must be after from' }]);
      if (to.getTime() - from.getTime() > MAX_RANGE_MS) {
        throw new ValidationError([
          { field: 'to', in: 'querystring', code: 'invalid', message: 'a range covers at most 62 days' },
        ]);
      }
      const manager = actor.role === 'admin' || actor.role === 'manager';
      let who: { ownerIds: string[] } | { locationId: string };
      if (query.locationId) {
        if (!manager) throw new ForbiddenError('The team calendar is for managers.');
        if (!hasLocation(actor, query.locationId)) throw new ForbiddenError('You do not work at this location.');
        who = { locationId: query.locationId };
      } else if (query.ownerId && query.ownerId !== actor.userId) {
        const owner = (await loadPeople(db, [query.ownerId])).get(query.ownerId);
        if (!owner) throw new NotFoundError('User');
        if (!manager || !owner.locationIds.some((l) => hasLocation(actor, l))) {
          throw new ForbiddenError("Only managers see colleagues' calendars.");
        }
        who = { ownerIds: [query.ownerId] };
      } else {
        who = { ownerIds: [actor.userId] };
      }
      const rows = await repo.inRange(db, who, from, to, query.includeCancelled);
      return { items: await present(rows) };
    },

    /** A customer's, vehicle's or request's activities: open ones first. */
    async listLinked(query: z.output<typeof ActivityListQuery>): Promise<{ items: Activity[] }> {
      if (!query.contactId && !query.vehicleId && !query.requestId) {
        throw new ValidationError([
          {
            field: 'contactId',
            in: 'querystring',
            code: 'required',
            message: 'give contactId, vehicleId or requestId',
          },
        ]);
      }
      const rows = await repo.linkedTo(db, query, query.status, query.limit);
      return { items: await present(rows) };
    },

    /** The caller's open activities due by the end of today: the overdue ones and today's, for the home page and the menu count. */
    async dueNow(actor: UserActor): Promise<{ overdue: number; today: number; items: Activity[] }> {
      const now = clock.now();
      const endOfToday = berlinTime(addDaysTo(berlinDay(now), 1));
      const rows = await repo.openDueBefore(db, actor.userId, endOfToday, 200);
      const items = await present(rows);
      const overdue = items.filter((a) => a.overdue).length;
      return { overdue, today: items.length - overdue, items };
    },

    /** What completing with this result would plan next, by the managers' rules, on the location's next working day. */
    async proposeFollowUp(actor: UserActor, id: string, result: ActivityResult) {
      const row = await repo.findActivity(db, id);
      if (!row) throw new NotFoundError('Activity');
      assertMaySee(actor, row);
      const rule = matchFollowUp(await rules(), row.type as ActivityType, result);
      if (!rule) return null;
      const dueOn = await workingDayAfter(row.locationId, rule.afterDays);
      return { type: rule.followUpType, subject: row.subject, dueOn, afterDays: rule.afterDays };
    },

    /**
     * The follow-up a result calls for when no activity was completed (an offer sent by e-mail):
     * the managers' rule for the result alone, else `fallback`; due on the location's next working day.
     * Reads outside the caller's transaction, so ask before opening it.
     */
    async followUpForResult(
      result: ActivityResult,
      locationId: string,
      fallback: { type: ActivityType; afterDays: number },
    ): Promise<{ type: ActivityType; afterDays: number; dueOn: string }> {
      const rule = (await rules()).find((r) => r.activityType === null && r.result === result);
      const type = rule?.followUpType ?? fallback.type;
      const afterDays = rule?.afterDays ?? fallback.afterDays;
      return { type, afterDays, dueOn: await workingDayAfter(locationId, afterDays) };
    },

    followUpRules: () => rules(),

    async setFollowUpRules(actor: UserActor, list: FollowUpRule[]): Promise<FollowUpRule[]> {
      if (actor.role !== 'admin' && actor.role !== 'manager') throw new ForbiddenError();
      await db.transaction((tx) => repo.replaceFollowUpRules(tx, list));
      return rules();
    },

    present,
  };

  async function doneIn(
    tx: DbOrTx,
    before: repo.ActivityRow,
    byId: string | null,
    result: ActivityResult,
    note: string | null,
  ) {
    const now = clock.now();
    const after = await repo.updateActivity(tx, before.id, {
      status: 'done',
      result,
      resultNote: note,
      completedAt: now,
      completedById: byId,
      remindAt: null,
      updatedAt: now,
    });
    await repo.recordChange(tx, { activityId: before.id, at: now, byId, kind: 'done', data: { result } });
    await onTimeline(
      tx,
      after,
      byId,
      timelineText('timeline.activityDone', { type: after.type as ActivityType, subject: after.subject, result }),
      note,
    );
    await tell(tx, 'done', after, byId);
    await reminders.schedule(tx, after);
    await saved(tx, after);
    return after;
  }

  async function cancelIn(tx: DbOrTx, before: repo.ActivityRow, byId: string | null, reason: string | null) {
    const now = clock.now();
    const after = await repo.updateActivity(tx, before.id, {
      status: 'cancelled',
      cancelledAt: now,
      cancelledById: byId,
      cancelReason: reason,
      remindAt: null,
      sequence: before.sequence + 1,
      updatedAt: now,
    });
    await repo.recordChange(tx, { activityId: before.id, at: now, byId, kind: 'cancelled', data: { reason } });
    await onTimeline(
      tx,
      after,
      byId,
      timelineText('timeline.activityCancelled', { type: after.type as ActivityType, subject: after.subject }),
      reason,
    );
    await tell(tx, 'cancelled', after, byId);
    await reminders.schedule(tx, after);
    await saved(tx, after);
    return after;
  }
}
