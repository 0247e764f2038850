import { sql } from 'drizzle-orm';
import { bigserial, boolean, date, index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, instant, updatedAt } from '../../db/columns';
import { contacts } from '../contacts/tables';
import { locations, users } from '../org/tables';
import { customerRequests } from '../requests/tables';
import { vehicles } from '../vehicles/tables';

/**
 * A planned contact or task (Wiedervorlage) or an appointment, owned by one
 * person. Done, cancelled and moved activities stay: the history is kept.
 */
export const activities = pgTable(
  'activities',
  {
    id: id(),
    /** One of ACTIVITY_TYPES (src/shared/activities/enums.ts). */
    type: text('type').notNull(),
    /** open, done or cancelled. */
    status: text('status').notNull().default('open'),
    subject: text('subject').notNull(),
    note: text('note'),
    priority: text('priority').notNull().default('normal'),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id),
    createdById: uuid('created_by_id').references(() => users.id),
    /** The owner's location when planned: the team calendar of a location shows it. */
    locationId: uuid('location_id')
      .notNull()
      .references(() => locations.id),
    contactId: uuid('contact_id').references(() => contacts.id),
    vehicleId: uuid('vehicle_id').references(() => vehicles.id),
    requestId: uuid('request_id').references(() => customerRequests.id),
    allDay: boolean('all_day').notNull().default(false),
    /** All-day tasks: their day in Berlin. */
    dueOn: date('due_on', { mode: 'string' }),
    /** Start of an appointment, the due time of a task, or 00:00 Berlin of an all-day task's day. */
    startsAt: instant('starts_at').notNull(),
    endsAt: instant('ends_at'),
    place: text('place'),
    reminderMinutesBefore: integer('reminder_minutes_before'),
    /** When the pending reminder fires (after snoozing, later than planned); null when none is pending. */
    remindAt: instant('remind_at'),
    result: text('result'),
    /** What the person who did it wrote, verbatim. */
    resultNote: text('result_note'),
    completedAt: instant('completed_at'),
    completedById: uuid('completed_by_id').references(() => users.id),
    cancelledAt: instant('cancelled_at'),
    cancelledById: uuid('cancelled_by_id').references(() => users.id),
    cancelReason: text('cancel_reason'),
    followUpOfId: uuid('follow_up_of_id'),
    /** iCalendar SEQUENCE: raised when the time moves or the activity is cancelled. */
    sequence: integer('sequence').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // The end as a third key: an activity that started before a calendar range is checked for
    // overlapping it in the index, without reading the rows of all the ones that did not.
    index('activities_owner_start_idx').on(t.ownerId, t.startsAt, t.endsAt),
    index('activities_location_start_idx').on(t.locationId, t.startsAt, t.endsAt),
    index('activities_contact_idx').on(t.contactId, t.startsAt),
    index('activities_vehicle_idx')
      .on(t.vehicleId)
      .where(sql`${t.vehicleId} is not null`),
    index('activities_request_idx')
      .on(t.requestId)
      .where(sql`${t.requestId} is not null`),
    index('activities_open_idx')
      .on(t.ownerId, t.startsAt)
      .where(sql`${t.status} = 'open'`),
  ],
);

/** What happened to an activity, one row per change: planned, moved, handed over, done, cancelled. */
export const activityChanges = pgTable(
  'activity_changes',
  {
    /** In order of writing: two changes in the same instant keep their order. */
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    at: instant('at').notNull(),
    byId: uuid('by_id').references(() => users.id),
    /** created, rescheduled, reassigned, edited, done, cancelled, reminded */
    kind: text('kind').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>(),
  },
  (t) => [index('activity_changes_activity_idx').on(t.activityId, t.at)],
);

/**
 * The managers' follow-up intervals: after an activity of this type (null: any)
 * done with this result (null: any), propose this type in so many days.
 */
export const activityFollowUpRules = pgTable(
  'activity_follow_up_rules',
  {
    position: integer('position').notNull(),
    activityType: text('activity_type'),
    result: text('result'),
    followUpType: text('follow_up_type').notNull(),
    afterDays: integer('after_days').notNull(),
  },
  (t) => [primaryKey({ columns: [t.position] })],
);

/** A user's private calendar feed: only the token's hash is kept, so a leaked database shows no working URL. */
export const calendarFeeds = pgTable('calendar_feeds', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull().unique(),
  /** The user opted in to the note, place and customer's phone in the feed. */
  includeDetails: boolean('include_details').notNull().default(false),
  createdAt: createdAt(),
  lastFetchedAt: instant('last_fetched_at'),
});

/** Appointments sent to the customer as an iCalendar invitation; updates and the cancellation go to the same address. */
export const activityInvitations = pgTable('activity_invitations', {
  activityId: uuid('activity_id')
    .primaryKey()
    .references(() => activities.id, { onDelete: 'cascade' }),
  contactId: uuid('contact_id')
    .notNull()
    .references(() => contacts.id, { onDelete: 'cascade' }),
  email: text('email').notNull(),
  /** consent: the customer agreed to e-mail; asked: the customer asked for the invitation. */
  reason: text('reason').notNull(),
  invitedById: uuid('invited_by_id').references(() => users.id, { onDelete: 'set null' }),
  invitedAt: instant('invited_at').notNull(),
  /** The SEQUENCE and METHOD of the last mail sent. */
  lastSequence: integer('last_sequence').notNull(),
  lastMethod: text('last_method').notNull(),
  lastSentAt: instant('last_sent_at').notNull(),
});

/** A user's own CalDAV calendar their activities are pushed to. The password is write-only: never sent back. */
export const caldavAccounts = pgTable('caldav_accounts', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  /** The calendar collection, e.g. https://cloud.example.de/remote.php/dav/calendars/anna/crm/ */
  url: text('url').notNull(),
  username: text('username').notNull(),
  password: text('password').notNull(),
  lastPushAt: instant('last_push_at'),
  lastError: text('last_error'),
  lastErrorAt: instant('last_error_at'),
  updatedAt: updatedAt(),
});

/** Which activities sit on which user's CalDAV calendar, so a handed-over one is removed from the old owner's. */
export const caldavEvents = pgTable(
  'caldav_events',
  {
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    href: text('href').notNull(),
    sequence: integer('sequence').notNull(),
    pushedAt: instant('pushed_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.userId] }), index('caldav_events_user_idx').on(t.userId)],
);
