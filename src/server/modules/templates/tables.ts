import { pgEnum, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { TEMPLATE_KINDS } from '../../../shared/requests/enums';
import { id, updatedAt } from '../../db/columns';
import { users } from '../org/tables';
import { requestTypeEnum } from '../requests/tables';

export const templateKindEnum = pgEnum('template_kind', TEMPLATE_KINDS);

/** Phone script, voicemail and e-mail text per request type, with placeholders; edited by managers. */
export const messageTemplates = pgTable(
  'message_templates',
  {
    id: id(),
    requestType: requestTypeEnum('request_type').notNull(),
    kind: templateKindEnum('kind').notNull(),
    subject: text('subject'),
    body: text('body').notNull(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('message_templates_type_kind_uq').on(t.requestType, t.kind)],
);

/** A manager's own text of a customer e-mail (offer sent, test-drive confirmation …) per language; else the built-in one. */
export const customerEmailTemplates = pgTable(
  'customer_email_templates',
  {
    key: text('key').notNull(),
    locale: text('locale').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.key, t.locale] })],
);
