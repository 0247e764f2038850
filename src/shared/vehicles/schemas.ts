import { z } from 'zod';
import { changeOf, Instant, IsoDate, optionalText, page, PageQuery } from '../common';
import { LIFECYCLE_PHASES } from '../lifecycle/phase';
import { TEXT_MAX } from '../text/limits';
import { FINANCING_TYPES, FUELS, VEHICLE_ROLES } from './enums';

const VehicleFields = z.object({
  /** Validated on the server (ISO 3779); stored normalised. */
  vin: z.string().trim().max(TEXT_MAX.vin).nullish(),
  /** German plate, validated on the server; stored as written and normalised for search. */
  plate: z.string().trim().max(TEXT_MAX.plate).nullish(),
  make: z.string().trim().min(1).max(TEXT_MAX.make),
  model: z.string().trim().min(1).max(TEXT_MAX.model),
  variant: optionalText(120),
  fuel: z.enum(FUELS).nullish(),
  firstRegistration: IsoDate.nullish(),
  mileageKm: z.number().int().min(0).max(3_000_000).nullish(),
  mileageDate: IsoDate.nullish(),
  deliveryDate: IsoDate.nullish(),
  warrantyEnd: IsoDate.nullish(),
  serviceContract: z.boolean().default(false),
  serviceContractUntil: IsoDate.nullish(),
  financingType: z.enum(FINANCING_TYPES).default('none'),
  financingBank: optionalText(120),
  financingEnd: IsoDate.nullish(),
  locationId: z.uuid().nullish(),
  notes: optionalText(5_000),
});

export const VehicleLinkInput = z.object({
  contactId: z.uuid(),
  role: z.enum(VEHICLE_ROLES),
  /** Defaults to now. */
  validFrom: Instant.optional(),
});

export const VehicleInput = VehicleFields.extend({
  /** Contacts to link at once, e.g. the owner. */
  contacts: z.array(VehicleLinkInput).max(10).default([]),
});
export const VehicleUpdate = changeOf(VehicleFields).extend({ version: z.number().int().positive().optional() });

/** A change of hands: ends every current link of that role and links the new contact. */
export const VehicleTransferInput = z.object({
  toContactId: z.uuid(),
  role: z.enum(VEHICLE_ROLES).default('owner'),
  at: Instant.optional(),
});

/** Ends a link, e.g. the driver no longer uses the car; defaults to now. */
export const VehicleLinkEndInput = z.object({
  at: Instant.optional(),
});

export const VehicleLink = z.object({
  id: z.uuid(),
  contactId: z.uuid(),
  displayName: z.string(),
  customerNumber: z.string(),
  role: z.enum(VEHICLE_ROLES),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});

export const Vehicle = VehicleFields.extend({
  id: z.uuid(),
  vin: z.string().nullable(),
  plate: z.string().nullable(),
  fuel: z.enum(FUELS).nullable(),
  firstRegistration: z.string().nullable(),
  mileageKm: z.number().nullable(),
  mileageDate: z.string().nullable(),
  deliveryDate: z.string().nullable(),
  warrantyEnd: z.string().nullable(),
  serviceContractUntil: z.string().nullable(),
  financingEnd: z.string().nullable(),
  // Responses carry plain values: the input's empty-string-to-null transforms cannot be encoded.
  variant: z.string().nullable(),
  financingBank: z.string().nullable(),
  /** From the bank's end-of-contract list (imports); not edited in the form. */
  financingContractNumber: z.string().nullable(),
  /** Residual value or final instalment in euro cents, from the bank's list. */
  financingResidualCents: z.number().int().nullable(),
  notes: z.string().nullable(),
  locationId: z.uuid().nullable(),
  /** Current links (validTo null). */
  contacts: z.array(VehicleLink),
  /** Ended links, newest first: who had the car before. */
  history: z.array(VehicleLink),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Vehicle = z.infer<typeof Vehicle>;

export const VehicleListItem = z.object({
  id: z.uuid(),
  vin: z.string().nullable(),
  plate: z.string().nullable(),
  make: z.string(),
  model: z.string(),
  variant: z.string().nullable(),
  fuel: z.enum(FUELS).nullable(),
  firstRegistration: z.string().nullable(),
  serviceContract: z.boolean(),
  owner: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  updatedAt: z.string(),
});
export type VehicleListItem = z.infer<typeof VehicleListItem>;

export const VEHICLE_SORTS = ['make', 'plate', 'firstRegistration', 'updatedAt'] as const;
export const VehicleListQuery = PageQuery.extend({
  sort: z.enum(VEHICLE_SORTS).default('make'),
  make: z.string().trim().max(60).optional(),
  fuel: z.enum(FUELS).optional(),
  locationId: z.uuid().optional(),
  serviceContract: z.enum(['true', 'false']).optional(),
  /** In this lifecycle phase today (by its delivery date). */
  phase: z.enum(LIFECYCLE_PHASES).optional(),
});
export const VehiclePage = page(VehicleListItem);

/** A contact's vehicles: the vehicle and the contact's role(s) for it. */
export const ContactVehicle = VehicleListItem.extend({
  roles: z.array(z.enum(VEHICLE_ROLES)),
  serviceContractUntil: z.string().nullable(),
  warrantyEnd: z.string().nullable(),
  current: z.boolean(),
});
