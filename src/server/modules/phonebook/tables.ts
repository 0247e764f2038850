import { integer, pgEnum, pgTable, text } from 'drizzle-orm/pg-core';
import { PHONEBOOK_FORMATS, PHONEBOOK_NUMBER_FORMATS } from '../../../shared/telephony/enums';
import { instant, updatedAt } from '../../db/columns';

export const phonebookFormatEnum = pgEnum('phonebook_format', PHONEBOOK_FORMATS);
export const phonebookNumberFormatEnum = pgEnum('phonebook_number_format', PHONEBOOK_NUMBER_FORMATS);

/** The latest generated phonebook per format, served to desk phones and the PBX (R0.4). */
export const phonebookSnapshots = pgTable('phonebook_snapshots', {
  format: phonebookFormatEnum('format').primaryKey(),
  content: text('content').notNull(),
  entryCount: integer('entry_count').notNull(),
  generatedAt: instant('generated_at').notNull(),
});

/** The admin's choice per export of how numbers are written; without a row, the format's default. */
export const phonebookSettings = pgTable('phonebook_settings', {
  format: phonebookFormatEnum('format').primaryKey(),
  numberFormat: phonebookNumberFormatEnum('number_format').notNull(),
  updatedAt: updatedAt(),
});
