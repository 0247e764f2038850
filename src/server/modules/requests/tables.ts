import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgEnum,
  pgSequence,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  ATTEMPT_CHANNELS,
  ATTEMPT_OUTCOMES,
  LOST_REASONS,
  PRIORITIES,
  REQUEST_CHANNELS,
  REQUEST_STATUSES,
  REQUEST_TYPES,
  SLA_UNITS,
} from '../../../shared/requests/enums';
import { LETTER_TEXT_SOURCES, LETTER_TEXT_STATUSES, type LetterNote } from '../../../shared/requests/letters';
import type { ContactMatchRecord, SubmittedCustomer } from '../../../shared/requests/submitted';
import { createdAt, id, instant, updatedAt } from '../../db/columns';
import { contacts } from '../contacts/tables';
import { departmentKindEnum, locations, users } from '../org/tables';
import { vehicles } from '../vehicles/tables';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

export const requestTypeEnum = pgEnum('request_type', REQUEST_TYPES);
export const requestChannelEnum = pgEnum('request_channel', REQUEST_CHANNELS);
export const priorityEnum = pgEnum('priority', PRIORITIES);
export const requestStatusEnum = pgEnum('request_status', REQUEST_STATUSES);
export const lostReasonEnum = pgEnum('lost_reason', LOST_REASONS);
export const attemptChannelEnum = pgEnum('attempt_channel', ATTEMPT_CHANNELS);
export const attemptOutcomeEnum = pgEnum('attempt_outcome', ATTEMPT_OUTCOMES);

/** Human-friendly request numbers ("A-100042") that staff can read out on the phone. */
export const requestNumberSeq = pgSequence('request_number_seq', { startWith: 100001 });

