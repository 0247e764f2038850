import { z } from 'zod';
import { CHANNELS, CONSENT_PURPOSES, type Channel } from '../contacts/enums';
import { LIFECYCLE_PHASES } from './phase';

/** When a lifecycle rule is due for a vehicle (seed 002, R2.8–R2.12). */
export const LIFECYCLE_TRIGGERS = [
  'days_after_delivery',
  'months_after_delivery',
  'months_before_financing_end',
  'days_before_warranty_end',
  'days_before_service_contract_end',
  /** N days before each anniversary of the delivery. */
  'annual_service',
  /** N days before the main inspection (HU): 3 years after first registration, then every 2 years. */
  'main_inspection',
  /**
   * Every N km by the mileage estimated from the vehicle's readings: due when the estimate is
   * `leadDays` days' driving short of the next multiple of N.
   */
  'service_by_mileage',
] as const;
export type LifecycleTrigger = (typeof LIFECYCLE_TRIGGERS)[number];

/** What a due rule does: an activity (or a call-list call) now, a letter or e-mail waiting to be sent. */
export const LIFECYCLE_ACTIONS = ['activity', 'call_list', 'letter', 'email'] as const;
export type LifecycleActionKind = (typeof LIFECYCLE_ACTIONS)[number];

/**
 * The channel whose consent a rule may ask for: the one its action reaches the customer by.
 * Asking for another (a phone consent for a letter) would send to customers who never agreed.
 */
export function consentChannelOfAction(action: LifecycleActionKind): Channel {
  return action === 'letter' ? 'letter' : action === 'email' ? 'email' : 'phone';
}

export const LIFECYCLE_ASSIGNEES = ['sales_consultant', 'service_advisor'] as const;
export type LifecycleAssignee = (typeof LIFECYCLE_ASSIGNEES)[number];

/** The activity types a lifecycle rule may plan. */
export const LIFECYCLE_ACTIVITY_TYPES = [
  'satisfaction_call',
  'service_contact',
  'repurchase',
  'call',
  'other',
] as const;

export const LIFECYCLE_ACTION_STATUSES = ['due', 'done', 'pending_send', 'sent', 'failed', 'skipped'] as const;
export type LifecycleActionStatus = (typeof LIFECYCLE_ACTION_STATUSES)[number];

/** Why a due action was not carried out; recorded on the action, never dropped silently. */
export const LIFECYCLE_SKIP_REASONS = [
  'vehicle_sold',
  'customer_blocked',
  'consent_missing',
  'no_person',
  /** The consent was there when the rule was due and withdrawn before the e-mail went out. */
  'consent_withdrawn',
  'no_email_address',
] as const;
export type LifecycleSkipReason = (typeof LIFECYCLE_SKIP_REASONS)[number];

/** The longest mileage interval; every other trigger counts days or months up to AMOUNT_MAX. */
export const MILEAGE_INTERVAL_MAX = 500_000;
export const AMOUNT_MAX = 3650;
/** The shortest mileage interval: anything less would plan a service every few days. */
export const MILEAGE_INTERVAL_MIN = 1000;

export const lifecycleRuleInput = z.object({
  name: z.string().trim().min(1).max(120),
  locationId: z.uuid().nullable(),
  make: z.string().trim().min(1).max(60).nullable(),
  trigger: z.enum(LIFECYCLE_TRIGGERS),
  /** Days or months; kilometres for the mileage trigger (at most 3650 otherwise, see AMOUNT_MAX). */
  amount: z.number().int().min(0).max(MILEAGE_INTERVAL_MAX),
  /** The mileage trigger's lead: due this many days' driving before the mileage is reached. */
  leadDays: z.number().int().min(0).max(365).default(0),
  /** Only vehicles in this phase on the due date; null: any. */
  phase: z.enum(LIFECYCLE_PHASES).nullable(),
  action: z.enum(LIFECYCLE_ACTIONS),
  assignee: z.enum(LIFECYCLE_ASSIGNEES),
  activityType: z.enum(LIFECYCLE_ACTIVITY_TYPES),
  consentChannel: z.enum(CHANNELS).nullable(),
  consentPurpose: z.enum(CONSENT_PURPOSES).nullable(),
  /** The e-mail's subject or the letter's title. */
  subject: z.string().max(200).default(''),
  template: z.string().max(5000),
  lookbackDays: z.number().int().min(0).max(365),
  enabled: z.boolean(),
});
export type LifecycleRuleInput = z.infer<typeof lifecycleRuleInput>;

