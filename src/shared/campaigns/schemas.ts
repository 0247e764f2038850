import { z } from 'zod';
import { IsoDate, UserRef } from '../common';
import { LIFECYCLE_PHASES } from '../lifecycle/phase';
import { FUELS } from '../vehicles/enums';

/** How a campaign reaches its recipients; each needs the customer's marketing consent for its channel. */
export const CAMPAIGN_CHANNELS = ['letter', 'email', 'call'] as const;
export type CampaignChannel = (typeof CAMPAIGN_CHANNELS)[number];

/** draft: selection still editable; running: recipients frozen, letters/mails/calls being made; done. */
export const CAMPAIGN_STATUSES = ['draft', 'running', 'done'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** What a recipient did after the campaign reached them. */
export const CAMPAIGN_RESPONSES = ['replied', 'appointment', 'request_created', 'unsubscribed', 'bounced'] as const;
export type CampaignResponse = (typeof CAMPAIGN_RESPONSES)[number];

export const CAMPAIGN_TEXT_MAX = { name: 120, subject: 200, body: 10_000, tag: 60, brand: 60 } as const;

/** The placeholders a campaign text may use, filled per recipient. */
export const CAMPAIGN_PLACEHOLDERS = ['anrede', 'vorname', 'nachname', 'name', 'kundennummer'] as const;

const shortList = <T extends z.ZodType>(item: T, max = 50) => z.array(item).max(max).default([]);

/**
 * A saved selection. Empty lists and missing bounds do not restrict. Vehicle criteria (phase, brand,
 * model, age, fuel, financing end) are met together by one vehicle the customer currently holds.
 */
export const SelectionFilter = z.object({
  phases: shortList(z.enum(LIFECYCLE_PHASES), 4),
  brands: shortList(z.string().trim().min(1).max(CAMPAIGN_TEXT_MAX.brand)),
  models: shortList(z.string().trim().min(1).max(CAMPAIGN_TEXT_MAX.brand)),
  fuels: shortList(z.enum(FUELS), FUELS.length),
  /** Whole years since first registration, inclusive. */
  ageMin: z.number().int().min(0).max(100).nullish(),
  ageMax: z.number().int().min(0).max(100).nullish(),
  financingEndFrom: IsoDate.nullish(),
  financingEndTo: IsoDate.nullish(),
  /** The customers' home locations. */
  locationIds: shortList(z.uuid(), 100),
  /** The regular sales consultant. */
  consultantId: z.uuid().nullish(),
  /** All of these tags. */
  tags: shortList(z.string().trim().min(1).max(CAMPAIGN_TEXT_MAX.tag), 20),
});
export type SelectionFilter = z.infer<typeof SelectionFilter>;
export type SelectionFilterInput = z.input<typeof SelectionFilter>;

/** The live count of a selection for a channel: who matches and why some are left out. */
export const SelectionCount = z.object({
  matching: z.number(),
  blocked: z.number(),
  withoutConsent: z.number(),
  /** No postal address (letter), e-mail address (e-mail) or phone number (call list). */
  withoutAddress: z.number(),
  recipients: z.number(),
});
export type SelectionCount = z.infer<typeof SelectionCount>;

export const SelectionQuery = z.object({ channel: z.enum(CAMPAIGN_CHANNELS), filter: SelectionFilter });

export const PreviewRecipient = z.object({
  contactId: z.uuid(),
  displayName: z.string(),
  customerNumber: z.string(),
  reachable: z.boolean(),
  /** Why a recipient is left out: blocked, no_consent, no_address. */
  excludedBecause: z.enum(['blocked', 'no_consent', 'no_address']).nullable(),
});

export const CampaignInput = z.object({
  name: z.string().trim().min(1).max(CAMPAIGN_TEXT_MAX.name),
  channel: z.enum(CAMPAIGN_CHANNELS),
  /** Whose letterhead and sender address the campaign uses. */
  locationId: z.uuid(),
  filter: SelectionFilter,
  subject: z.string().trim().max(CAMPAIGN_TEXT_MAX.subject).default(''),
  body: z.string().trim().max(CAMPAIGN_TEXT_MAX.body).default(''),
  /** Call list: the colleagues the calls are shared among. */
  teamUserIds: z.array(z.uuid()).max(50).default([]),
});
export type CampaignInput = z.input<typeof CampaignInput>;

export const ResponseCounts = z.record(z.enum(CAMPAIGN_RESPONSES), z.number());

export const Campaign = z.object({
  id: z.uuid(),
  name: z.string(),
  channel: z.enum(CAMPAIGN_CHANNELS),
  status: z.enum(CAMPAIGN_STATUSES),
  locationId: z.uuid(),
  filter: SelectionFilter,
  subject: z.string(),
  body: z.string(),
  teamUserIds: z.array(z.uuid()),
  createdBy: UserRef.nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  recipientCount: z.number(),
  /** Recipients whose letter, mail or call was made so far. */
  processed: z.number(),
  excluded: z.object({ blocked: z.number(), withoutConsent: z.number(), withoutAddress: z.number() }),
  responses: ResponseCounts,
});
export type Campaign = z.infer<typeof Campaign>;

export const CampaignRecipient = z.object({
  id: z.uuid(),
  contactId: z.uuid(),
  displayName: z.string(),
  email: z.string().nullable(),
  city: z.string().nullable(),
  processedAt: z.string().nullable(),
  responses: z.array(z.enum(CAMPAIGN_RESPONSES)),
});

export const RecipientPage = z.object({ items: z.array(CampaignRecipient), nextAfter: z.number().nullable() });

export const MarkResponseInput = z.object({ response: z.enum(CAMPAIGN_RESPONSES), marked: z.boolean() });

/** The reports page's section: each campaign started in the period with what came of it. */
export const CampaignReport = z.object({
  campaigns: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      channel: z.enum(CAMPAIGN_CHANNELS),
      startedAt: z.string(),
      sent: z.number(),
      excluded: z.number(),
      responses: ResponseCounts,
      /** Requests created per 100 recipients, one decimal; null without recipients. */
      conversionRate: z.number().nullable(),
    }),
  ),
});
export type CampaignReport = z.infer<typeof CampaignReport>;
export const CampaignReportQuery = z.object({ from: IsoDate, to: IsoDate, locationId: z.uuid().optional() });
