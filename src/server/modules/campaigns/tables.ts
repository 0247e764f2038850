import {
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import type { CampaignChannel, CampaignStatus, SelectionFilter } from '../../../shared/campaigns/schemas';
import { createdAt, id, instant, updatedAt } from '../../db/columns';
import { contacts } from '../contacts/tables';
import { locations, users } from '../org/tables';

/** A marketing campaign: a saved selection, a channel and its text; started once, then its recipients are frozen. */
export const campaigns = pgTable(
  'campaigns',
  {
    id: id(),
    name: text('name').notNull(),
    channel: text('channel').$type<CampaignChannel>().notNull(),
    status: text('status').$type<CampaignStatus>().notNull().default('draft'),
    /** Whose letterhead and sender the campaign uses; managers see the campaigns of their locations. */
    locationId: uuid('location_id')
      .notNull()
      .references(() => locations.id),
    filter: jsonb('filter').$type<SelectionFilter>().notNull(),
    subject: text('subject').notNull().default(''),
    body: text('body').notNull().default(''),
    teamUserIds: uuid('team_user_ids').array().notNull().default([]),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    startedBy: uuid('started_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    startedAt: instant('started_at'),
    finishedAt: instant('finished_at'),
    recipientCount: integer('recipient_count').notNull().default(0),
    excludedBlocked: integer('excluded_blocked').notNull().default(0),
    excludedNoConsent: integer('excluded_no_consent').notNull().default(0),
    excludedNoAddress: integer('excluded_no_address').notNull().default(0),
  },
  (t) => [index('campaigns_location_idx').on(t.locationId, t.createdAt)],
);

/**
 * The recipients as they were when the campaign started: name and address are copied, so a
 * letter printed again later, or the results, show whom the campaign reached, whatever changed since.
 */
export const campaignRecipients = pgTable(
  'campaign_recipients',
  {
    id: id(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    /** Order of the recipients within the campaign: the key batches are read by. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    customerNumber: text('customer_number').notNull(),
    salutation: text('salutation').notNull(),
    title: text('title'),
    firstName: text('first_name'),
    lastName: text('last_name'),
    companyName: text('company_name'),
    displayName: text('display_name').notNull(),
    email: text('email'),
    phone: text('phone'),
    street: text('street'),
    postalCode: text('postal_code'),
    city: text('city'),
    country: text('country'),
    /** The secret in the unsubscribe link: whoever holds the mail may unsubscribe, nobody else. */
    unsubscribeToken: text('unsubscribe_token').notNull(),
    /** When the letter was printed, the mail queued or the call planned. */
    processedAt: instant('processed_at'),
    outboxEmailId: uuid('outbox_email_id'),
    activityId: uuid('activity_id'),
    repliedAt: instant('replied_at'),
    appointmentAt: instant('appointment_at'),
    requestCreatedAt: instant('request_created_at'),
    unsubscribedAt: instant('unsubscribed_at'),
    bouncedAt: instant('bounced_at'),
  },
  (t) => [
    uniqueIndex('campaign_recipients_campaign_seq_uq').on(t.campaignId, t.seq),
    uniqueIndex('campaign_recipients_token_uq').on(t.unsubscribeToken),
    index('campaign_recipients_email_idx').on(t.email),
    index('campaign_recipients_contact_idx').on(t.contactId),
  ],
);

/**
 * Unsubscribe links of mails sent outside a campaign (a lifecycle rule's e-mail): the same page
 * and the same withdrawal as a campaign mail's, for the consent purpose the mail was sent under.
 */
export const unsubscribeLinks = pgTable(
  'unsubscribe_links',
  {
    token: text('token').primaryKey(),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    purpose: text('purpose').notNull(),
    /** What sent the mail, for the consent's history ("Serviceerinnerung Jahresservice"). */
    label: text('label').notNull(),
    createdAt: createdAt(),
    unsubscribedAt: instant('unsubscribed_at'),
  },
  (t) => [index('unsubscribe_links_contact_idx').on(t.contactId)],
);

/**
 * Who a selection can reach, one row per current holding (vehicle and holder): the vehicle's
 * criteria from the vehicles' read model vehicle_holdings beside the holder's from the contacts'
 * read model contact_reach, kept by triggers on both (migration 0040). The live count of a
 * selection with vehicle criteria reads one range of an index that carries every column, instead
 * of joining a phase's holders to a million reach rows on every keystroke.
 */
export const campaignAudience = pgTable(
  'campaign_audience',
  {
    vehicleId: uuid('vehicle_id').notNull(),
    contactId: uuid('contact_id').notNull(),
    deliveryDate: date('delivery_date', { mode: 'string' }),
    make: text('make').notNull(),
    model: text('model').notNull(),
    fuel: text('fuel'),
    firstRegistration: date('first_registration', { mode: 'string' }),
    financingEnd: date('financing_end', { mode: 'string' }),
    live: boolean('live').notNull().default(true),
    homeLocationId: uuid('home_location_id'),
    salesConsultantId: uuid('sales_consultant_id'),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    emailConsent: boolean('email_consent').notNull().default(false),
    letterConsent: boolean('letter_consent').notNull().default(false),
    phoneConsent: boolean('phone_consent').notNull().default(false),
    hasEmail: boolean('has_email').notNull().default(false),
    hasPhone: boolean('has_phone').notNull().default(false),
    hasAddress: boolean('has_address').notNull().default(false),
    /** As in contact_reach: read in SQL only ('infinity' is no JavaScript date). */
    blockedUntil: instant('blocked_until'),
  },
  (t) => [
    primaryKey({ columns: [t.vehicleId, t.contactId] }),
    index('campaign_audience_contact_idx').on(t.contactId),
    // Migration 0040 adds INCLUDE (every other column), which this builder cannot say.
    index('campaign_audience_delivery_idx').on(t.deliveryDate),
    index('campaign_audience_make_idx').on(t.make, t.firstRegistration),
  ],
);
