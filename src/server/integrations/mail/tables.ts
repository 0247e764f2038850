import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { bytea, createdAt, id, instant } from '../../db/columns';

/** pending → sent | failed; held while no SMTP server is configured. */
export const OUTBOX_STATUSES = ['pending', 'sent', 'failed', 'held'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];
export const outboxStatusEnum = pgEnum('outbox_status', OUTBOX_STATUSES);

/** Every mail the CRM sends goes through here, written in the transaction of the change that caused it. */
export const outboxEmails = pgTable(
  'outbox_emails',
  {
    id: id(),
    to: text('to').array().notNull(),
    cc: text('cc')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    replyTo: text('reply_to'),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html'),
    status: outboxStatusEnum('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: instant('next_attempt_at'),
    lastError: text('last_error'),
    /** The Message-ID the SMTP server accepted, for threading replies later. */
    messageId: text('message_id'),
    /** What the mail is about, e.g. ('request', <id>). */
    relatedType: text('related_type'),
    relatedId: uuid('related_id'),
    /** An iCalendar invitation sent with the mail (text/calendar part), kept so a retry sends it again. */
    icalEvent: jsonb('ical_event').$type<{ method: string; content: string }>(),
    /**
     * The complete RFC 5322 message, built once when queued, for mails whose exact bytes are kept
     * (customer correspondence): delivery sends these bytes unchanged instead of composing anew.
     */
    raw: bytea('raw'),
    /** The envelope sender (MAIL FROM) of a prebuilt message. */
    envelopeFrom: text('envelope_from'),
    createdAt: createdAt(),
    sentAt: instant('sent_at'),
  },
  (t) => [
    index('outbox_emails_related_idx').on(t.relatedType, t.relatedId),
    index('outbox_emails_status_idx').on(t.status),
  ],
);
