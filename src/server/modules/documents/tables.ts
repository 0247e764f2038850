import { index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { bytea, createdAt, id, updatedAt } from '../../db/columns';
import { locations, users } from '../org/tables';

/**
 * A stored document: a PDF the CRM rendered (offer, test-drive agreement, purchase order) or one
 * uploaded (a brand tool's offer). Kept byte for byte, so what was sent can be shown again.
 * Who may read it is decided by the module that owns what it belongs to (ownerType/ownerId).
 */
export const documents = pgTable(
  'documents',
  {
    id: id(),
    /** offer, offer_external, test_drive_agreement, purchase_order … */
    kind: text('kind').notNull(),
    /** The record it belongs to: ('offer', id), ('test_drive', id) … */
    ownerType: text('owner_type').notNull(),
    ownerId: uuid('owner_id').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    /** Hex SHA-256 of the content: a re-render that comes out the same is recognised. */
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    createdById: uuid('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('documents_owner_idx').on(t.ownerType, t.ownerId, t.createdAt)],
);

/**
 * A location's letterhead (Briefkopf): the legal sender of its offers, agreements and orders.
 * A location without one prints with its own name and address.
 */
export const letterheads = pgTable('letterheads', {
  locationId: uuid('location_id')
    .primaryKey()
    .references(() => locations.id, { onDelete: 'cascade' }),
  companyName: text('company_name').notNull(),
  street: text('street').notNull(),
  postalCode: text('postal_code').notNull(),
  city: text('city').notNull(),
  phone: text('phone'),
  email: text('email'),
  web: text('web'),
  registerCourt: text('register_court'),
  registerNumber: text('register_number'),
  vatId: text('vat_id'),
  managingDirectors: text('managing_directors'),
  bankName: text('bank_name'),
  iban: text('iban'),
  bic: text('bic'),
  /** PNG or JPEG, checked by its bytes. */
  logo: bytea('logo'),
  logoContentType: text('logo_content_type'),
  updatedById: uuid('updated_by_id').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: updatedAt(),
});
