import { index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { bytea, createdAt, id } from '../../db/columns';
import { contacts } from '../contacts/tables';
import { users } from '../org/tables';

export interface StoredAttachment {
  fileName: string;
  contentType: string;
  size: number;
  documentId: string | null;
}

/**
 * Every e-mail written to a customer from the CRM, kept exactly as sent: `raw` holds the RFC 5322
 * bytes handed to the outbox (which delivers those bytes unchanged), so what the customer got can
 * always be shown and downloaded again. Delivery state lives with the outbox mail (`outboxEmailId`).
 */
export const customerEmails = pgTable(
  'customer_emails',
  {
    id: id(),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    requestId: uuid('request_id'),
    opportunityId: uuid('opportunity_id'),
    offerId: uuid('offer_id'),
    sentById: uuid('sent_by_id').references(() => users.id, { onDelete: 'set null' }),
    fromName: text('from_name').notNull(),
    fromAddress: text('from_address').notNull(),
    to: text('to').notNull(),
    replyTo: text('reply_to'),
    subject: text('subject').notNull(),
    /** The text as written and sent, verbatim. */
    text: text('text').notNull(),
    messageId: text('message_id').notNull(),
    inReplyTo: text('in_reply_to'),
    references: text('references').array().notNull(),
    attachments: jsonb('attachments').$type<StoredAttachment[]>().notNull(),
    raw: bytea('raw').notNull(),
    /** 'consent' or 'asked': the customer asked for this mail in request `askedInRequestId`. */
    reason: text('reason').$type<'consent' | 'asked'>().notNull(),
    askedInRequestId: uuid('asked_in_request_id'),
    templateKey: text('template_key'),
    outboxEmailId: uuid('outbox_email_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('customer_emails_contact_idx').on(t.contactId, t.createdAt),
    index('customer_emails_request_idx').on(t.requestId),
    index('customer_emails_message_id_idx').on(t.messageId),
  ],
);
