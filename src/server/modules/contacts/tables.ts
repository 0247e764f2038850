import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import {
  ADDRESS_KINDS,
  CHANNELS,
  CONSENT_PURPOSES,
  CONSENT_SOURCES,
  CONSENT_STATUSES,
  CONTACT_KINDS,
  EMAIL_KINDS,
  PHONE_KINDS,
  SALUTATIONS,
} from '../../../shared/contacts/enums';
import { createdAt, id, instant, updatedAt } from '../../db/columns';
import { locations, users } from '../org/tables';

export const contactKindEnum = pgEnum('contact_kind', CONTACT_KINDS);
export const salutationEnum = pgEnum('salutation', SALUTATIONS);
export const phoneKindEnum = pgEnum('phone_kind', PHONE_KINDS);
export const emailKindEnum = pgEnum('email_kind', EMAIL_KINDS);
export const addressKindEnum = pgEnum('address_kind', ADDRESS_KINDS);
export const channelEnum = pgEnum('channel', CHANNELS);
export const consentPurposeEnum = pgEnum('consent_purpose', CONSENT_PURPOSES);
export const consentStatusEnum = pgEnum('consent_status', CONSENT_STATUSES);
export const consentSourceEnum = pgEnum('consent_source', CONSENT_SOURCES);

/** People and companies. A contact person of a company points to it with companyId. */
export const contacts = pgTable(
  'contacts',
  {
    id: id(),
    kind: contactKindEnum('kind').notNull(),
    customerNumber: text('customer_number').notNull(),
    homeLocationId: uuid('home_location_id')
      .notNull()
      .references(() => locations.id),
    salutation: salutationEnum('salutation').notNull().default('none'),
    title: text('title'),
    firstName: text('first_name'),
    lastName: text('last_name'),
    companyName: text('company_name'),
    /** For contact persons: the company they work for. */
    companyId: uuid('company_id'),
    position: text('position'),
    dateOfBirth: date('date_of_birth', { mode: 'string' }),
    salesConsultantId: uuid('sales_consultant_id').references(() => users.id, { onDelete: 'set null' }),
    serviceAdvisorId: uuid('service_advisor_id').references(() => users.id, { onDelete: 'set null' }),
    preferredChannel: channelEnum('preferred_channel'),
    notes: text('notes'),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    paymentRemarks: text('payment_remarks'),
    /** prospect (Interessent) until a purchase order makes them a customer (Kunde); CONTACT_LIFECYCLES. */
    lifecycle: text('lifecycle').notNull().default('customer'),
    /** "Müller, Hans" or the company name: what lists and the search bar show. */
    displayName: text('display_name').notNull(),
    /** displayName and company folded by normalizeName(): what the search bar matches. */
    searchName: text('search_name').notNull(),
    /** Set when this contact was merged into another; it then only redirects. */
    mergedIntoId: uuid('merged_into_id'),
    /** Id in the system a contact was imported from, for idempotent re-imports. */
    externalRef: text('external_ref'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('contacts_customer_number_uq').on(t.customerNumber),
    uniqueIndex('contacts_external_ref_uq').on(t.externalRef),
    index('contacts_search_name_trgm').using('gin', sql`${t.searchName} gin_trgm_ops`),
    index('contacts_display_name_id_idx').on(t.displayName, t.id),
    index('contacts_home_location_idx').on(t.homeLocationId, t.displayName, t.id),
    index('contacts_company_idx').on(t.companyId),
    index('contacts_sales_consultant_idx').on(t.salesConsultantId),
    index('contacts_updated_at_idx').on(t.updatedAt, t.id),
  ],
);

export const contactPhones = pgTable(
  'contact_phones',
  {
    id: id(),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    kind: phoneKindEnum('kind').notNull(),
    /** As the customer or the import gave it. */
    raw: text('raw').notNull(),
    e164: text('e164'),
    /** False for numbers kept from an import that do not parse; never for numbers typed in the app. */
    valid: boolean('valid').notNull(),
    /** Digits of the E.164 number (or the raw input) reversed: "last digits" becomes a prefix search. */
    digitsReversed: text('digits_reversed').notNull(),
    isPrimary: boolean('is_primary').notNull().default(false),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    index('contact_phones_contact_idx').on(t.contactId),
    index('contact_phones_e164_idx').on(t.e164),
    // Migration 0015 adds INCLUDE (contact_id), which this builder cannot say: the search by last digits reads the index only.
    index('contact_phones_digits_reversed_idx').on(sql`${t.digitsReversed} text_pattern_ops`),
  ],
);

export const contactEmails = pgTable(
  'contact_emails',
  {
    id: id(),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    kind: emailKindEnum('kind').notNull().default('private'),
    /** Stored lower-case. */
    address: text('address').notNull(),
    isPrimary: boolean('is_primary').notNull().default(false),
    position: integer('position').notNull().default(0),
    /** A mail to this address came back undeliverable (a bounce read from a mailbox): when, and the server's words. */
    bouncedAt: instant('bounced_at'),
    bounceReason: text('bounce_reason'),
  },
  (t) => [
    index('contact_emails_contact_idx').on(t.contactId),
    index('contact_emails_address_idx').on(sql`${t.address} text_pattern_ops`),
  ],
);

export const contactAddresses = pgTable(
  'contact_addresses',
  {
    id: id(),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    kind: addressKindEnum('kind').notNull().default('home'),
    street: text('street').notNull(),
    postalCode: text('postal_code').notNull(),
    city: text('city').notNull(),
    country: text('country').notNull().default('DE'),
    isPrimary: boolean('is_primary').notNull().default(false),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    index('contact_addresses_contact_idx').on(t.contactId),
    index('contact_addresses_postal_idx').on(t.postalCode),
  ],
);

/**
 * Consent history: one row per decision, never updated. The current state of
 * a (channel, purpose) pair is its latest row.
 */
export const consents = pgTable(
  'consents',
  {
    id: id(),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    channel: channelEnum('channel').notNull(),
    purpose: consentPurposeEnum('purpose').notNull(),
    status: consentStatusEnum('status').notNull(),
    effectiveAt: instant('effective_at').notNull(),
    source: consentSourceEnum('source').notNull(),
    note: text('note'),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('consents_contact_idx').on(t.contactId, t.channel, t.purpose, t.effectiveAt)],
);

/** Blocks (Sperren): active while not lifted and not past blockedUntil. */
export const contactBlocks = pgTable(
  'contact_blocks',
  {
    id: id(),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull(),
    blockedBy: uuid('blocked_by').references(() => users.id, { onDelete: 'set null' }),
    blockedAt: instant('blocked_at').notNull(),
    blockedUntil: instant('blocked_until'),
    liftedAt: instant('lifted_at'),
    liftedBy: uuid('lifted_by').references(() => users.id, { onDelete: 'set null' }),
    liftReason: text('lift_reason'),
  },
  (t) => [index('contact_blocks_contact_idx').on(t.contactId)],
);

/** Next customer number per location: "MUC-100001", "MUC-100002", … */
export const customerNumberCounters = pgTable('customer_number_counters', {
  locationId: uuid('location_id')
    .primaryKey()
    .references(() => locations.id, { onDelete: 'cascade' }),
  next: integer('next').notNull(),
});

/**
 * How each contact can be reached for marketing, and what else a campaign selection asks of it,
 * kept by triggers (migrations 0035 and 0039) in the same statement as every write to the
 * contact, its consents, blocks, e-mails, phones and addresses, whoever writes them: the live
 * count of a selection reads one narrow row per contact instead of the contact and five tables
 * for each of a million. Every contact has a row.
 */
export const contactReach = pgTable(
  'contact_reach',
  {
    contactId: uuid('contact_id')
      .primaryKey()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    /** The latest marketing decision per channel is 'granted'. */
    emailConsent: boolean('email_consent').notNull().default(false),
    letterConsent: boolean('letter_consent').notNull().default(false),
    phoneConsent: boolean('phone_consent').notNull().default(false),
    hasEmail: boolean('has_email').notNull().default(false),
    /** A phone number other than a fax. */
    hasPhone: boolean('has_phone').notNull().default(false),
    hasAddress: boolean('has_address').notNull().default(false),
    /**
     * The latest end of the blocks not lifted ('infinity' for one without end), null when there is
     * none: a block that runs out needs no write, the contact is blocked while this lies ahead.
     * Read in SQL only ('infinity' is no JavaScript date).
     */
    blockedUntil: instant('blocked_until'),
    /** Copies of the contact's own columns a selection filters on. Not merged into another. */
    live: boolean('live').notNull().default(true),
    homeLocationId: uuid('home_location_id'),
    salesConsultantId: uuid('sales_consultant_id'),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
  },
  (t) => [
    // A selection by tags.
    index('contact_reach_tags_idx').using('gin', t.tags),
  ],
);
