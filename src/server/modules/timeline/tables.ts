import { bigserial, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { instant } from '../../db/columns';

/**
 * One chronological history per contact (and per vehicle) of every
 * interaction and every change that matters. Modules write it in the same
 * transaction as the change itself.
 */
export const timelineEntries = pgTable(
  'timeline_entries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    contactId: uuid('contact_id'),
    vehicleId: uuid('vehicle_id'),
    /** One of TIMELINE_KINDS (src/shared/timeline/kinds.ts). */
    kind: text('kind').notNull(),
    occurredAt: instant('occurred_at').notNull(),
    authorId: uuid('author_id'),
    /** One line for the list, in German (or the note writer's words): what search, API clients and older rows use. */
    summary: text('summary').notNull(),
    /** The summary as a key and parameters (src/shared/texts/timeline.ts), rendered in the reader's language. */
    textKey: text('text_key'),
    textParams: jsonb('text_params').$type<Record<string, unknown>>(),
    body: text('body'),
    data: jsonb('data').$type<Record<string, unknown>>(),
    /** The record the entry is about, e.g. ("request", id). */
    sourceType: text('source_type'),
    sourceId: text('source_id'),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('timeline_contact_idx').on(t.contactId, t.occurredAt, t.id),
    index('timeline_vehicle_idx').on(t.vehicleId, t.occurredAt, t.id),
    index('timeline_source_idx').on(t.sourceType, t.sourceId),
  ],
);
