import { z } from 'zod';
import { ACTIVITY_TYPES } from '../activities/enums';

/** The service activities a process is kept for (seed 004: Routinewartung, Reparatur vor Ort, im Werk …). */
export const SERVICE_ACTIVITIES = ['maintenance', 'onsite_repair', 'factory_repair', 'warranty', 'other'] as const;
export type ServiceActivity = (typeof SERVICE_ACTIVITIES)[number];

/** Who does a step: the roles of src/shared/org that work on a customer's car or case. */
export const STEP_ROLES = ['service', 'parts', 'reception', 'manager', 'sales'] as const;
export type StepRole = (typeof STEP_ROLES)[number];

export const STEP_STATUSES = ['pending', 'current', 'done'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];
export const TICKET_STATUSES = ['open', 'done', 'cancelled'] as const;

export const TEMPLATE_TEXT_MAX = { name: 120, title: 160, note: 2000 } as const;
/** A step is at most a working month; a process at most 30 steps. */
const MAX_STEP_HOURS = 200;
const MAX_STEPS = 30;
const MAX_CENTS = 100_000_000;

export const ProcessStepInput = z.object({
  title: z.string().trim().min(1).max(TEMPLATE_TEXT_MAX.title),
  role: z.enum(STEP_ROLES),
  /** Working hours, in quarter hours. */
  expectedHours: z
    .number()
    .min(0.25)
    .max(MAX_STEP_HOURS)
    .refine((h) => Number.isInteger(h * 4), { message: 'quarter hours only' }),
  expectedCostCents: z.number().int().min(0).max(MAX_CENTS),
  activityType: z.enum(ACTIVITY_TYPES).nullable().default(null),
});
export type ProcessStepInput = z.input<typeof ProcessStepInput>;

export const ProcessTemplateInput = z.object({
  name: z.string().trim().min(1).max(TEMPLATE_TEXT_MAX.name),
  activity: z.enum(SERVICE_ACTIVITIES),
  /** Null: for the whole group. */
  locationId: z.uuid().nullable(),
  steps: z.array(ProcessStepInput).min(1).max(MAX_STEPS),
});
export type ProcessTemplateInput = z.input<typeof ProcessTemplateInput>;

export const ProcessStep = z.object({
  position: z.number().int(),
  title: z.string(),
  role: z.enum(STEP_ROLES),
  expectedHours: z.number(),
  expectedCostCents: z.number().int(),
  activityType: z.enum(ACTIVITY_TYPES).nullable(),
});

export const ProcessTemplate = z.object({
  /** This version's id; a ticket keeps the one it started with. */
  id: z.uuid(),
  /** The same for every version of one process. */
  familyId: z.uuid(),
  version: z.number().int(),
  name: z.string(),
  activity: z.enum(SERVICE_ACTIVITIES),
  locationId: z.uuid().nullable(),
  locationName: z.string().nullable(),
  steps: z.array(ProcessStep),
  totalHours: z.number(),
  totalCostCents: z.number().int(),
  createdAt: z.string(),
  mayEdit: z.boolean(),
});
export type ProcessTemplate = z.infer<typeof ProcessTemplate>;
export const ProcessTemplateList = z.object({ items: z.array(ProcessTemplate) });

/** From a request (any type, a complaint too), or for a customer directly (a call note): contactId and locationId. */
export const TicketStart = z.object({
  templateId: z.uuid(),
  requestId: z.uuid().optional(),
  contactId: z.uuid().optional(),
  vehicleId: z.uuid().nullish(),
  locationId: z.uuid().optional(),
  note: z.string().trim().max(TEMPLATE_TEXT_MAX.note).nullish(),
});
export type TicketStart = z.input<typeof TicketStart>;

/**
 * From a call's note (POST /api/calls/:id/service-ticket): the call's customer and location, its
 * note as the ticket's note. contactId, when sent, must be the call's customer.
 */
