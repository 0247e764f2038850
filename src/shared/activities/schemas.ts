import { z } from 'zod';
import { Instant, IsoDate, optionalText, UserRef } from '../common';
import { ACTIVITY_PRIORITIES, ACTIVITY_RESULTS, ACTIVITY_STATUSES, ACTIVITY_TYPES } from './enums';

export const ACTIVITY_TEXT_MAX = { subject: 200, note: 10_000, place: 200, cancelReason: 500 } as const;

/**
 * When an activity is due: a whole day (a task: "call Mr Weber on Tuesday") or a
 * time, optionally with an end (an appointment: "test drive Tue 14:00–15:00").
 * Times are instants with their offset; the web app sends Berlin wall-clock time.
 */
const Timing = {
  allDay: z.boolean().default(false),
  /** The day an all-day task is due (Europe/Berlin). */
  dueOn: IsoDate.optional(),
  /** Start of an appointment or the due time of a timed task. */
  startsAt: Instant.optional(),
  endsAt: Instant.nullish(),
  place: optionalText(ACTIVITY_TEXT_MAX.place),
};

/** Minutes before the start the owner is reminded; null: no reminder. */
const ReminderMinutes = z.number().int().min(0).max(20_160).nullish();

type TimingShape = { allDay?: boolean; dueOn?: string; startsAt?: string; endsAt?: string | null };

/** Names the field that is missing or wrong, so forms can point at it. */
export function checkTiming(value: TimingShape, ctx: z.RefinementCtx, partial = false) {
  if (partial && value.allDay === undefined && !value.dueOn && !value.startsAt && value.endsAt === undefined) return;
  if (value.allDay) {
    if (!value.dueOn) ctx.addIssue({ code: 'custom', path: ['dueOn'], message: 'an all-day activity needs its day' });
    return;
  }
  if (!value.startsAt && !partial) {
    ctx.addIssue({ code: 'custom', path: ['startsAt'], message: 'a timed activity needs its start' });
    return;
  }
  if (value.startsAt && value.endsAt && Date.parse(value.endsAt) <= Date.parse(value.startsAt)) {
    ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'must be after the start' });
  }
  if (value.startsAt && value.endsAt && Date.parse(value.endsAt) - Date.parse(value.startsAt) > 14 * 86_400_000) {
    ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'an activity lasts at most 14 days' });
  }
}

export const ActivityInput = z
  .object({
    type: z.enum(ACTIVITY_TYPES),
    subject: z.string().trim().min(1).max(ACTIVITY_TEXT_MAX.subject),
    note: optionalText(ACTIVITY_TEXT_MAX.note),
    priority: z.enum(ACTIVITY_PRIORITIES).default('normal'),
    /** Defaults to the user planning it. */
    ownerId: z.uuid().optional(),
    contactId: z.uuid().nullish(),
    vehicleId: z.uuid().nullish(),
    requestId: z.uuid().nullish(),
    ...Timing,
    /** Default: 15 minutes before an appointment, at the due time of a timed task, 08:00 on an all-day task's day. */
    reminderMinutesBefore: ReminderMinutes,
    /** The activity this one follows up (set by completing with a follow-up). */
    followUpOfId: z.uuid().nullish(),
  })
  .superRefine((v, ctx) => checkTiming(v, ctx));
export type ActivityInput = z.input<typeof ActivityInput>;

/** Reschedule, reassign or edit; `version` refuses to overwrite a newer change (409). */
export const ActivityUpdate = z
  .object({
    version: z.number().int().positive().optional(),
    type: z.enum(ACTIVITY_TYPES).optional(),
    subject: z.string().trim().min(1).max(ACTIVITY_TEXT_MAX.subject).optional(),
    note: optionalText(ACTIVITY_TEXT_MAX.note),
    priority: z.enum(ACTIVITY_PRIORITIES).optional(),
    ownerId: z.uuid().optional(),
    contactId: z.uuid().nullish(),
    vehicleId: z.uuid().nullish(),
    allDay: z.boolean().optional(),
    dueOn: IsoDate.optional(),
    startsAt: Instant.optional(),
    endsAt: Instant.nullish(),
    place: optionalText(ACTIVITY_TEXT_MAX.place),
    reminderMinutesBefore: ReminderMinutes,
  })
  .superRefine((v, ctx) => checkTiming(v, ctx, true));
