import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { OfferContent, OfferFigures } from '../../../shared/sales/offer-content';
import { createdAt, id, instant, updatedAt } from '../../db/columns';
import { activities } from '../activities/tables';
import { contacts } from '../contacts/tables';
import { locations, users } from '../org/tables';
import { customerRequests } from '../requests/tables';
import { vehicles } from '../vehicles/tables';

/** Money: euro cents as integers (a bigint column read as a JS number: exact up to 90 trillion euro). */
const cents = (name: string) => bigint(name, { mode: 'number' });

/**
 * A sales opportunity (Verkaufschance): one customer's interest in one car, from
 * the first contact to the delivered car or the reason it was lost.
 */
export const opportunities = pgTable(
  'opportunities',
  {
    id: id(),
    /** V-100001: what staff read out on the phone. */
    number: text('number').notNull().unique(),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id),
    /** The consultant responsible. */
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id),
    locationId: uuid('location_id')
      .notNull()
      .references(() => locations.id),
    /** The lead it came from, if any. */
    requestId: uuid('request_id').references(() => customerRequests.id),
    /** One of OPPORTUNITY_STAGES. */
    stage: text('stage').notNull().default('new'),
    /** open, won or lost (OPPORTUNITY_STATUSES). */
    status: text('status').notNull().default('open'),
    /** new, used_stock or described (INTEREST_KINDS). */
    interestKind: text('interest_kind').notNull().default('described'),
    /** The used car from stock, or a known vehicle record. */
    interestVehicleId: uuid('interest_vehicle_id').references(() => vehicles.id),
    interestMake: text('interest_make'),
    interestModel: text('interest_model'),
    /** What the customer described, verbatim. */
    interestDescription: text('interest_description'),
    source: text('source'),
    campaign: text('campaign'),
    expectedValueCents: cents('expected_value_cents'),
    expectedCloseOn: date('expected_close_on', { mode: 'string' }),
    lostReason: text('lost_reason'),
    /** The brand bought instead, when lost to another dealer. */
    lostToBrand: text('lost_to_brand'),
    lostNote: text('lost_note'),
    closedAt: instant('closed_at'),
    stageChangedAt: instant('stage_changed_at').notNull().defaultNow(),
    createdById: uuid('created_by_id').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // The board: a location's open opportunities by stage; a consultant's list.
    index('opportunities_location_idx').on(t.locationId, t.status, t.stage),
    index('opportunities_owner_idx').on(t.ownerId, t.status, t.stage),
    index('opportunities_contact_idx').on(t.contactId),
    // A request has at most one open opportunity; a lost or won one may be followed by another.
    uniqueIndex('opportunities_open_request_uq')
      .on(t.requestId)
      .where(sql`${t.requestId} is not null and ${t.status} = 'open'`),
    // The funnel: opportunities of a period by location.
    index('opportunities_created_idx').on(t.locationId, t.createdAt),
  ],
);

/** Every stage change, lost and reopened included: the funnel counts from here. */
export const opportunityStageChanges = pgTable(
  'opportunity_stage_changes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    opportunityId: uuid('opportunity_id')
      .notNull()
      .references(() => opportunities.id, { onDelete: 'cascade' }),
    /** The opportunity's location (it never changes), so a location's funnel reads only its own changes. */
    locationId: uuid('location_id')
      .notNull()
      .references(() => locations.id),
    at: instant('at').notNull(),
    byId: uuid('by_id').references(() => users.id),
    fromStage: text('from_stage'),
    toStage: text('to_stage').notNull(),
    /** open, won or lost after the change. */
    status: text('status').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>(),
  },
  (t) => [
    index('opportunity_stage_changes_opp_idx').on(t.opportunityId, t.at),
    index('opportunity_stage_changes_location_idx').on(t.locationId, t.at),
  ],
);

/**
 * An offer, versioned per opportunity: a new version supersedes the last, and every
 * version stays. Either content entered here (totals computed and stored) or a PDF
 * from the brand's own tool (externalTool + document).
 */
