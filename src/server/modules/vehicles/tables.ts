import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  real,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { FINANCING_TYPES, FUELS, MILEAGE_SOURCES, VEHICLE_ROLES } from '../../../shared/vehicles/enums';
import { createdAt, id, instant, updatedAt } from '../../db/columns';
import { contacts } from '../contacts/tables';
import { locations, users } from '../org/tables';

export const fuelEnum = pgEnum('fuel', FUELS);
export const vehicleRoleEnum = pgEnum('vehicle_role', VEHICLE_ROLES);
export const financingTypeEnum = pgEnum('financing_type', FINANCING_TYPES);

export const vehicles = pgTable(
  'vehicles',
  {
    id: id(),
    /** Normalised VIN (FIN); unknown for some old records. */
    vin: text('vin'),
    /** As written: "M-AB 1234". */
    plate: text('plate'),
    /** Letters and digits only, upper case: "MAB1234". */
    plateNormalized: text('plate_normalized'),
    make: text('make').notNull(),
    model: text('model').notNull(),
    variant: text('variant'),
    fuel: fuelEnum('fuel'),
    firstRegistration: date('first_registration', { mode: 'string' }),
    /** The latest mileage reading (by its date), kept here from vehicle_mileage_readings. */
    mileageKm: integer('mileage_km'),
    mileageDate: date('mileage_date', { mode: 'string' }),
    /**
     * Kilometres driven a day, estimated from the readings (mileage.ts): null without an estimate.
     * Kept on the vehicle so the nightly lifecycle run projects every vehicle's mileage in one pass.
     */
    kmPerDay: real('km_per_day'),
    deliveryDate: date('delivery_date', { mode: 'string' }),
    warrantyEnd: date('warranty_end', { mode: 'string' }),
    serviceContract: boolean('service_contract').notNull().default(false),
    serviceContractUntil: date('service_contract_until', { mode: 'string' }),
    financingType: financingTypeEnum('financing_type').notNull().default('none'),
    financingBank: text('financing_bank'),
    financingEnd: date('financing_end', { mode: 'string' }),
    /** The bank's contract number, as the bank writes it (its end-of-contract list names it). */
    financingContractNumber: text('financing_contract_number'),
    /** Residual value (leasing) or final instalment (balloon financing) in euro cents. */
    financingResidualCents: integer('financing_residual_cents'),
    /** The location that sold or services the vehicle. */
    locationId: uuid('location_id').references(() => locations.id),
    notes: text('notes'),
    externalRef: text('external_ref'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('vehicles_vin_uq').on(t.vin),
    uniqueIndex('vehicles_external_ref_uq').on(t.externalRef),
    index('vehicles_vin_last7_idx').on(sql`right(${t.vin}, 7)`),
    index('vehicles_plate_normalized_idx').on(sql`${t.plateNormalized} text_pattern_ops`),
    index('vehicles_make_model_id_idx').on(t.make, t.model, t.id),
    // Keyset paging of the vehicle list by each sort it offers.
    index('vehicles_plate_id_idx').on(t.plateNormalized, t.id),
    index('vehicles_first_registration_id_idx').on(t.firstRegistration, t.id),
    index('vehicles_updated_at_id_idx').on(t.updatedAt, t.id),
    // Lifecycle rules and campaign selections by phase find vehicles by ranges of delivery dates.
    index('vehicles_delivery_date_idx').on(t.deliveryDate),
  ],
);

/**
 * Who a vehicle belongs to, in which role, since when. A change of hands ends
 * the old link (validTo) and starts a new one, so the history stays.
 */
export const vehicleContacts = pgTable(
  'vehicle_contacts',
  {
    id: id(),
    vehicleId: uuid('vehicle_id')
      .notNull()
      .references(() => vehicles.id, { onDelete: 'cascade' }),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    role: vehicleRoleEnum('role').notNull(),
    validFrom: instant('valid_from').notNull(),
    validTo: instant('valid_to'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('vehicle_contacts_vehicle_idx').on(t.vehicleId, t.validTo),
    index('vehicle_contacts_contact_idx').on(t.contactId, t.validTo),
  ],
);

export const mileageSourceEnum = pgEnum('mileage_source', MILEAGE_SOURCES);

/** The odometer readings of a vehicle: typed in, taken in the workshop, or imported. */
export const vehicleMileageReadings = pgTable(
  'vehicle_mileage_readings',
  {
    id: id(),
    vehicleId: uuid('vehicle_id')
      .notNull()
      .references(() => vehicles.id, { onDelete: 'cascade' }),
    readOn: date('read_on', { mode: 'string' }).notNull(),
    km: integer('km').notNull(),
    source: mileageSourceEnum('source').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('vehicle_mileage_readings_vehicle_idx').on(t.vehicleId, t.readOn)],
);

/**
 * Each current holder of a vehicle with what a campaign selection asks of the vehicle, kept by
 * triggers (migration 0039) in the same statement as every write to vehicles and their links:
 * a selection by phase or brand reads a range of one narrow index and gets the holders' contact
 * ids, instead of joining a hundred thousand vehicles to their links first. A vehicle held in
 * two roles by one contact is one row.
 */
export const vehicleHoldings = pgTable(
  'vehicle_holdings',
  {
    vehicleId: uuid('vehicle_id').notNull(),
    contactId: uuid('contact_id').notNull(),
    deliveryDate: date('delivery_date', { mode: 'string' }),
    make: text('make').notNull(),
    model: text('model').notNull(),
    fuel: fuelEnum('fuel'),
    firstRegistration: date('first_registration', { mode: 'string' }),
    financingEnd: date('financing_end', { mode: 'string' }),
  },
  (t) => [
    primaryKey({ columns: [t.vehicleId, t.contactId] }),
    // Migration 0039 adds INCLUDE (contact_id and the other criteria), which this builder cannot
    // say: a selection reads the index only.
    index('vehicle_holdings_delivery_idx').on(t.deliveryDate),
    index('vehicle_holdings_make_idx').on(t.make, t.firstRegistration),
  ],
);
