import { z } from 'zod';
import { changeOf, IsoDate, optionalText, UserRef } from '../common';
import { TEXT_MAX } from '../text/limits';
import { INTEREST_KINDS, LOST_REASONS, OFFER_STATUSES, OPPORTUNITY_STAGES, OPPORTUNITY_STATUSES } from './enums';

export const OPPORTUNITY_TEXT_MAX = { description: 2_000, lostNote: 2_000 } as const;

/** Expected value in cents: up to ten million euro. */
const Cents = z.number().int().min(0).max(1_000_000_000);

/** Where an opportunity is opened from: a sales lead, the customer record or the walk-in flow. */
export const OpportunityInput = z.object({
  /** From a request: customer, consultant, source/campaign and location are taken from it. */
  requestId: z.uuid().nullish(),
  contactId: z.uuid().nullish(),
  /** Defaults to the request's assignee, else the caller. */
  ownerId: z.uuid().nullish(),
  /** Defaults to the request's location, else the caller's home location. */
  locationId: z.uuid().nullish(),
  interestKind: z.enum(INTEREST_KINDS).default('described'),
  interestVehicleId: z.uuid().nullish(),
  interestMake: optionalText(TEXT_MAX.make),
  interestModel: optionalText(TEXT_MAX.model),
  /** What the customer said, kept verbatim (not trimmed). */
  interestDescription: z.string().max(OPPORTUNITY_TEXT_MAX.description).nullish(),
  source: optionalText(TEXT_MAX.source),
  campaign: optionalText(TEXT_MAX.campaign),
  expectedValueCents: Cents.nullish(),
  expectedCloseOn: IsoDate.nullish(),
});
export type OpportunityInput = z.input<typeof OpportunityInput>;

/** Edit the details; `version` refuses to overwrite a newer change (409). */
export const OpportunityUpdate = changeOf(
  OpportunityInput.omit({ requestId: true, contactId: true, locationId: true }),
).extend({ version: z.number().int().min(1) });
export type OpportunityUpdate = z.input<typeof OpportunityUpdate>;

export const OpportunityStageMove = z.object({
  stage: z.enum(OPPORTUNITY_STAGES),
  version: z.number().int().min(1),
});
export type OpportunityStageMove = z.input<typeof OpportunityStageMove>;

export const OpportunityLoss = z.object({
  reason: z.enum(LOST_REASONS),
  /** Required when bought elsewhere. */
  brand: optionalText(TEXT_MAX.brand),
  /** Required for "other". */
  note: optionalText(OPPORTUNITY_TEXT_MAX.lostNote),
  version: z.number().int().min(1),
});
export type OpportunityLoss = z.input<typeof OpportunityLoss>;

export const OpportunityReopen = z.object({
  /** The stage it reopens at; default: where it was lost. */
  stage: z.enum(OPPORTUNITY_STAGES).exclude(['delivered']).optional(),
  version: z.number().int().min(1),
});

/** The customer's next open activity: what is planned next, or null (flagged). */
export const NextActivity = z.object({
  id: z.uuid(),
  type: z.string(),
  subject: z.string(),
  startsAt: z.string(),
  overdue: z.boolean(),
});
export type NextActivity = z.infer<typeof NextActivity>;

/** The current (latest) offer version, for the customer record and the walk-in panel (R0.7). */
export const CurrentOffer = z.object({
  id: z.uuid(),
  version: z.number(),
  status: z.enum(OFFER_STATUSES),
  grossCents: z.number().nullable(),
  monthlyRateCents: z.number().nullable(),
  validUntil: z.string(),
});
export type CurrentOffer = z.infer<typeof CurrentOffer>;

export const OpportunitySummary = z.object({
  id: z.uuid(),
  number: z.string(),
  contact: z.object({ id: z.uuid(), displayName: z.string(), customerNumber: z.string() }),
  owner: UserRef,
  locationId: z.uuid(),
  stage: z.enum(OPPORTUNITY_STAGES),
  status: z.enum(OPPORTUNITY_STATUSES),
  interestKind: z.enum(INTEREST_KINDS),
  interest: z.string(),
  source: z.string().nullable(),
  campaign: z.string().nullable(),
  expectedValueCents: z.number().nullable(),
  expectedCloseOn: z.string().nullable(),
  stageChangedAt: z.string(),
  /** Whole days in the current stage. */
  daysInStage: z.number(),
  nextActivity: NextActivity.nullable(),
  version: z.number(),
});
export type OpportunitySummary = z.infer<typeof OpportunitySummary>;

export const StageChange = z.object({
  at: z.string(),
  by: UserRef.nullable(),
  fromStage: z.enum(OPPORTUNITY_STAGES).nullable(),
  toStage: z.enum(OPPORTUNITY_STAGES),
  status: z.enum(OPPORTUNITY_STATUSES),
  data: z.unknown(),
});

export const OpportunityDetail = OpportunitySummary.extend({
  requestId: z.uuid().nullable(),
  interestVehicleId: z.uuid().nullable(),
  interestMake: z.string().nullable(),
  interestModel: z.string().nullable(),
  interestDescription: z.string().nullable(),
  lostReason: z.enum(LOST_REASONS).nullable(),
  lostToBrand: z.string().nullable(),
  lostNote: z.string().nullable(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
  changes: z.array(StageChange),
  currentOffer: CurrentOffer.nullable(),
});
export type OpportunityDetail = z.infer<typeof OpportunityDetail>;

export const BoardQuery = z.object({
  locationId: z.uuid(),
  ownerId: z.uuid().optional(),
});

export const Board = z.object({
  columns: z.array(
    z.object({
      stage: z.enum(OPPORTUNITY_STAGES),
      count: z.number(),
      valueCents: z.number(),
      items: z.array(OpportunitySummary),
    }),
  ),
  pipelineValueCents: z.number(),
});
export type Board = z.infer<typeof Board>;

export const OpportunityListQuery = z.object({
  locationId: z.uuid().optional(),
  /** One consultant, or the team of a manager: several. */
  ownerId: z.uuid().optional(),
  stage: z.enum(OPPORTUNITY_STAGES).optional(),
  status: z.enum(OPPORTUNITY_STATUSES).optional(),
  source: z.string().max(TEXT_MAX.source).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type OpportunityListQuery = z.input<typeof OpportunityListQuery>;

export const OpportunityList = z.object({
  items: z.array(OpportunitySummary),
  total: z.number(),
  pipelineValueCents: z.number(),
});
export type OpportunityList = z.infer<typeof OpportunityList>;

/** A customer's open opportunities with their current offer (customer record, walk-in panel: R0.7). */
export const CustomerOpportunities = z.object({
  items: z.array(OpportunitySummary.extend({ currentOffer: CurrentOffer.nullable() })),
});
export type CustomerOpportunities = z.infer<typeof CustomerOpportunities>;
