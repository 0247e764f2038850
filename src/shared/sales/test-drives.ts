import { z } from 'zod';
import { Instant, optionalText, UserRef } from '../common';
import { TEXT_MAX } from '../text/limits';
import { TEST_DRIVE_STATUSES } from './enums';

export const TEST_DRIVE_TEXT_MAX = {
  blockReason: 200,
  cancelReason: 500,
  note: TEXT_MAX.note,
  licenceNumber: 40,
  licenceAuthority: 120,
} as const;

/** A test drive lasts at most a day; a booking may start a few minutes in the past (the customer is at the desk). */
export const TEST_DRIVE_MAX_HOURS = 24;
export const TEST_DRIVE_PAST_GRACE_MINUTES = 10;
/** Bookings reach at most this far ahead. */
export const TEST_DRIVE_MAX_DAYS_AHEAD = 366;

const Mileage = z.number().int().min(0).max(2_000_000);

export const DemoVehicleInput = z.object({
  locationId: z.uuid(),
  make: z.string().trim().min(1).max(TEXT_MAX.make),
  model: z.string().trim().min(1).max(TEXT_MAX.model),
  variant: optionalText(TEXT_MAX.model),
  plate: z.string().trim().min(1).max(TEXT_MAX.plate),
  vin: optionalText(TEXT_MAX.vin),
  mileageKm: Mileage.nullish(),
  active: z.boolean().default(true),
});
export const DemoVehicleUpdate = DemoVehicleInput.omit({ locationId: true }).partial();

export const DemoVehicleBlockInput = z
  .object({
    startsAt: Instant,
    endsAt: Instant,
    reason: z.string().trim().min(1).max(TEST_DRIVE_TEXT_MAX.blockReason),
  })
  .superRefine((v, ctx) => {
    if (Date.parse(v.endsAt) <= Date.parse(v.startsAt)) {
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'must be after the start' });
    }
  });

export const DemoVehicleBlock = z.object({
  id: z.uuid(),
  demoVehicleId: z.uuid(),
  startsAt: z.string(),
  endsAt: z.string(),
  reason: z.string(),
});
export type DemoVehicleBlock = z.infer<typeof DemoVehicleBlock>;

export const DemoVehicle = z.object({
  id: z.uuid(),
  locationId: z.uuid(),
  make: z.string(),
  model: z.string(),
  variant: z.string().nullable(),
  plate: z.string(),
  vin: z.string().nullable(),
  mileageKm: z.number().nullable(),
  active: z.boolean(),
  /** "VW ID.4 M-AB 123": how the car is named in conflicts and lists. */
  label: z.string(),
  blocks: z.array(DemoVehicleBlock),
});
export type DemoVehicle = z.infer<typeof DemoVehicle>;

export const DemoVehicleListQuery = z.object({
  locationId: z.uuid(),
  includeInactive: z.coerce.boolean().default(false),
});

/** Slot of a booking, checked the same on the server and in the dialog. */
function checkSlot(v: { startsAt?: string; endsAt?: string }, ctx: z.RefinementCtx) {
  if (!v.startsAt || !v.endsAt) return;
  const ms = Date.parse(v.endsAt) - Date.parse(v.startsAt);
  if (ms <= 0) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'must be after the start' });
  else if (ms > TEST_DRIVE_MAX_HOURS * 3_600_000) {
    ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'a test drive lasts at most a day' });
  }
}

export const TestDriveInput = z
  .object({
    contactId: z.uuid(),
    opportunityId: z.uuid().nullish(),
    /** Defaults to the caller. */
    consultantId: z.uuid().optional(),
    demoVehicleId: z.uuid(),
    startsAt: Instant,
    endsAt: Instant,
    /** The car the customer is interested in (a vehicle record), linked to the calendar entry. */
    vehicleId: z.uuid().nullish(),
    note: optionalText(TEST_DRIVE_TEXT_MAX.note),
    /** Send the calendar invitation: with the customer's e-mail consent, or because they asked for it. */
    invite: z.enum(['none', 'consent', 'asked']).default('none'),
  })
  .superRefine(checkSlot);

