import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { DEPARTMENT_KINDS, FEDERAL_STATES, LOCALES, ROLES } from '../../../shared/org/enums';
import type { OpeningHours } from '../../../shared/org/schemas';
import { createdAt, id, instant, updatedAt } from '../../db/columns';

export const roleEnum = pgEnum('user_role', ROLES);
export const departmentKindEnum = pgEnum('department_kind', DEPARTMENT_KINDS);
export const federalStateEnum = pgEnum('federal_state', FEDERAL_STATES);
export const localeEnum = pgEnum('locale', LOCALES);

export const locations = pgTable('locations', {
  id: id(),
  name: text('name').notNull(),
  /** Short code used in customer numbers, e.g. "MUC". */
  code: text('code').notNull().unique(),
  street: text('street').notNull(),
  postalCode: text('postal_code').notNull(),
  city: text('city').notNull(),
  phone: text('phone').notNull(),
  email: text('email'),
  federalState: federalStateEnum('federal_state').notNull(),
  openingHours: jsonb('opening_hours').$type<OpeningHours>().notNull(),
  active: boolean('active').notNull().default(true),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const departments = pgTable(
  'departments',
  {
    id: id(),
    locationId: uuid('location_id')
      .notNull()
      .references(() => locations.id, { onDelete: 'cascade' }),
    kind: departmentKindEnum('kind').notNull(),
    name: text('name').notNull(),
  },
  (t) => [uniqueIndex('departments_location_kind_uq').on(t.locationId, t.kind)],
);

export const users = pgTable(
  'users',
  {
    id: id(),
    email: text('email').notNull(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: roleEnum('role').notNull(),
    homeLocationId: uuid('home_location_id')
      .notNull()
      .references(() => locations.id),
    department: departmentKindEnum('department'),
    phoneExtension: text('phone_extension'),
    locale: localeEnum('locale').notNull().default('de'),
    active: boolean('active').notNull().default(true),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    lastLoginAt: instant('last_login_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('users_email_uq').on(sql`lower(${t.email})`),
    index('users_home_location_idx').on(t.homeLocationId),
  ],
);

/** Further locations a user works at (the home location is implied). */
export const userLocations = pgTable(
  'user_locations',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    locationId: uuid('location_id')
      .notNull()
      .references(() => locations.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.locationId] })],
);

/** How a shift ended: the user checked out, checked in elsewhere, or the location closed. */
export const dutyCheckOutKindEnum = pgEnum('duty_check_out_kind', ['manual', 'automatic', 'closing_time']);

/** Whether a location counts its staff as present only once they checked in, and checks them out at closing time. */
export const locationDutySettings = pgTable('location_duty_settings', {
  locationId: uuid('location_id')
    .primaryKey()
    .references(() => locations.id, { onDelete: 'cascade' }),
  usesCheckIn: boolean('uses_check_in').notNull().default(false),
  autoCheckOutAtClosing: boolean('auto_check_out_at_closing').notNull().default(false),
  updatedAt: updatedAt(),
});

/** A user's time on duty at a location (Dienst); open while checked_out_at is null. */
export const dutyShifts = pgTable(
  'duty_shifts',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    locationId: uuid('location_id')
      .notNull()
      .references(() => locations.id, { onDelete: 'cascade' }),
    checkedInAt: instant('checked_in_at').notNull(),
    checkedOutAt: instant('checked_out_at'),
    checkOutKind: dutyCheckOutKindEnum('check_out_kind'),
  },
  (t) => [
    // At most one open shift per user, whatever races the check-ins.
    uniqueIndex('duty_shifts_one_open_uq')
      .on(t.userId)
      .where(sql`${t.checkedOutAt} IS NULL`),
    index('duty_shifts_location_open_idx').on(t.locationId, t.checkedOutAt),
    index('duty_shifts_user_in_idx').on(t.userId, t.checkedInAt),
  ],
);

/** A check a location runs on some weekdays (e.g. "Kamerakontrolle"), by a department and/or role. */
export const dailyChecks = pgTable(
  'daily_checks',
  {
    id: id(),
    locationId: uuid('location_id')
      .notNull()
      .references(() => locations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** ISO weekdays 1 (Monday) … 7 (Sunday) on which it is due. */
    weekdays: integer('weekdays').array().notNull(),
    department: departmentKindEnum('department'),
    role: roleEnum('role'),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [index('daily_checks_location_idx').on(t.locationId)],
);

/** What was found when a check was done on a day; the findings as written. */
export const dailyCheckEntries = pgTable(
  'daily_check_entries',
  {
    id: id(),
    checkId: uuid('check_id')
      .notNull()
      .references(() => dailyChecks.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    recordedAt: instant('recorded_at').notNull(),
    findings: text('findings').notNull(),
    ok: boolean('ok').notNull(),
  },
  (t) => [uniqueIndex('daily_check_entries_check_day_uq').on(t.checkId, t.day)],
);
