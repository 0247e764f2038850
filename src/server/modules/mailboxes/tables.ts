import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { AFTER_PROCESSING, INBOUND_OUTCOMES, MAILBOX_STATES } from '../../../shared/mailboxes/enums';
import { departmentKindEnum, locations } from '../org/tables';
import { bytea, createdAt, id, instant, updatedAt } from '../../db/columns';
import { requestTypeEnum } from '../requests/tables';

export const inboundOutcomeEnum = pgEnum('inbound_outcome', INBOUND_OUTCOMES);
export const afterProcessingEnum = pgEnum('mailbox_after_processing', AFTER_PROCESSING);
export const mailboxStateEnum = pgEnum('mailbox_state', MAILBOX_STATES);

/** A simple rule: a sender domain or a word in the subject decides the request type. */
export interface TypeRule {
  kind: 'sender_domain' | 'subject_word';
  value: string;
  type: (typeof requestTypeEnum.enumValues)[number];
}

/**
 * A mailbox read over IMAP (verkauf@, service@ of a location): each mail becomes a request
 * or joins one. The password is write-only: stored here, never sent back to the browser.
 */
export const mailboxes = pgTable('mailboxes', {
  id: id(),
  locationId: uuid('location_id')
    .notNull()
    .references(() => locations.id),
  department: departmentKindEnum('department'),
  name: text('name').notNull(),
  address: text('address').notNull(),
  host: text('host').notNull(),
  port: integer('port').notNull(),
  tls: boolean('tls').notNull().default(true),
  username: text('username').notNull(),
  secret: text('secret'),
  folder: text('folder').notNull().default('INBOX'),
  defaultType: requestTypeEnum('default_type').notNull().default('general'),
  typeRules: jsonb('type_rules').$type<TypeRule[]>().notNull().default([]),
  afterProcessing: afterProcessingEnum('after_processing').notNull().default('flag'),
  moveToFolder: text('move_to_folder'),
  acknowledge: boolean('acknowledge').notNull().default(false),
  enabled: boolean('enabled').notNull().default(true),
  pollSeconds: integer('poll_seconds').notNull().default(60),
  /** Last known live state, written by whichever server process reads the mailbox. */
  state: mailboxStateEnum('state').notNull().default('disabled'),
  stateDetail: text('state_detail'),
  stateChangedAt: instant('state_changed_at'),
  lastMailAt: instant('last_mail_at'),
  lastError: text('last_error'),
  lastErrorAt: instant('last_error_at'),
  /** A lease: the process that reads the mailbox now, until when (several server processes, one reader). */
  leaseHolder: text('lease_holder'),
  leaseUntil: instant('lease_until'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/**
 * Every mail read from a mailbox, kept with its raw RFC 5322 bytes, and what it became.
 * (mailbox, UIDVALIDITY, UID) is read once; the Message-ID makes the same mail sent to two
 * mailboxes one request.
 */
export const inboundEmails = pgTable(
  'inbound_emails',
  {
    id: id(),
    mailboxId: uuid('mailbox_id')
      .notNull()
      .references(() => mailboxes.id, { onDelete: 'cascade' }),
    uidValidity: bigint('uid_validity', { mode: 'number' }).notNull(),
    uid: bigint('uid', { mode: 'number' }).notNull(),
    messageId: text('message_id'),
    inReplyTo: text('in_reply_to'),
    references: text('references')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    fromAddress: text('from_address'),
    fromName: text('from_name'),
    subject: text('subject'),
    sentAt: instant('sent_at'),
    /** The text as the customer wrote it, verbatim. */
    text: text('text'),
    /** The HTML body, sanitised: safe to show. */
    html: text('html'),
    raw: bytea('raw').notNull(),
    size: integer('size').notNull(),
    requestId: uuid('request_id'),
    outcome: inboundOutcomeEnum('outcome').notNull(),
    /** What could not be read (an attachment refused, a broken part), as plain sentences. */
    notes: jsonb('notes').$type<string[]>().notNull().default([]),
    receivedAt: instant('received_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('inbound_emails_uid_uq').on(t.mailboxId, t.uidValidity, t.uid),
    index('inbound_emails_message_id_idx').on(t.messageId),
    index('inbound_emails_request_idx').on(t.requestId, t.receivedAt),
  ],
);
