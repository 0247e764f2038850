import { boolean, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import type { Role } from '@shared/org/enums';
import { createdAt, id, instant, updatedAt } from '../../db/columns';
import { contacts } from '../contacts/tables';
import { locations, users } from '../org/tables';
import { customerRequests } from '../requests/tables';

/**
 * An internal customer message (Interne Kundenmitteilung): documentation of what a colleague
 * must know about a customer, addressed to the one who can best solve it. No replies; read,
 * acknowledged and archived, never edited.
 */
export const customerMessages = pgTable(
  'customer_messages',
  {
    id: id(),
    /** One of MESSAGE_TYPES (src/shared/messages/enums.ts). */
    type: text('type').notNull(),
    locationId: uuid('location_id')
      .notNull()
      .references(() => locations.id),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id),
    responsibleId: uuid('responsible_id')
      .notNull()
      .references(() => users.id),
    /** The employee named as having entered it (on duty at the workstation). */
    enteredById: uuid('entered_by_id')
      .notNull()
      .references(() => users.id),
    /** The logged-in user who saved it; differs from enteredBy when entered for a colleague. */
    createdById: uuid('created_by_id').references(() => users.id),
    /** Verbatim. */
    text: text('text').notNull(),
    /** The type's extra fields (MessageDetails). */
    details: jsonb('details').$type<Record<string, unknown>>().notNull(),
    /** The complaint request a complaint message opened. */
    requestId: uuid('request_id').references(() => customerRequests.id),
    /** Unblock messages: pending until someone the policy allows confirms it, then done. */
    unblockState: text('unblock_state'),
    confirmedById: uuid('confirmed_by_id').references(() => users.id),
    confirmedAt: instant('confirmed_at'),
    acknowledgedAt: instant('acknowledged_at'),
    acknowledgedById: uuid('acknowledged_by_id').references(() => users.id),
    archived: boolean('archived').notNull().default(false),
    archivedAt: instant('archived_at'),
    archivedById: uuid('archived_by_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    // The inbox: one responsible's unarchived messages, newest first.
    index('customer_messages_inbox_idx').on(t.responsibleId, t.archived, t.createdAt.desc(), t.id.desc()),
    index('customer_messages_location_idx').on(t.locationId, t.createdAt.desc()),
    index('customer_messages_contact_idx').on(t.contactId, t.createdAt.desc()),
  ],
);

/** Who may block and who may lift a block at a location; locations without a row use DEFAULT_BLOCK_POLICY. */
export const messageBlockPolicies = pgTable('message_block_policies', {
  locationId: uuid('location_id')
    .primaryKey()
    .references(() => locations.id, { onDelete: 'cascade' }),
  blockRoles: jsonb('block_roles').$type<Role[]>().notNull(),
  unblockRoles: jsonb('unblock_roles').$type<Role[]>().notNull(),
  updatedById: uuid('updated_by_id').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: updatedAt(),
});
