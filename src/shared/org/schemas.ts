import { z } from 'zod';
import { changeOf } from '../common';
import { DEPARTMENT_KINDS, FEDERAL_STATES, LOCALES, ROLES, WEEKDAYS } from './enums';

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM');

export const OpeningInterval = z
  .object({ from: time, to: time })
  .refine((i) => i.from < i.to, { message: 'must end after it starts', path: ['to'] });

/** Opening hours per weekday; a missing or empty day means closed. */
export const OpeningHours = z.object(
  Object.fromEntries(WEEKDAYS.map((d) => [d, z.array(OpeningInterval).max(4).default([])])) as Record<
    (typeof WEEKDAYS)[number],
    z.ZodDefault<z.ZodArray<typeof OpeningInterval>>
  >,
);
export type OpeningHours = z.infer<typeof OpeningHours>;

export const LocationInput = z.object({
  name: z.string().trim().min(2).max(120),
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{2,6}$/, 'expected 2–6 letters or digits'),
  street: z.string().trim().min(2).max(200),
  postalCode: z
    .string()
    .trim()
    .regex(/^\d{5}$/, 'expected a 5-digit German postal code'),
  city: z.string().trim().min(2).max(120),
  phone: z.string().trim().min(3).max(40),
  email: z.email().nullable().optional(),
  federalState: z.enum(FEDERAL_STATES),
  openingHours: OpeningHours,
  active: z.boolean().default(true),
});
export type LocationInput = z.infer<typeof LocationInput>;

export const Location = LocationInput.extend({
  id: z.uuid(),
  email: z.string().nullable(),
  departments: z.array(z.object({ id: z.uuid(), kind: z.enum(DEPARTMENT_KINDS), name: z.string() })),
});
export type Location = z.infer<typeof Location>;

const password = z.string().min(10, 'must be at least 10 characters').max(200);

export const UserInput = z.object({
  email: z.email().trim().toLowerCase(),
  firstName: z.string().trim().min(1).max(80),
  lastName: z.string().trim().min(1).max(80),
  role: z.enum(ROLES),
  homeLocationId: z.uuid(),
  /** Further locations the user works at, besides the home location. */
  locationIds: z.array(z.uuid()).max(50).default([]),
  department: z.enum(DEPARTMENT_KINDS).nullable().default(null),
  phoneExtension: z
    .string()
    .trim()
    .regex(/^[0-9*#]{1,12}$/, 'digits only')
    .nullable()
    .default(null),
  locale: z.enum(LOCALES).default('de'),
  active: z.boolean().default(true),
});
export type UserInput = z.infer<typeof UserInput>;

export const UserCreate = UserInput.extend({ password: password.optional() });
export const UserUpdate = changeOf(UserInput);
export const LocationUpdate = changeOf(LocationInput);

export const User = z.object({
  id: z.uuid(),
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  homeLocationId: z.uuid(),
  locationIds: z.array(z.uuid()),
  department: z.enum(DEPARTMENT_KINDS).nullable(),
  phoneExtension: z.string().nullable(),
  locale: z.enum(LOCALES),
  active: z.boolean(),
  lastLoginAt: z.string().nullable(),
});
export type User = z.infer<typeof User>;

export const PasswordReset = z.object({ password: password.optional() });
export const Password = password;
