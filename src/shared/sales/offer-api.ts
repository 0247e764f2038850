import { z } from 'zod';
import { CUSTOMER_EMAIL_LIMITS, CUSTOMER_EMAIL_STATUSES } from '../correspondence/schemas';
import { TEXT_MAX } from '../text/limits';
import { EXTERNAL_OFFER_TOOLS, OFFER_STATUSES } from './enums';
import { offerContentSchema } from './offer-content';

/** The longest rejection reason kept (the customer's words, verbatim). */
export const OFFER_REJECTION_MAX = 2000;
/** The largest brand PDF accepted. */
export const EXTERNAL_OFFER_MAX_BYTES = 10 * 1024 * 1024;

/** A new offer version built here: its content and, if not the default of 14 days, until when it is valid. */
export const OfferInput = z.object({
  content: offerContentSchema,
  validUntil: z.iso.date().optional(),
});

export const OfferRejection = z.object({
  reason: z.string().trim().min(1).max(OFFER_REJECTION_MAX),
});

/** The form fields beside the PDF when a brand tool's offer is uploaded (multipart). */
export const ExternalOfferFields = z.object({
  tool: z.enum(EXTERNAL_OFFER_TOOLS),
  grossCents: z.coerce.number().int().min(0).max(100_000_000_00).optional(),
  monthlyRateCents: z.coerce.number().int().min(0).max(100_000_000_00).optional(),
  validUntil: z.iso.date().optional(),
});

const OfferFiguresSchema = z.object({
  grossCents: z.number(),
  netCents: z.number(),
  vatCents: z.number(),
  tradeInCents: z.number(),
  payableCents: z.number(),
  loan: z
    .object({
      financedCents: z.number(),
      downPaymentCents: z.number(),
      termMonths: z.number(),
      nominalRateBasisPoints: z.number(),
      effectiveRateBasisPoints: z.number(),
      monthlyRateCents: z.number(),
      balloonCents: z.number(),
      totalInterestCents: z.number(),
      totalCostCents: z.number(),
    })
    .optional(),
  leasing: z
    .object({
      termMonths: z.number(),
      mileagePerYearKm: z.number(),
      downPaymentCents: z.number(),
      monthlyRateCents: z.number(),
      totalCostCents: z.number(),
    })
    .optional(),
  insurance: z.object({ annualPremiumCents: z.number() }).optional(),
});

export const Offer = z.object({
  id: z.string(),
  opportunityId: z.string(),
  version: z.number(),
  status: z.enum(OFFER_STATUSES),
  content: offerContentSchema.nullable(),
  figures: OfferFiguresSchema.nullable(),
  grossCents: z.number().nullable(),
  netCents: z.number().nullable(),
  vatCents: z.number().nullable(),
  payableCents: z.number().nullable(),
  monthlyRateCents: z.number().nullable(),
  externalTool: z.enum(EXTERNAL_OFFER_TOOLS).nullable(),
  /** The brand PDF, downloadable at /api/offers/:id/external-pdf. */
  externalFileName: z.string().nullable(),
  validUntil: z.string(),
  sentAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  rejectionReason: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});
export type Offer = z.infer<typeof Offer>;

export const OfferList = z.object({
  /** Whether the opportunity is closed (won or lost): its offers can no longer change. */
  closed: z.boolean(),
  /** Newest version first. */
  items: z.array(Offer),
});
export type OfferList = z.infer<typeof OfferList>;

/** Sending an offer by e-mail: the text as the consultant edited it; the offer's PDF always goes with it. */
export const OfferSendInput = z.object({
  to: z.string().trim().max(TEXT_MAX.email).nullish(),
  subject: z.string().trim().min(1).max(CUSTOMER_EMAIL_LIMITS.subject),
  text: z.string().trim().min(1).max(CUSTOMER_EMAIL_LIMITS.text),
  /** The customer asked for the offer in the opportunity's request: sent without e-mail consent, and recorded so. */
  askedInRequest: z.boolean().default(false),
});

/** What sending did: the stored mail, the offer now sent and the follow-up planned. */
export const OfferSent = z.object({
  id: z.uuid(),
  to: z.string(),
  messageId: z.string(),
  /** 'held' while no mail server is set up: the mail goes out once one is. */
  status: z.enum(CUSTOMER_EMAIL_STATUSES),
  documentId: z.uuid(),
  offer: Offer,
  followUp: z.object({ activityId: z.uuid(), dueOn: z.iso.date(), afterDays: z.number().int() }),
});
export type OfferSent = z.infer<typeof OfferSent>;
