import { z } from 'zod';
import { Instant, IsoDate, optionalText, UserRef } from '../common';
import { DEPARTMENT_KINDS } from '../org/enums';
import { ABSENCE_KINDS, ASSIGNMENT_STRATEGIES, REQUEST_TYPES } from './enums';

export const RuleMatch = z.object({
  types: z.array(z.enum(REQUEST_TYPES)).default([]),
  locationIds: z.array(z.uuid()).default([]),
  brands: z.array(z.string().trim().min(1).max(60)).default([]),
  sources: z.array(z.string().trim().min(1).max(120)).default([]),
});

export const AssignmentRuleInput = z
  .object({
    name: z.string().trim().min(2).max(120),
    active: z.boolean().default(true),
    match: RuleMatch,
    strategy: z.enum(ASSIGNMENT_STRATEGIES),
    userId: z.uuid().nullish(),
    groupUserIds: z.array(z.uuid()).max(100).default([]),
    notifyManager: z.boolean().default(false),
    notifyDeputy: z.boolean().default(true),
  })
  .refine((r) => r.strategy !== 'fixed_user' || Boolean(r.userId), { message: 'choose the person', path: ['userId'] })
  .refine((r) => !['round_robin', 'least_loaded'].includes(r.strategy) || r.groupUserIds.length > 0, {
    message: 'choose at least one person for the group',
    path: ['groupUserIds'],
  });

export const AssignmentRule = z.object({
  id: z.uuid(),
  position: z.number().int(),
  name: z.string(),
  active: z.boolean(),
  match: RuleMatch,
  strategy: z.enum(ASSIGNMENT_STRATEGIES),
  user: UserRef.nullable(),
  groupUsers: z.array(UserRef),
  notifyManager: z.boolean(),
  notifyDeputy: z.boolean(),
});

export const RuleOrder = z.object({ ids: z.array(z.uuid()).min(1).max(500) });

/** "Who would get this request?" — the rules tried without creating anything. */
export const AssignmentProbe = z.object({
  type: z.enum(REQUEST_TYPES),
  locationId: z.uuid(),
  brand: optionalText(60),
  source: optionalText(120),
  contactId: z.uuid().nullish(),
  /** The department a callback or inquiry names. */
  department: z.enum(DEPARTMENT_KINDS).nullish(),
  /** Defaults to now: lets a manager check next week's holiday cover. */
  at: Instant.optional(),
});

/** The management a request falls back to: sales, after-sales (service and parts) or administration. */
export const FALLBACK_TEAMS = ['sales', 'after_sales', 'administration'] as const;
export type FallbackTeam = (typeof FALLBACK_TEAMS)[number];

/** Who took a request no rule (or nobody of the rule) took, and why. */
export const AssignmentFallback = z.object({
  /** no_rule: no rule matched; rule_unavailable: the rule's people and their deputies were not there. */
  reason: z.enum(['no_rule', 'rule_unavailable']),
  /** The team whose management took it; null: the location's management in general, or an admin. */
  team: z.enum(FALLBACK_TEAMS).nullable(),
  /** manager: present; deputy: standing in for an absent manager; admin: no management there; nobody. */
  via: z.enum(['manager', 'deputy', 'admin', 'nobody']),
  standsInFor: UserRef.nullable(),
});

export const AssignmentDecision = z.object({
  assignee: UserRef.nullable(),
  /** When a deputy stands in: the person the request is really for. */
  onBehalfOf: UserRef.nullable(),
  rule: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  /** Steps in words for the UI, e.g. "Regel 'Service München' passt", "Herr X ist im Urlaub → Vertretung Frau Y". */
  explanation: z.array(z.string()),
  notify: z.array(UserRef),
  fallback: AssignmentFallback.nullable(),
});

export const AbsenceInput = z
  .object({
    userId: z.uuid(),
    kind: z.enum(ABSENCE_KINDS),
    startsOn: IsoDate,
    endsOn: IsoDate,
    deputyId: z.uuid().nullish(),
    note: optionalText(500),
  })
  .refine((a) => a.startsOn <= a.endsOn, { message: 'must not end before it starts', path: ['endsOn'] })
  .refine((a) => a.deputyId !== a.userId, { message: 'cannot deputise for oneself', path: ['deputyId'] });

/**
 * Kind and note are null for whoever may not see why the person is away
 * (sick leave is health data): only the person, their managers and admins do.
 */
export const Absence = z.object({
  id: z.uuid(),
  user: UserRef,
  kind: z.enum(ABSENCE_KINDS).nullable(),
  startsOn: z.string(),
  endsOn: z.string(),
  deputy: UserRef.nullable(),
  note: z.string().nullable(),
});

/** PATCH of a rule: only the fields sent change; `match` is replaced as a whole. */
export const AssignmentRulePatch = z.object({
  name: z.string().trim().min(2).max(120).optional(),
  active: z.boolean().optional(),
  match: RuleMatch.optional(),
  strategy: z.enum(ASSIGNMENT_STRATEGIES).optional(),
  userId: z.uuid().nullish(),
  groupUserIds: z.array(z.uuid()).max(100).optional(),
  notifyManager: z.boolean().optional(),
  notifyDeputy: z.boolean().optional(),
});

/** PATCH of an absence: only the fields sent change (the person stays the same). */
export const AbsencePatch = z.object({
  kind: z.enum(ABSENCE_KINDS).optional(),
  startsOn: IsoDate.optional(),
  endsOn: IsoDate.optional(),
  deputyId: z.uuid().nullish(),
  note: optionalText(500).optional(),
});

/** Absences of one person or everyone, overlapping the range [from, to]. */
export const AbsenceQuery = z.object({
  userId: z.uuid().optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});

export const PresenceQuery = z.object({ locationId: z.uuid().optional() });

/** "Who is here today": every active colleague of a location, with the absence that keeps them away. */
export const PresenceEntry = z.object({
  user: UserRef.extend({ role: z.string() }),
  present: z.boolean(),
  /** Here today but on the phone right now (a call ringing at their extension or in progress). */
  onCall: z.boolean(),
  /**
   * Checked in at the location asked about; left out when it does not use check-in (or no
   * location was named). A colleague not checked in is not present for a walk-in.
   */
  onDuty: z.boolean().optional(),
  /** kind: null unless the reader may see why (see Absence). */
  absence: z
    .object({ kind: z.enum(ABSENCE_KINDS).nullable(), endsOn: z.string(), deputy: UserRef.nullable() })
    .optional(),
});
