import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgSequence, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, instant, updatedAt } from '../../db/columns';
import { contacts } from '../contacts/tables';
import { locations, users } from '../org/tables';
import { customerRequests } from '../requests/tables';
import { vehicles } from '../vehicles/tables';

/** Complaint numbers staff can read out ("R-100042"). */
export const complaintNumberSeq = pgSequence('complaint_number_seq', { startWith: 100001 });

/**
 * A complaint case (Reklamation): one per customer request, qualified, remedied in steps and
 * closed with an outcome. Make, model and category are kept on the case so that "same model,
 * same category" is one index range however many complaints there are.
 */
export const complaintCases = pgTable(
  'complaint_cases',
  {
    id: id(),
    number: text('number').notNull(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => customerRequests.id, { onDelete: 'cascade' }),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id),
    locationId: uuid('location_id')
      .notNull()
      .references(() => locations.id),
    status: text('status').notNull().default('new'),
    category: text('category'),
    severity: text('severity'),
    department: text('department'),
    justified: text('justified').notNull().default('open'),
    rootCause: text('root_cause'),
    /** The customer's words from the request, verbatim. */
    description: text('description').notNull(),
    vehicleId: uuid('vehicle_id').references(() => vehicles.id, { onDelete: 'set null' }),
    /** "VW ID.4", lower-cased for matching; from the vehicle when qualified. */
    model: text('model'),
    partsCents: integer('parts_cents').notNull().default(0),
    labourCents: integer('labour_cents').notNull().default(0),
    goodwillManufacturerCents: integer('goodwill_manufacturer_cents').notNull().default(0),
    goodwillDealerCents: integer('goodwill_dealer_cents').notNull().default(0),
    minutesSpent: integer('minutes_spent').notNull().default(0),
    satisfaction: integer('satisfaction'),
    satisfactionScale: text('satisfaction_scale'),
    outcome: text('outcome'),
    openedAt: instant('opened_at').notNull(),
    acknowledgedAt: instant('acknowledged_at'),
    closedAt: instant('closed_at'),
    passedOnAt: instant('passed_on_at'),
    passedOnById: uuid('passed_on_by_id').references(() => users.id, { onDelete: 'set null' }),
    passedOnTo: text('passed_on_to'),
    passedOnNote: text('passed_on_note'),
    version: integer('version').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('complaint_cases_request_uq').on(t.requestId),
    uniqueIndex('complaint_cases_number_uq').on(t.number),
    index('complaint_cases_contact_idx').on(t.contactId, t.openedAt),
    index('complaint_cases_vehicle_idx').on(t.vehicleId, t.openedAt),
    index('complaint_cases_model_category_idx').on(t.model, t.category, t.openedAt),
    index('complaint_cases_location_status_idx').on(t.locationId, t.status, t.openedAt),
    index('complaint_cases_opened_idx').on(t.openedAt),
    // GiST, not GIN: "nearest by trigram distance" walks the index and stops after the best few,
    // where GIN would fetch every case sharing the words and sort them all.
    index('complaint_cases_description_trgm_gist').using('gist', sql`${t.description} gist_trgm_ops`),
  ],
);

/** A remedy step: who does what by when; overdue steps escalate once to the location's managers. */
export const complaintSteps = pgTable(
  'complaint_steps',
  {
    id: id(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => complaintCases.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    responsibleId: uuid('responsible_id').references(() => users.id, { onDelete: 'set null' }),
    dueAt: instant('due_at').notNull(),
    status: text('status').notNull().default('open'),
    doneAt: instant('done_at'),
    doneById: uuid('done_by_id').references(() => users.id, { onDelete: 'set null' }),
    escalatedAt: instant('escalated_at'),
    note: text('note'),
    position: integer('position').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('complaint_steps_case_idx').on(t.caseId, t.position),
    index('complaint_steps_open_due_idx')
      .on(t.dueAt)
      .where(sql`${t.status} = 'open'`),
  ],
);

/** The case's own history (qualified, step done, forwarded, costs, passed on, closed) for the panel and the PDF. */
export const complaintEvents = pgTable(
  'complaint_events',
  {
    id: id(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => complaintCases.id, { onDelete: 'cascade' }),
    at: instant('at').notNull(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    kind: text('kind').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('complaint_events_case_idx').on(t.caseId, t.at)],
);