/** A customer request (Anliegen): lead, service appointment, callback, parts, complaint, inquiry. */
export const customerRequests = pgTable(
  'customer_requests',
  {
    id: id(),
    number: text('number').notNull(),
    type: requestTypeEnum('type').notNull(),
    channel: requestChannelEnum('channel').notNull(),
    /** Where it came from: portal, campaign, tracking number, web form name… */
    source: text('source'),
    campaign: text('campaign'),
    locationId: uuid('location_id')
      .notNull()
      .references(() => locations.id),
    brand: text('brand'),
    /** The department the customer asked for (a callback "from sales"); decides the fallback when no rule does. */
    department: departmentKindEnum('department'),
    subject: text('subject').notNull(),
    /** The customer's own words, verbatim. */
    message: text('message'),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id),
    vehicleId: uuid('vehicle_id').references(() => vehicles.id, { onDelete: 'set null' }),
    /** For sales leads: the vehicle the customer is interested in (make, model, new/used, price…). */
    vehicleInterest: jsonb('vehicle_interest').$type<Record<string, unknown>>(),
    priority: priorityEnum('priority').notNull().default('normal'),
    callbackFrom: instant('callback_from'),
    callbackTo: instant('callback_to'),
    /** The call in the assignee's calendar that keeps the agreed callback window (an activity). */
    callbackActivityId: uuid('callback_activity_id'),
    status: requestStatusEnum('status').notNull().default('new'),
    outcome: text('outcome'),
    lostReason: lostReasonEnum('lost_reason'),
    assigneeId: uuid('assignee_id').references(() => users.id, { onDelete: 'set null' }),
    /** The regular consultant the request is really for, while a deputy handles it (R0.7). */
    onBehalfOfId: uuid('on_behalf_of_id').references(() => users.id, { onDelete: 'set null' }),
    assignmentRuleId: uuid('assignment_rule_id'),
    assignedAt: instant('assigned_at'),
    receivedAt: instant('received_at').notNull(),
    firstContactDueAt: instant('first_contact_due_at'),
    /** When the acknowledgement mail went out: set once, so there is never a second one. */
    acknowledgedAt: instant('acknowledged_at'),
    firstContactedAt: instant('first_contacted_at'),
    escalatedAt: instant('escalated_at'),
    closedAt: instant('closed_at'),
    /** The sender's id for the lead (portal prospect id): a resend of the same lead is recognised by it. */
    externalSource: text('external_source'),
    externalId: text('external_id'),
    /** The contact data the lead carried, verbatim (R3.4), whichever contact it was filed under. */
    submittedCustomer: jsonb('submitted_customer').$type<SubmittedCustomer>(),
    /** How intake chose the contact: new, certainly the same person, or a possible duplicate. */
    contactMatch: jsonb('contact_match').$type<ContactMatchRecord>(),
    /** Machine intake: a hash of the lead's content, so the same lead delivered twice is recognised. */
    contentHash: text('content_hash'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdByApiKeyId: uuid('created_by_api_key_id'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('customer_requests_number_uq').on(t.number),
    uniqueIndex('customer_requests_external_uq').on(t.externalSource, t.externalId),
    index('customer_requests_assignee_open_idx')
      .on(t.assigneeId, t.firstContactDueAt)
      .where(sql`status IN ('new','assigned','in_progress','waiting')`),
    // Least-loaded assignment's "who got one longest ago", without scanning a person's history.
    index('customer_requests_assignee_assigned_idx').on(t.assigneeId, t.assignedAt),
    index('customer_requests_location_received_idx').on(t.locationId, t.receivedAt),
    index('customer_requests_contact_idx').on(t.contactId, t.receivedAt),
    index('customer_requests_status_due_idx').on(t.status, t.firstContactDueAt),
    index('customer_requests_content_hash_idx')
      .on(t.contentHash, t.receivedAt)
      .where(sql`content_hash IS NOT NULL`),
  ],
);

/** Everything that happened to a request, in order: the request's own history. */
export const requestEvents = pgTable(
  'request_events',
  {
    id: id(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => customerRequests.id, { onDelete: 'cascade' }),
    at: instant('at').notNull(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    /** created, status_changed, assigned, reassigned, attempt, escalated, reopened, note, duplicate_received, call_repeated */
    kind: text('kind').notNull(),
    fromStatus: requestStatusEnum('from_status'),
    toStatus: requestStatusEnum('to_status'),
    data: jsonb('data').$type<Record<string, unknown>>(),
  },
  (t) => [index('request_events_request_idx').on(t.requestId, t.at)],
);

export const requestAttachments = pgTable(
  'request_attachments',
  {
    id: id(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => customerRequests.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    content: bytea('content').notNull(),
    /** Who attached it: a user, or (machine intake) the API key. */
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdByApiKeyId: uuid('created_by_api_key_id'),
    createdAt: createdAt(),
  },
  (t) => [index('request_attachments_request_idx').on(t.requestId)],
);

export const slaUnitEnum = pgEnum('sla_unit', SLA_UNITS);

/**
 * Settings per request type, set by managers: how soon the first contact is
 * due. A type without a row uses the default (one working day).
 */
export const requestTypeSettings = pgTable('request_type_settings', {
  type: requestTypeEnum('type').primaryKey(),
  firstContactAmount: integer('first_contact_amount').notNull(),
  firstContactUnit: slaUnitEnum('first_contact_unit').notNull(),
  /** Requests of this type that come in by e-mail or web form get an acknowledgement mail. */
  acknowledgement: boolean('acknowledgement').notNull().default(false),
  updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: updatedAt(),
});

/** Idempotency keys of the intake API: a retried POST returns the first answer and creates nothing. */
export const intakeKeys = pgTable(
  'intake_keys',
  {
    /** API key id (or user id) + the client's Idempotency-Key. */
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    requestId: uuid('request_id').references(() => customerRequests.id, { onDelete: 'cascade' }),
    responseStatus: integer('response_status').notNull(),
    responseBody: jsonb('response_body').$type<unknown>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('intake_keys_scope_key_uq').on(t.scope, t.key)],
);

/** Contact attempts (R3.3, R3.4): when, how, with what result, and verbatim what was said and offered. */
export const contactAttempts = pgTable(
  'contact_attempts',
  {
    id: id(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => customerRequests.id, { onDelete: 'cascade' }),
    at: instant('at').notNull(),
    channel: attemptChannelEnum('channel').notNull(),
    outcome: attemptOutcomeEnum('outcome').notNull(),
    note: text('note'),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    /** The customer e-mail this attempt sent (correspondence), when it went out from the CRM. */
    emailId: uuid('email_id'),
    createdAt: createdAt(),
  },
  (t) => [index('contact_attempts_request_idx').on(t.requestId, t.at)],
);

export const letterTextStatusEnum = pgEnum('letter_text_status', LETTER_TEXT_STATUSES);
export const letterTextSourceEnum = pgEnum('letter_text_source', LETTER_TEXT_SOURCES);

/**
 * A scanned letter that became a request: which file it is, the text read from
 * it (the PDF's own text or OCR) and why a page has none. The hash and the
 * upload's key recognise a second upload of the same letter.
 */
export const requestLetters = pgTable(
  'request_letters',
  {
    requestId: uuid('request_id')
      .primaryKey()
      .references(() => customerRequests.id, { onDelete: 'cascade' }),
    attachmentId: uuid('attachment_id').references(() => requestAttachments.id, { onDelete: 'set null' }),
    locationId: uuid('location_id')
      .notNull()
      .references(() => locations.id),
    fileHash: text('file_hash').notNull(),
    /** The upload form's Idempotency-Key: a double click or a retried upload sends the same one. */
    uploadKey: text('upload_key'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    status: letterTextStatusEnum('status').notNull().default('pending'),
    source: letterTextSourceEnum('source'),
    confidence: integer('confidence'),
    pages: integer('pages'),
    text: text('text'),
    notes: jsonb('notes').$type<LetterNote[]>().notNull().default([]),
    readAt: instant('read_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('request_letters_upload_key_uq').on(t.createdBy, t.uploadKey),
    index('request_letters_hash_idx').on(t.locationId, t.fileHash, t.createdAt),
    // The work list's search finds a letter by any words of it ("Lieferung verschoben").
    index('request_letters_text_trgm_idx').using('gin', sql`${t.text} gin_trgm_ops`),
  ],
);