export type ActivityUpdate = z.input<typeof ActivityUpdate>;

export const ActivityCompletion = z.object({
  result: z.enum(ACTIVITY_RESULTS),
  /** What happened, kept verbatim. */
  note: optionalText(ACTIVITY_TEXT_MAX.note),
  version: z.number().int().positive().optional(),
  /** The next step, planned in the same transaction. */
  followUp: ActivityInput.optional(),
});
export type ActivityCompletion = z.input<typeof ActivityCompletion>;

export const ActivityCancellation = z.object({
  reason: optionalText(ACTIVITY_TEXT_MAX.cancelReason),
  version: z.number().int().positive().optional(),
});

export const ActivitySnooze = z.object({ minutes: z.number().int().min(1).max(1440) });

const Ref = z.object({ id: z.uuid(), label: z.string() });

export const Activity = z.object({
  id: z.uuid(),
  type: z.enum(ACTIVITY_TYPES),
  status: z.enum(ACTIVITY_STATUSES),
  subject: z.string(),
  note: z.string().nullable(),
  priority: z.enum(ACTIVITY_PRIORITIES),
  owner: UserRef,
  createdBy: UserRef.nullable(),
  locationId: z.uuid(),
  contact: Ref.nullable(),
  vehicle: Ref.nullable(),
  request: Ref.nullable(),
  allDay: z.boolean(),
  /** All-day: the day (YYYY-MM-DD, Berlin). */
  dueOn: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string().nullable(),
  place: z.string().nullable(),
  reminderMinutesBefore: z.number().nullable(),
  /** When the owner is reminded next; null when no reminder is pending. */
  remindAt: z.string().nullable(),
  overdue: z.boolean(),
  result: z.enum(ACTIVITY_RESULTS).nullable(),
  resultNote: z.string().nullable(),
  completedAt: z.string().nullable(),
  completedBy: UserRef.nullable(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
  followUpOfId: z.uuid().nullable(),
  /** Raised on every reschedule or cancellation: the iCalendar SEQUENCE. */
  sequence: z.number(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Activity = z.infer<typeof Activity>;

/** A calendar range: whose activities, from when to when (at most 62 days). */
export const ActivityRangeQuery = z.object({
  from: Instant,
  to: Instant,
  /** Default: the caller. Managers may ask for people of their locations. */
  ownerId: z.uuid().optional(),
  /** Team view: everyone of a location (managers). */
  locationId: z.uuid().optional(),
  includeCancelled: z.coerce.boolean().default(false),
});

export const ActivityListQuery = z.object({
  contactId: z.uuid().optional(),
  vehicleId: z.uuid().optional(),
  requestId: z.uuid().optional(),
  status: z.enum(ACTIVITY_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});

export const ActivityList = z.object({ items: z.array(Activity) });

/** What completing would propose as the next step, from the managers' follow-up rules. */
export const FollowUpProposal = z.object({
  type: z.enum(ACTIVITY_TYPES),
  subject: z.string(),
  dueOn: z.string(),
  afterDays: z.number(),
});
export const FollowUpProposalQuery = z.object({ result: z.enum(ACTIVITY_RESULTS) });

export const FollowUpRule = z.object({
  /** The completed activity's type; null: any type. */
  activityType: z.enum(ACTIVITY_TYPES).nullable(),
  /** The completion's result; null: any result. */
  result: z.enum(ACTIVITY_RESULTS).nullable(),
  followUpType: z.enum(ACTIVITY_TYPES),
  afterDays: z.number().int().min(0).max(730),
});
export type FollowUpRule = z.infer<typeof FollowUpRule>;
export const FollowUpRules = z.object({ rules: z.array(FollowUpRule).max(100) });

export const OverdueSummary = z.object({ count: z.number(), items: z.array(Activity) });