export const offers = pgTable(
  'offers',
  {
    id: id(),
    opportunityId: uuid('opportunity_id')
      .notNull()
      .references(() => opportunities.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    /** One of OFFER_STATUSES. */
    status: text('status').notNull().default('draft'),
    content: jsonb('content').$type<OfferContent>(),
    /** Totals as computed when saved: net, VAT (19 %) and gross price of the car with its lines, less the discount. */
    netCents: cents('net_cents'),
    vatCents: cents('vat_cents'),
    grossCents: cents('gross_cents'),
    /** Gross less the trade-in: what the customer pays. */
    payableCents: cents('payable_cents'),
    monthlyRateCents: cents('monthly_rate_cents'),
    /** Everything computed from the content (loan, leasing, insurance figures included). */
    figures: jsonb('figures').$type<OfferFigures>(),
    externalTool: text('external_tool'),
    /** The uploaded brand PDF (documents module). */
    externalDocumentId: uuid('external_document_id'),
    /** The rendered offer PDF (documents module). */
    documentId: uuid('document_id'),
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    sentAt: instant('sent_at'),
    decidedAt: instant('decided_at'),
    /** Why the customer turned it down, verbatim. */
    rejectionReason: text('rejection_reason'),
    createdById: uuid('created_by_id').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('offers_opportunity_version_idx').on(t.opportunityId, t.version)],
);

/** A demo car (Vorführwagen) of a location, lent for test drives. */
export const demoVehicles = pgTable(
  'demo_vehicles',
  {
    id: id(),
    locationId: uuid('location_id')
      .notNull()
      .references(() => locations.id),
    make: text('make').notNull(),
    model: text('model').notNull(),
    variant: text('variant'),
    plate: text('plate').notNull(),
    vin: text('vin'),
    mileageKm: integer('mileage_km'),
    /** Retired cars stay for the history but take no bookings. */
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('demo_vehicles_location_idx').on(t.locationId), uniqueIndex('demo_vehicles_plate_idx').on(t.plate)],
);

/** Times a demo car is not available (workshop, fair, transfer). */
export const demoVehicleBlocks = pgTable(
  'demo_vehicle_blocks',
  {
    id: id(),
    demoVehicleId: uuid('demo_vehicle_id')
      .notNull()
      .references(() => demoVehicles.id, { onDelete: 'cascade' }),
    startsAt: instant('starts_at').notNull(),
    endsAt: instant('ends_at').notNull(),
    reason: text('reason').notNull(),
    createdById: uuid('created_by_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('demo_vehicle_blocks_car_idx').on(t.demoVehicleId, t.startsAt, t.endsAt)],
);

/** A test drive (Probefahrt) booked in a demo car's time slot. */
export const testDrives = pgTable(
  'test_drives',
  {
    id: id(),
    opportunityId: uuid('opportunity_id').references(() => opportunities.id, { onDelete: 'set null' }),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id),
    consultantId: uuid('consultant_id')
      .notNull()
      .references(() => users.id),
    locationId: uuid('location_id')
      .notNull()
      .references(() => locations.id),
    demoVehicleId: uuid('demo_vehicle_id')
      .notNull()
      .references(() => demoVehicles.id),
    startsAt: instant('starts_at').notNull(),
    endsAt: instant('ends_at').notNull(),
    /** One of TEST_DRIVE_STATUSES. */
    status: text('status').notNull().default('booked'),
    licenceNumber: text('licence_number'),
    licenceAuthority: text('licence_authority'),
    licenceCheckedById: uuid('licence_checked_by_id').references(() => users.id),
    licenceCheckedAt: instant('licence_checked_at'),
    outAt: instant('out_at'),
    backAt: instant('back_at'),
    mileageOutKm: integer('mileage_out_km'),
    mileageBackKm: integer('mileage_back_km'),
    note: text('note'),
    /** The appointment in the consultant's calendar. */
    activityId: uuid('activity_id').references(() => activities.id, { onDelete: 'set null' }),
    /** The test-drive agreement PDF (documents module). */
    agreementDocumentId: uuid('agreement_document_id'),
    createdById: uuid('created_by_id').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('test_drives_car_idx').on(t.demoVehicleId, t.startsAt, t.endsAt),
    index('test_drives_opportunity_idx').on(t.opportunityId),
    index('test_drives_location_idx').on(t.locationId, t.startsAt),
  ],
);

/** The binding purchase order (verbindliche Bestellung / Kaufvertrag) from an accepted offer. */
export const purchaseOrders = pgTable(
  'purchase_orders',
  {
    id: id(),
    /** KV-100001 */
    number: text('number').notNull().unique(),
    opportunityId: uuid('opportunity_id')
      .notNull()
      .references(() => opportunities.id),
    offerId: uuid('offer_id')
      .notNull()
      .unique()
      .references(() => offers.id),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id),
    locationId: uuid('location_id')
      .notNull()
      .references(() => locations.id),
    /** One of PURCHASE_ORDER_STATUSES. */
    status: text('status').notNull().default('ordered'),
    orderedAt: instant('ordered_at').notNull(),
    /** When the car is to be handed over: the delivery appointment's start. */
    plannedDeliveryAt: instant('planned_delivery_at'),
    cancelledAt: instant('cancelled_at'),
    cancelReason: text('cancel_reason'),
    version: integer('version').notNull().default(1),
    /** The delivery appointment in the consultant's calendar. */
    deliveryActivityId: uuid('delivery_activity_id').references(() => activities.id, { onDelete: 'set null' }),
    /** Checklist items done: DELIVERY_CHECKLIST keys. */
    checklist: jsonb('checklist').$type<string[]>().notNull().default([]),
    deliveredAt: instant('delivered_at'),
    /** The customer's vehicle record, owned from the delivery date. */
    vehicleId: uuid('vehicle_id').references(() => vehicles.id),
    documentId: uuid('document_id'),
    createdById: uuid('created_by_id').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('purchase_orders_location_idx').on(t.locationId, t.orderedAt)],
);

/** Group-wide counters of opportunity (V-) and purchase-order (KV-) numbers. */
export const salesNumberCounters = pgTable('sales_number_counters', {
  kind: text('kind').primaryKey(),
  lastValue: integer('last_value').notNull(),
});
