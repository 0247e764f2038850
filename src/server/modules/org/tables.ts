import { sql } from 'drizzle-orm';
import { boolean, index, jsonb, pgEnum, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
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
