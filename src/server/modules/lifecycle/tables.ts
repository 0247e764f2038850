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

/**
 * One row per (rule, vehicle, occurrence): the unique index is what makes every due action
 * happen exactly once, whatever runs, restarts or races. Status: due (waiting for its planned
 * day), done (activity planned), pending_send (letter/e-mail for campaigns), skipped (reason).
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
  ],
);

/** Group-wide lifecycle settings: one row. */
export const lifecycleSettings = pgTable('lifecycle_settings', {
  id: integer('id').primaryKey().default(1),
  /** At most this many lifecycle actions per person and day; the rest wait for later days. */
  dailyCapPerPerson: integer('daily_cap_per_person').notNull().default(20),
  updatedAt: updatedAt(),
});