export const CallTicketStart = z.object({
  templateId: z.uuid(),
  contactId: z.uuid().optional(),
  /** Only for a call on a line without a location. */
  locationId: z.uuid().optional(),
});
export type CallTicketStart = z.input<typeof CallTicketStart>;

export const StepCompletion = z.object({
  actualHours: z.number().min(0).max(1000).nullish(),
  actualCostCents: z.number().int().min(0).max(MAX_CENTS).nullish(),
  note: z.string().trim().max(TEMPLATE_TEXT_MAX.note).nullish(),
});

const Ref = z.object({ id: z.uuid(), name: z.string() });

export const TicketStep = z.object({
  id: z.uuid(),
  position: z.number().int(),
  title: z.string(),
  role: z.enum(STEP_ROLES),
  status: z.enum(STEP_STATUSES),
  expectedHours: z.number(),
  expectedCostCents: z.number().int(),
  activityType: z.enum(ACTIVITY_TYPES).nullable(),
  assignee: Ref.nullable(),
  activityId: z.uuid().nullable(),
  startedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  actualHours: z.number().nullable(),
  actualCostCents: z.number().int().nullable(),
  note: z.string().nullable(),
  overdue: z.boolean(),
  escalatedAt: z.string().nullable(),
});
export type TicketStep = z.infer<typeof TicketStep>;

export const ServiceTicket = z.object({
  id: z.uuid(),
  number: z.string(),
  status: z.enum(TICKET_STATUSES),
  template: z.object({
    id: z.uuid(),
    familyId: z.uuid(),
    name: z.string(),
    version: z.number().int(),
    activity: z.enum(SERVICE_ACTIVITIES),
  }),
  contact: z.object({ id: z.uuid(), name: z.string() }),
  vehicleId: z.uuid().nullable(),
  locationId: z.uuid(),
  requestId: z.uuid().nullable(),
  /** The call it was started from, with when that call began. */
  call: z.object({ id: z.uuid(), startedAt: z.string() }).nullable(),
  note: z.string().nullable(),
  startedAt: z.string(),
  dueAt: z.string(),
  completedAt: z.string().nullable(),
  escalatedAt: z.string().nullable(),
  overdue: z.boolean(),
  steps: z.array(TicketStep),
  /** The step in progress, null when all are done. */
  currentStep: TicketStep.nullable(),
  remainingHours: z.number(),
  totalExpectedCostCents: z.number().int(),
  totalActualCostCents: z.number().int(),
});
export type ServiceTicket = z.infer<typeof ServiceTicket>;

/** created is false when this call already had a ticket with this process: that one comes back. */
export const CallTicketResult = z.object({ created: z.boolean(), ticket: ServiceTicket });
export type CallTicketResult = z.infer<typeof CallTicketResult>;

export const TICKET_SCOPES = ['mine', 'location', 'overdue'] as const;
export const TicketListQuery = z.object({
  scope: z.enum(TICKET_SCOPES).default('mine'),
  locationId: z.uuid().optional(),
  requestId: z.uuid().optional(),
  callId: z.uuid().optional(),
  status: z.enum(['open', 'all']).default('open'),
});
export const TicketList = z.object({ items: z.array(ServiceTicket) });

export const TicketReportQuery = z.object({
  locationId: z.uuid().optional(),
  from: z.iso.date(),
  to: z.iso.date(),
});
export const TicketReportRow = z.object({
  familyId: z.uuid(),
  name: z.string(),
  activity: z.enum(SERVICE_ACTIVITIES),
  tickets: z.number().int(),
  finished: z.number().int(),
  ticketsOnTime: z.number().int(),
  steps: z.number().int(),
  stepsOnTime: z.number().int(),
  /** Mean hours from start to the last step, of finished tickets; null without any. */
  meanLeadHours: z.number().nullable(),
  expectedCostCents: z.number().int(),
  actualCostCents: z.number().int(),
});
export const TicketReport = z.object({ rows: z.array(TicketReportRow) });
export type TicketReport = z.infer<typeof TicketReport>;