export const TestDriveMove = z
  .object({ startsAt: Instant, endsAt: Instant, demoVehicleId: z.uuid().optional(), version: z.number().int() })
  .superRefine(checkSlot);

export const TestDriveCancel = z.object({
  reason: z.string().trim().min(1).max(TEST_DRIVE_TEXT_MAX.cancelReason),
  version: z.number().int().optional(),
});

export const TestDriveLicence = z.object({
  licenceNumber: z.string().trim().min(1).max(TEST_DRIVE_TEXT_MAX.licenceNumber),
  licenceAuthority: z.string().trim().min(1).max(TEST_DRIVE_TEXT_MAX.licenceAuthority),
});

export const TestDriveOut = z.object({ mileageOutKm: Mileage });
export const TestDriveBack = z.object({
  mileageBackKm: Mileage,
  /** What the customer or consultant said after the drive, kept as written. */
  note: optionalText(TEST_DRIVE_TEXT_MAX.note),
});

export const TestDrive = z.object({
  id: z.uuid(),
  status: z.enum(TEST_DRIVE_STATUSES),
  locationId: z.uuid(),
  contact: z.object({ id: z.uuid(), displayName: z.string(), customerNumber: z.string() }),
  opportunityId: z.uuid().nullable(),
  consultant: UserRef,
  demoVehicle: z.object({ id: z.uuid(), label: z.string(), plate: z.string() }),
  startsAt: z.string(),
  endsAt: z.string(),
  licenceNumber: z.string().nullable(),
  licenceAuthority: z.string().nullable(),
  licenceCheckedBy: UserRef.nullable(),
  licenceCheckedAt: z.string().nullable(),
  outAt: z.string().nullable(),
  backAt: z.string().nullable(),
  mileageOutKm: z.number().nullable(),
  mileageBackKm: z.number().nullable(),
  note: z.string().nullable(),
  activityId: z.uuid().nullable(),
  agreementDocumentId: z.uuid().nullable(),
  version: z.number(),
});
export type TestDrive = z.infer<typeof TestDrive>;

/** A booking answer: the test drive, and warnings that did not stop it (the consultant has another appointment). */
export const TestDriveBooked = z.object({
  testDrive: TestDrive,
  warnings: z.array(z.object({ code: z.literal('consultant_busy'), subject: z.string(), startsAt: z.string() })),
  invitation: z.object({ sent: z.boolean(), problem: z.string().nullable() }),
});

export const TestDriveListQuery = z.object({
  opportunityId: z.uuid().optional(),
  contactId: z.uuid().optional(),
});

export const ScheduleQuery = z.object({ from: Instant, to: Instant });

/** What stands in the way of a slot, named so the web can put it into words. */
export const SlotConflict = z.object({
  kind: z.enum(['test_drive', 'block']),
  car: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  /** Whose booking it is (test drive) or why the car is away (block). */
  customer: z.string().nullable(),
  reason: z.string().nullable(),
});
export type SlotConflict = z.infer<typeof SlotConflict>;

export const Schedule = z.object({
  from: z.string(),
  to: z.string(),
  cars: z.array(
    z.object({
      id: z.uuid(),
      label: z.string(),
      plate: z.string(),
      bookings: z.array(
        z.object({
          id: z.uuid(),
          startsAt: z.string(),
          endsAt: z.string(),
          status: z.enum(TEST_DRIVE_STATUSES),
          customer: z.string(),
          consultant: z.string(),
        }),
      ),
      blocks: z.array(z.object({ id: z.uuid(), startsAt: z.string(), endsAt: z.string(), reason: z.string() })),
    }),
  ),
});
export type Schedule = z.infer<typeof Schedule>;
