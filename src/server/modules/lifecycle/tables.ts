import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, instant, updatedAt } from '../../db/columns';
import { contacts } from '../contacts/tables';
import { locations, users } from '../org/tables';
import { vehicles } from '../vehicles/tables';

/**
 * What happens by itself in a customer's life with a vehicle (seed 002): a trigger (days or
 * months after delivery, before financing/warranty end, annual service, main inspection) and
 * an action for the regular consultant or service advisor. Group-wide when locationId is null.
 */
export const lifecycleRules = pgTable(
  'lifecycle_rules',
  {
    id: id(),
    /** The shipped defaults carry a key, so starting again never adds them twice. */
    defaultKey: text('default_key'),
    name: text('name').notNull(),
    locationId: uuid('location_id').references(() => locations.id, { onDelete: 'cascade' }),
    make: text('make'),
    trigger: text('trigger').notNull(),
    amount: integer('amount').notNull(),
    phase: text('phase'),
    action: text('action').notNull(),
    assignee: text('assignee').notNull(),
    activityType: text('activity_type').notNull(),
    consentChannel: text('consent_channel'),
    consentPurpose: text('consent_purpose'),
    /** The e-mail's subject or the letter's title; the template is its text. */
    subject: text('subject').notNull().default(''),
    template: text('template').notNull().default(''),
    lookbackDays: integer('lookback_days').notNull().default(30),
    /** Mileage trigger only: due this many days' driving before the mileage is reached. */
    leadDays: integer('lead_days').notNull().default(0),
    enabled: boolean('enabled').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('lifecycle_rules_default_key_uq').on(t.defaultKey)],
);

/** Lifecycle letters printed together at a location ("Briefe drucken"); a batch can be printed again. */
export const lifecyclePrintBatches = pgTable(
  'lifecycle_print_batches',
  {
    id: id(),
    locationId: uuid('location_id')
      .notNull()
      .references(() => locations.id, { onDelete: 'cascade' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    letterCount: integer('letter_count').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('lifecycle_print_batches_location_idx').on(t.locationId, t.createdAt)],
);

/**
 * One row per (rule, vehicle, occurrence): the unique index is what makes every due action
 * happen exactly once, whatever runs, restarts or races. Status: due (waiting for its planned
 * day), done (activity planned), pending_send (letter/e-mail waiting), sent (e-mail handed to
 * the outbox under its Message-ID, letter printed in a batch), failed (after the last attempt),
 * skipped (reason).
 */
export const lifecycleActions = pgTable(
  'lifecycle_actions',
  {
    id: id(),
    ruleId: uuid('rule_id')
      .notNull()
      .references(() => lifecycleRules.id, { onDelete: 'cascade' }),
    vehicleId: uuid('vehicle_id')
      .notNull()
      .references(() => vehicles.id, { onDelete: 'cascade' }),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    /** The event the action belongs to (e.g. the anniversary, the financing end, the due day). */
    occurrence: date('occurrence', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    /** The day it is carried out; later than dueOn when the person's daily cap was reached. */
    plannedOn: date('planned_on', { mode: 'string' }).notNull(),
    status: text('status').notNull(),
    skipReason: text('skip_reason'),
    ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'set null' }),
    /** The deputy took it because the regular person was away. */
    byDeputy: boolean('by_deputy').notNull().default(false),
    activityId: uuid('activity_id'),
    /** Whose letterhead and sender a letter or e-mail uses: the vehicle's location, else the customer's. */
    locationId: uuid('location_id').references(() => locations.id, { onDelete: 'set null' }),
    messageId: text('message_id'),
    /** Failed sending attempts; the next waits until nextAttemptAt. */
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    nextAttemptAt: instant('next_attempt_at'),
    printBatchId: uuid('print_batch_id').references(() => lifecyclePrintBatches.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    settledAt: instant('settled_at'),
  },
  (t) => [
    uniqueIndex('lifecycle_actions_occurrence_uq').on(t.ruleId, t.vehicleId, t.occurrence),
    index('lifecycle_actions_open_idx')
      .on(t.plannedOn)
      .where(sql`${t.status} = 'due'`),
    index('lifecycle_actions_owner_day_idx').on(t.ownerId, t.plannedOn),
    index('lifecycle_actions_contact_idx').on(t.contactId),
    index('lifecycle_actions_pending_send_idx')
      .on(t.locationId)
      .where(sql`${t.status} = 'pending_send'`),
    index('lifecycle_actions_print_batch_idx').on(t.printBatchId),
  ],
);

/** Group-wide lifecycle settings: one row. */
export const lifecycleSettings = pgTable('lifecycle_settings', {
  id: integer('id').primaryKey().default(1),
  /** At most this many lifecycle actions per person and day; the rest wait for later days. */
  dailyCapPerPerson: integer('daily_cap_per_person').notNull().default(20),
  updatedAt: updatedAt(),
});
