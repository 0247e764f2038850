import { z } from 'zod';
import { Instant, IsoDate, UserRef } from '../common';
import { DEPARTMENT_KINDS } from '../org/enums';

/** What a complaint is about; a fixed list so that reports compare like with like. */
export const COMPLAINT_CATEGORIES = [
  'vehicle_defect',
  'workshop_quality',
  'delivery_date',
  'sales_promise',
  'invoice',
  'staff_behaviour',
  'parts',
  'other',
] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];

export const COMPLAINT_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type ComplaintSeverity = (typeof COMPLAINT_SEVERITIES)[number];

export const COMPLAINT_JUSTIFIED = ['yes', 'no', 'open'] as const;
export type ComplaintJustified = (typeof COMPLAINT_JUSTIFIED)[number];

/** new → qualified → in_remedy → (passed_on) → closed. */
export const COMPLAINT_STATUSES = ['new', 'qualified', 'in_remedy', 'passed_on', 'closed'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

export const STEP_KINDS = ['acknowledge', 'resolve', 'custom'] as const;
export const STEP_STATUSES = ['open', 'done'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

/** Working days to resolve, by severity: the more it hurts, the sooner. */
export const RESOLVE_WORKING_DAYS: Record<ComplaintSeverity, number> = { low: 10, medium: 5, high: 3, critical: 1 };
/** Every complaint is acknowledged to the customer within one working day. */
export const ACKNOWLEDGE_WORKING_DAYS = 1;

export const COMPLAINT_TEXT_MAX = {
  rootCause: 2000,
  stepTitle: 200,
  stepNote: 1000,
  outcome: 2000,
  passedOnTo: 200,
  passedOnNote: 2000,
} as const;

/** Cents, never negative, at most 10 million euros. */
const Cents = z.number().int().min(0).max(1_000_000_000);
const optionalLongText = (max: number) => z.string().trim().max(max).nullish();

export const ComplaintOpen = z.object({ requestId: z.uuid() });

export const ComplaintQualification = z.object({
  category: z.enum(COMPLAINT_CATEGORIES),
  severity: z.enum(COMPLAINT_SEVERITIES),
  vehicleId: z.uuid().nullish(),
  department: z.enum(DEPARTMENT_KINDS),
  justified: z.enum(COMPLAINT_JUSTIFIED).default('open'),
  rootCause: optionalLongText(COMPLAINT_TEXT_MAX.rootCause),
  version: z.number().int().min(0),
});

export const ComplaintStepInput = z.object({
  title: z.string().trim().min(1).max(COMPLAINT_TEXT_MAX.stepTitle),
  responsibleId: z.uuid(),
  dueAt: Instant,
  note: optionalLongText(COMPLAINT_TEXT_MAX.stepNote),
});

export const ComplaintStepUpdate = z.object({
  status: z.enum(STEP_STATUSES).optional(),
  /** Forwarding inside the house: another colleague becomes responsible and is notified. */
  responsibleId: z.uuid().optional(),
  dueAt: Instant.optional(),
  note: optionalLongText(COMPLAINT_TEXT_MAX.stepNote),
});

export const ComplaintCosts = z.object({
  partsCents: Cents,
  labourCents: Cents,
  goodwillManufacturerCents: Cents,
  goodwillDealerCents: Cents,
  minutesSpent: z.number().int().min(0).max(1_000_000),
  version: z.number().int().min(0),
});

export const SATISFACTION_SCALES = ['five', 'ten'] as const;

export const ComplaintClose = z
  .object({
    outcome: z.string().trim().min(1).max(COMPLAINT_TEXT_MAX.outcome),
    justified: z.enum(['yes', 'no']),
    satisfaction: z.number().int().min(0).max(10).nullish(),
    satisfactionScale: z.enum(SATISFACTION_SCALES).default('five'),
    version: z.number().int().min(0),
  })
  .superRefine((v, ctx) => {
    if (v.satisfaction != null && v.satisfactionScale === 'five' && (v.satisfaction < 1 || v.satisfaction > 5)) {
      ctx.addIssue({ code: 'custom', path: ['satisfaction'], message: 'must lie between 1 and 5' });
    }
  });

export const ComplaintPassOn = z.object({
  to: z.string().trim().min(1).max(COMPLAINT_TEXT_MAX.passedOnTo),
  note: optionalLongText(COMPLAINT_TEXT_MAX.passedOnNote),
  version: z.number().int().min(0),
});

export const ComplaintStep = z.object({
  id: z.uuid(),
  kind: z.enum(STEP_KINDS),
  title: z.string(),
  responsible: UserRef.nullable(),
  dueAt: z.string(),
  status: z.enum(STEP_STATUSES),
  doneAt: z.string().nullable(),
  overdue: z.boolean(),
  escalatedAt: z.string().nullable(),
  note: z.string().nullable(),
});

export const ComplaintCostFigures = z.object({
  partsCents: z.number().int(),
  labourCents: z.number().int(),
  goodwillManufacturerCents: z.number().int(),
  goodwillDealerCents: z.number().int(),
  totalCents: z.number().int(),
  minutesSpent: z.number().int(),
});

export const ComplaintEvent = z.object({
  at: z.string(),
  actor: z.string().nullable(),
  kind: z.string(),
  data: z.record(z.string(), z.unknown()),
});

export const ComplaintVehicle = z.object({
  id: z.uuid(),
  label: z.string(),
  vin: z.string().nullable(),
  make: z.string(),
  model: z.string(),
});

export const Complaint = z.object({
  id: z.uuid(),
  number: z.string(),
  requestId: z.uuid(),
  requestNumber: z.string(),
  contactId: z.uuid(),
  customer: z.string(),
  locationId: z.uuid(),
  status: z.enum(COMPLAINT_STATUSES),
  category: z.enum(COMPLAINT_CATEGORIES).nullable(),
  severity: z.enum(COMPLAINT_SEVERITIES).nullable(),
  department: z.enum(DEPARTMENT_KINDS).nullable(),
  justified: z.enum(COMPLAINT_JUSTIFIED),
  rootCause: z.string().nullable(),
  description: z.string(),
  vehicle: ComplaintVehicle.nullable(),
  customerVehicles: z.array(ComplaintVehicle),
  costs: ComplaintCostFigures,
  satisfaction: z.number().int().nullable(),
  satisfactionScale: z.enum(SATISFACTION_SCALES).nullable(),
  outcome: z.string().nullable(),
  openedAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  passedOn: z.object({ at: z.string(), by: z.string(), to: z.string(), note: z.string().nullable() }).nullable(),
  steps: z.array(ComplaintStep),
  history: z.array(ComplaintEvent),
  version: z.number().int(),
});
export type Complaint = z.infer<typeof Complaint>;

export const SIMILAR_REASONS = ['same_customer', 'same_vehicle', 'same_model_category', 'similar_text'] as const;
export type SimilarReason = (typeof SIMILAR_REASONS)[number];

export const SimilarComplaint = z.object({
  id: z.uuid(),
  number: z.string(),
  requestId: z.uuid(),
  openedAt: z.string(),
  category: z.enum(COMPLAINT_CATEGORIES).nullable(),
  model: z.string().nullable(),
  excerpt: z.string(),
  status: z.enum(COMPLAINT_STATUSES),
  justified: z.enum(COMPLAINT_JUSTIFIED),
  outcome: z.string().nullable(),
  totalCostCents: z.number().int(),
  satisfaction: z.number().int().nullable(),
  satisfactionScale: z.enum(SATISFACTION_SCALES).nullable(),
  reasons: z.array(z.enum(SIMILAR_REASONS)),
  /** Text similarity 0…1, when the text matched. */
  similarity: z.number().nullable(),
});
export type SimilarComplaint = z.infer<typeof SimilarComplaint>;

export const SimilarQuery = z.object({
  category: z.enum(COMPLAINT_CATEGORIES).optional(),
  vehicleId: z.uuid().optional(),
});

export const ComplaintListQuery = z.object({
  filter: z.enum(['open', 'overdue', 'mine', 'all']).default('open'),
  locationId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const ComplaintListItem = z.object({
  id: z.uuid(),
  number: z.string(),
  requestId: z.uuid(),
  customer: z.string(),
  locationId: z.uuid(),
  status: z.enum(COMPLAINT_STATUSES),
  category: z.enum(COMPLAINT_CATEGORIES).nullable(),
  severity: z.enum(COMPLAINT_SEVERITIES).nullable(),
  openedAt: z.string(),
  nextDueAt: z.string().nullable(),
  overdue: z.boolean(),
});

export const ComplaintReportQuery = z.object({
  from: IsoDate,
  to: IsoDate,
  locationId: z.uuid().optional(),
});

const Bucket = z.object({ key: z.string(), count: z.number().int(), costCents: z.number().int() });

export const ComplaintReport = z.object({
  total: z.number().int(),
  byCategory: z.array(Bucket),
  byLocation: z.array(Bucket.extend({ name: z.string() })),
  byModel: z.array(Bucket),
  byDepartment: z.array(Bucket),
  /** Median working hours from the complaint to its acknowledgement / closing; null without any. */
  acknowledgeHours: z.number().nullable(),
  resolveHours: z.number().nullable(),
  costs: ComplaintCostFigures,
  repeat: z.object({ sameCustomer: z.number().int(), sameVehicle: z.number().int() }),
});
export type ComplaintReport = z.infer<typeof ComplaintReport>;
