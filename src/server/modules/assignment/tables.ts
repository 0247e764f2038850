import { boolean, date, index, integer, jsonb, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { ABSENCE_KINDS, ASSIGNMENT_STRATEGIES, type RequestType } from '../../../shared/requests/enums';
import { createdAt, id, updatedAt } from '../../db/columns';
import { users } from '../org/tables';

export const assignmentStrategyEnum = pgEnum('assignment_strategy', ASSIGNMENT_STRATEGIES);
export const absenceKindEnum = pgEnum('absence_kind', ABSENCE_KINDS);

export interface RuleMatch {
  /** Empty or missing = any. */
  types?: RequestType[];
  locationIds?: string[];
  brands?: string[];
  sources?: string[];
}

/** Ordered assignment rules set by managers (R3.1); the first that matches a request decides. */
export const assignmentRules = pgTable(
  'assignment_rules',
  {
    id: id(),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    active: boolean('active').notNull().default(true),
    match: jsonb('match').$type<RuleMatch>().notNull(),
    strategy: assignmentStrategyEnum('strategy').notNull(),
    /** For fixed_user. */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    /** For round_robin / least_loaded, and the fallback when the regular consultant is unknown. */
    groupUserIds: uuid('group_user_ids').array().notNull().default([]),
    /** Round-robin pointer: who got the last one. */
    lastAssignedUserId: uuid('last_assigned_user_id'),
    notifyManager: boolean('notify_manager').notNull().default(false),
    notifyDeputy: boolean('notify_deputy').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('assignment_rules_position_idx').on(t.position)],
);

/** Absences (holiday, sick…) with the deputy who takes over meanwhile. */
export const absences = pgTable(
  'absences',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: absenceKindEnum('kind').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    deputyId: uuid('deputy_id').references(() => users.id, { onDelete: 'set null' }),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('absences_user_idx').on(t.userId, t.startsOn, t.endsOn)],
);
