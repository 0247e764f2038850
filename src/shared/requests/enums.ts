/** What the customer wants (Anliegen). */
export const REQUEST_TYPES = [
  'sales_lead',
  'service_appointment',
  'callback',
  'parts',
  'complaint',
  'general',
] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

/** How the request reached us. */
export const REQUEST_CHANNELS = [
  'phone',
  'email',
  'letter',
  'walk_in',
  'web_form',
  'lead_portal',
  'social_media',
] as const;
export type RequestChannel = (typeof REQUEST_CHANNELS)[number];

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** new → assigned → in_progress → waiting → done | lost; done and lost can be reopened. */
export const REQUEST_STATUSES = ['new', 'assigned', 'in_progress', 'waiting', 'done', 'lost'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const OPEN_STATUSES: readonly RequestStatus[] = ['new', 'assigned', 'in_progress', 'waiting'];

export const LOST_REASONS = [
  'not_reached',
  'bought_elsewhere',
  'no_interest',
  'price',
  'no_stock',
  'duplicate',
  'spam',
  'other',
] as const;
export type LostReason = (typeof LOST_REASONS)[number];

export const ATTEMPT_CHANNELS = ['phone', 'email', 'sms', 'letter', 'in_person'] as const;
export const ATTEMPT_OUTCOMES = ['reached', 'no_answer', 'voicemail', 'wrong_number', 'email_sent'] as const;
export type AttemptOutcome = (typeof ATTEMPT_OUTCOMES)[number];
/**
 * Outcomes where a conversation with the customer took place: R3.4 wants word
 * for word what was said and offered, so these need a note. Failed attempts
 * (no answer, voicemail, wrong number) and a sent e-mail keep it optional.
 */
export const CONVERSATION_OUTCOMES: readonly AttemptOutcome[] = ['reached'];
export const noteRequiredFor = (outcome: AttemptOutcome) => CONVERSATION_OUTCOMES.includes(outcome);
/** Outcomes that mean the customer was not reached by phone. */
export const FAILED_PHONE_OUTCOMES: readonly AttemptOutcome[] = ['no_answer', 'voicemail', 'wrong_number'];

export const ASSIGNMENT_STRATEGIES = [
  'fixed_user',
  'regular_consultant',
  'regular_advisor',
  'round_robin',
  'least_loaded',
] as const;
export type AssignmentStrategy = (typeof ASSIGNMENT_STRATEGIES)[number];

export const ABSENCE_KINDS = ['holiday', 'sick', 'training', 'other'] as const;

export const TEMPLATE_KINDS = ['phone_script', 'voicemail', 'email'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

/** Units of the first-contact deadline: working days keep the time of day, working hours count open hours only. */
export const SLA_UNITS = ['working_days', 'working_hours'] as const;
export type SlaUnit = (typeof SLA_UNITS)[number];
