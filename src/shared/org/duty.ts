import { z } from 'zod';
import { IsoDate, UserRef } from '../common';
import { TEXT_MAX } from '../text/limits';
import { DEPARTMENT_KINDS, ROLES } from './enums';

/** How a shift ended: checked out by hand, by checking in elsewhere, or at the location's closing time. */
export const CHECK_OUT_KINDS = ['manual', 'automatic', 'closing_time'] as const;
export type CheckOutKind = (typeof CHECK_OUT_KINDS)[number];

export const LocationRef = z.object({ id: z.uuid(), name: z.string() });

export const DutyShift = z.object({
  id: z.uuid(),
  user: UserRef,
  location: LocationRef,
  checkedInAt: z.string(),
  checkedOutAt: z.string().nullable(),
  checkOutKind: z.enum(CHECK_OUT_KINDS).nullable(),
});
export type DutyShift = z.infer<typeof DutyShift>;

/** The header's button: the open shift and where the user may check in. */
export const MyDuty = z.object({
  current: DutyShift.nullable(),
  locations: z.array(LocationRef.extend({ usesCheckIn: z.boolean() })),
});
export type MyDuty = z.infer<typeof MyDuty>;

export const CheckInInput = z.object({ locationId: z.uuid() });

export const OnDutyEntry = z.object({
  user: UserRef.extend({ role: z.enum(ROLES) }),
  department: z.enum(DEPARTMENT_KINDS).nullable(),
  since: z.string(),
});
export type OnDutyEntry = z.infer<typeof OnDutyEntry>;

export const OnDutyQuery = z.object({ locationId: z.uuid() });

export const DutyHistoryQuery = z.object({
  userId: z.uuid().optional(),
  locationId: z.uuid().optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const DutySettings = z.object({
  locationId: z.uuid(),
  usesCheckIn: z.boolean(),
  autoCheckOutAtClosing: z.boolean(),
});
export type DutySettings = z.infer<typeof DutySettings>;
export const DutySettingsInput = DutySettings.omit({ locationId: true });

/* Daily checks (e.g. the camera check) a location runs, and what was found. */

export const DailyCheckInput = z.object({
  name: z.string().trim().min(2).max(TEXT_MAX.subject),
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  weekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7),
  department: z.enum(DEPARTMENT_KINDS).nullable().default(null),
  role: z.enum(ROLES).nullable().default(null),
  active: z.boolean().default(true),
});

export const DailyCheck = z.object({
  id: z.uuid(),
  locationId: z.uuid(),
  name: z.string(),
  weekdays: z.array(z.number().int()),
  department: z.enum(DEPARTMENT_KINDS).nullable(),
  role: z.enum(ROLES).nullable(),
  active: z.boolean(),
});
export type DailyCheck = z.infer<typeof DailyCheck>;

export const CheckEntryInput = z.object({
  day: IsoDate,
  findings: z.string().trim().min(1).max(TEXT_MAX.note),
  ok: z.boolean(),
});

export const CheckEntry = z.object({
  id: z.uuid(),
  checkId: z.uuid(),
  day: z.string(),
  user: UserRef,
  recordedAt: z.string(),
  findings: z.string(),
  ok: z.boolean(),
});
export type CheckEntry = z.infer<typeof CheckEntry>;

/** A due day of a check without an entry. */
export const MissingCheck = z.object({
  checkId: z.uuid(),
  checkName: z.string(),
  locationId: z.uuid(),
  locationName: z.string(),
  day: z.string(),
});
export type MissingCheck = z.infer<typeof MissingCheck>;

/** A location's check page: the checks, what is due today and recorded, and days without an entry. */
export const LocationChecks = z.object({
  today: z.string(),
  checks: z.array(DailyCheck.extend({ dueToday: z.boolean(), todayEntry: CheckEntry.nullable() })),
  entries: z.array(CheckEntry.extend({ checkName: z.string() })),
  missing: z.array(MissingCheck),
});
export type LocationChecks = z.infer<typeof LocationChecks>;

export const ChecksQuery = z.object({ from: IsoDate.optional(), to: IsoDate.optional() });
