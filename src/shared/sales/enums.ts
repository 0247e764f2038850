/**
 * The sales pipeline (seed 002): a prospect walks from the first contact to the
 * delivered car. The order matters: the board shows the stages left to right, and
 * a stage is "reached" once the opportunity is at it or beyond.
 */
export const OPPORTUNITY_STAGES = [
  'new',
  'contacted',
  'test_drive',
  'offer',
  'negotiation',
  'contract',
  'delivered',
] as const;
export type OpportunityStage = (typeof OPPORTUNITY_STAGES)[number];

/** open: somewhere in the pipeline; won: delivered; lost: with a reason. */
export const OPPORTUNITY_STATUSES = ['open', 'won', 'lost'] as const;
export type OpportunityStatus = (typeof OPPORTUNITY_STATUSES)[number];

/** Why a customer did not buy; "bought_elsewhere" also names the brand (lostToBrand). */
export const LOST_REASONS = [
  'price',
  'financing_declined',
  'bought_elsewhere',
  'no_longer_interested',
  'unreachable',
  'other',
] as const;
export type LostReason = (typeof LOST_REASONS)[number];

/** What the customer is interested in: a new car (to order), a used car from stock, or only described. */
export const INTEREST_KINDS = ['new', 'used_stock', 'described'] as const;
export type InterestKind = (typeof INTEREST_KINDS)[number];

/** draft → sent → accepted (becomes a purchase order) or rejected; a newer version supersedes. */
export const OFFER_STATUSES = ['draft', 'sent', 'accepted', 'rejected', 'superseded'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

/** Brand tools whose offer PDFs are uploaded instead of one built here. */
export const EXTERNAL_OFFER_TOOLS = [
  'ford_lcv',
  'hyundai_hsa',
  'opel_owb',
  'volvo_vsma',
  'eurotax_autowert4',
  'other',
] as const;
export type ExternalOfferTool = (typeof EXTERNAL_OFFER_TOOLS)[number];

export const TEST_DRIVE_STATUSES = ['booked', 'out', 'returned', 'cancelled'] as const;
export type TestDriveStatus = (typeof TEST_DRIVE_STATUSES)[number];

export const PURCHASE_ORDER_STATUSES = ['ordered', 'delivered', 'cancelled'] as const;
export type PurchaseOrderStatus = (typeof PURCHASE_ORDER_STATUSES)[number];

/** The delivery appointment's checklist (R2.7). */
export const DELIVERY_CHECKLIST = ['registration', 'papers', 'keys', 'handover_explained'] as const;
export type DeliveryChecklistItem = (typeof DELIVERY_CHECKLIST)[number];

/** German VAT on a vehicle sale, in basis points: 19 %. */
export const VAT_RATE_BASIS_POINTS = 1900;
