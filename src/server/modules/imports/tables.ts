import { sql } from 'drizzle-orm';
import { customType, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, instant, updatedAt } from '../../db/columns';
import { users } from '../org/tables';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/**
 * One import: the uploaded file, the column mapping, the dry-run report and
 * the progress of applying it. Kept in the database so any server process can
 * report progress and the report stays available afterwards.
 */
export const importJobs = pgTable(
  'import_jobs',
  {
    id: id(),
    /** What is imported: contacts, vehicles, vcard. */
    target: text('target').notNull(),
    /** csv, xlsx, vcard. */
    format: text('format').notNull(),
    fileName: text('file_name').notNull(),
    content: bytea('content').notNull(),
    /** uploaded → dry_run_done → applying → done | failed */
    status: text('status').notNull(),
    headers: text('headers')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    mapping: jsonb('mapping').$type<Record<string, string>>(),
    options: jsonb('options').$type<Record<string, unknown>>(),
    totalRows: integer('total_rows').notNull().default(0),
    processedRows: integer('processed_rows').notNull().default(0),
    report: jsonb('report').$type<Record<string, unknown>>(),
    error: text('error'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    finishedAt: instant('finished_at'),
  },
  (t) => [index('import_jobs_created_idx').on(t.createdAt)],
);