export interface LifecycleRuleView extends LifecycleRuleInput {
  id: string;
  defaultKey: string | null;
  locationName: string | null;
  version: number;
}

export interface LifecycleRunResult {
  found: number;
  created: number;
  queued: number;
  pendingSend: number;
  skipped: number;
}

export const LifecycleRuleSchema = lifecycleRuleInput.extend({
  id: z.uuid(),
  defaultKey: z.string().nullable(),
  locationName: z.string().nullable(),
  version: z.number().int(),
});

export const LifecycleRunResultSchema = z.object({
  found: z.number().int(),
  created: z.number().int(),
  queued: z.number().int(),
  pendingSend: z.number().int(),
  skipped: z.number().int(),
});

const PhaseViewSchema = z.object({ phase: z.enum(LIFECYCLE_PHASES).nullable(), month: z.number().int() });
export const ContactPhasesSchema = PhaseViewSchema.extend({
  vehicles: z.array(PhaseViewSchema.extend({ vehicleId: z.uuid() })),
});
export type ContactPhasesView = z.infer<typeof ContactPhasesSchema>;

export const LifecycleReportQuery = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  /** Months after the re-purchase activity in which an opportunity or contract counts. */
  months: z.coerce.number().int().min(1).max(24).default(6),
});

export const LifecycleReportSchema = z.object({
  rows: z.array(
    z.object({
      ruleId: z.uuid(),
      ruleName: z.string(),
      ownerId: z.uuid().nullable(),
      ownerName: z.string().nullable(),
      due: z.number().int(),
      done: z.number().int(),
      pendingSend: z.number().int(),
      skipped: z.number().int(),
    }),
  ),
  skippedByReason: z.array(z.object({ reason: z.enum(LIFECYCLE_SKIP_REASONS), count: z.number().int() })),
  repurchase: z.object({
    activities: z.number().int(),
    withOpportunity: z.number().int(),
    withContract: z.number().int(),
    months: z.number().int(),
  }),
});
export type LifecycleReport = z.infer<typeof LifecycleReportSchema>;

export const PrintBatchSchema = z.object({
  id: z.uuid(),
  letterCount: z.number().int(),
  createdAt: z.string(),
});
export type PrintBatchView = z.infer<typeof PrintBatchSchema>;

export const WaitingLettersSchema = z.object({
  rules: z.array(
    z.object({
      ruleId: z.uuid(),
      ruleName: z.string(),
      count: z.number().int(),
      /** The first few customers, by name. */
      names: z.array(z.string()),
    }),
  ),
  batches: z.array(PrintBatchSchema),
});
export type WaitingLettersView = z.infer<typeof WaitingLettersSchema>;

/** The placeholders a lifecycle letter or e-mail fills in. */
export const LIFECYCLE_PLACEHOLDERS = [
  'anrede',
  'vorname',
  'nachname',
  'name',
  'kundennummer',
  'fahrzeug',
  'kennzeichen',
  'berater',
  'standort',
] as const;

/** The placeholders in a text that a lifecycle letter or e-mail cannot fill, as written ("{{Fahrzeugg}}"). */
export function unknownLifecyclePlaceholders(text: string): string[] {
  const known: readonly string[] = LIFECYCLE_PLACEHOLDERS;
  return [...text.matchAll(/\{\{\s*([^{}]*?)\s*\}\}/g)]
    .filter((m) => !known.includes(m[1]!.toLowerCase()))
    .map((m) => m[0]);
}
