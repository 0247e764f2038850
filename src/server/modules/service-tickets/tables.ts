import { boolean, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, instant } from '../../db/columns';
import { activities } from '../activities/tables';
import { contacts } from '../contacts/tables';
import { locations, users } from '../org/tables';
import { customerRequests } from '../requests/tables';
import { calls } from '../telephony/tables';
import { vehicles } from '../vehicles/tables';

/**
 * One version of a service process (Serviceprozess). Editing a process writes a new
 * version with the same family; only the newest is `current`, and running tickets keep
 * pointing at (and copying the steps of) the version they started with.
 */
export const serviceProcessTemplates = pgTable(
  'service_process_templates',
  {
    id: id(),
    familyId: uuid('family_id').notNull(),
    version: integer('version').notNull(),
    name: text('name').notNull(),
    /** One of SERVICE_ACTIVITIES. */
    activity: text('activity').notNull(),
    /** Null: group-wide. */
    locationId: uuid('location_id').references(() => locations.id),
    /** The family's newest version; older ones stay for the tickets that run on them. */
    current: boolean('current').notNull().default(true),
    createdById: uuid('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('service_process_templates_version_idx').on(t.familyId, t.version),
    index('service_process_templates_current_idx').on(t.current, t.locationId),
  ],
);

export const serviceProcessSteps = pgTable(
  'service_process_steps',
  {
    id: id(),
    templateId: uuid('template_id')
      .notNull()
      .references(() => serviceProcessTemplates.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    role: text('role').notNull(),
    expectedMinutes: integer('expected_minutes').notNull(),
    expectedCostCents: integer('expected_cost_cents').notNull(),
    activityType: text('activity_type'),
  },
  (t) => [uniqueIndex('service_process_steps_position_idx').on(t.templateId, t.position)],
);

/** A service ticket (Serviceauftrag): one customer event run through one process version. */
export const serviceTickets = pgTable(
  'service_tickets',
  {
    id: id(),
    number: text('number').notNull().unique(),
    templateId: uuid('template_id')
      .notNull()
      .references(() => serviceProcessTemplates.id),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id),
    vehicleId: uuid('vehicle_id').references(() => vehicles.id, { onDelete: 'set null' }),
    locationId: uuid('location_id')
      .notNull()
      .references(() => locations.id),
    requestId: uuid('request_id').references(() => customerRequests.id, { onDelete: 'set null' }),
    /** The call whose note started it (Serviceticket aus Anruf). */
    callId: uuid('call_id').references(() => calls.id, { onDelete: 'set null' }),
    note: text('note'),
    /** open, done or cancelled. */
    status: text('status').notNull().default('open'),
    startedAt: instant('started_at').notNull(),
    dueAt: instant('due_at').notNull(),
    completedAt: instant('completed_at'),
    /** Set once, by the first deadline run that finds it overdue. */
    escalatedAt: instant('escalated_at'),
    createdById: uuid('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('service_tickets_location_idx').on(t.locationId, t.status, t.dueAt),
    index('service_tickets_request_idx').on(t.requestId),
    index('service_tickets_contact_idx').on(t.contactId),
    // One ticket per call and process: a second click finds the first.
    uniqueIndex('service_tickets_call_template_uq').on(t.callId, t.templateId),
  ],
);

/** The ticket's own copy of its process's steps, with who does them and what they really took. */
export const serviceTicketSteps = pgTable(
  'service_ticket_steps',
  {
    id: id(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => serviceTickets.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    role: text('role').notNull(),
    expectedMinutes: integer('expected_minutes').notNull(),
    expectedCostCents: integer('expected_cost_cents').notNull(),
    activityType: text('activity_type'),
    /** pending, current or done. */
    status: text('status').notNull().default('pending'),
    assigneeId: uuid('assignee_id').references(() => users.id, { onDelete: 'set null' }),
    activityId: uuid('activity_id').references(() => activities.id, { onDelete: 'set null' }),
    startedAt: instant('started_at'),
    dueAt: instant('due_at'),
    completedAt: instant('completed_at'),
    completedById: uuid('completed_by_id').references(() => users.id, { onDelete: 'set null' }),
    actualMinutes: integer('actual_minutes'),
    actualCostCents: integer('actual_cost_cents'),
    note: text('note'),
    escalatedAt: instant('escalated_at'),
  },
  (t) => [
    uniqueIndex('service_ticket_steps_position_idx').on(t.ticketId, t.position),
    index('service_ticket_steps_assignee_idx').on(t.assigneeId, t.status),
    index('service_ticket_steps_activity_idx').on(t.activityId),
  ],
);
