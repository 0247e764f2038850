/** What is planned: a contact with the customer or a task around them (seed 002). */
export const ACTIVITY_TYPES = [
  'call',
  'email',
  'letter',
  'appointment',
  'test_drive',
  'offer_follow_up',
  'delivery',
  'satisfaction_call',
  'service_contact',
  'repurchase',
  'other',
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

/** Types that are meetings at a time and place; the others are tasks (a call, a letter …). */
export const APPOINTMENT_TYPES: readonly ActivityType[] = ['appointment', 'test_drive', 'delivery'];

export const ACTIVITY_STATUSES = ['open', 'done', 'cancelled'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

/** How a done activity went; "kept" and "no_show" are an appointment's (R3.5: appointment kept). */
export const ACTIVITY_RESULTS = [
  'reached',
  'not_reached',
  'appointment_made',
  'offer_sent',
  'not_interested',
  'kept',
  'no_show',
  'done',
] as const;
export type ActivityResult = (typeof ACTIVITY_RESULTS)[number];

export const ACTIVITY_PRIORITIES = ['low', 'normal', 'high'] as const;
export type ActivityPriority = (typeof ACTIVITY_PRIORITIES)[number];

/** Lead times a reminder can be given at, in minutes before the activity starts. */
export const REMINDER_LEAD_MINUTES = [0, 5, 15, 30, 60, 120, 1440] as const;
