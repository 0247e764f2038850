import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@server/db/client';
import { importJobs } from './tables';

export type ImportJobRow = typeof importJobs.$inferSelect;
type ImportJobInsert = typeof importJobs.$inferInsert;

export async function insertJob(db: DbOrTx, values: ImportJobInsert): Promise<ImportJobRow> {
  const [row] = await db.insert(importJobs).values(values).returning();
  return row!;
}

export async function findJob(db: DbOrTx, id: string): Promise<ImportJobRow | undefined> {
  const [row] = await db.select().from(importJobs).where(eq(importJobs.id, id));
  return row;
}

/** The job without its file: what status requests need. */
export async function findJobStatus(db: DbOrTx, id: string) {
  const [row] = await db
    .select({
      id: importJobs.id,
      target: importJobs.target,
      format: importJobs.format,
      fileName: importJobs.fileName,
      status: importJobs.status,
      headers: importJobs.headers,
      mapping: importJobs.mapping,
      options: importJobs.options,
      totalRows: importJobs.totalRows,
      processedRows: importJobs.processedRows,
      error: importJobs.error,
      createdAt: importJobs.createdAt,
      updatedAt: importJobs.updatedAt,
      finishedAt: importJobs.finishedAt,
    })
    .from(importJobs)
    .where(eq(importJobs.id, id));
  return row;
}
export type ImportJobStatusRow = NonNullable<Awaited<ReturnType<typeof findJobStatus>>>;

/** Who uploaded the job and where it imports to: what access is decided by. */
export async function findJobOwner(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ createdBy: importJobs.createdBy, options: importJobs.options })
    .from(importJobs)
    .where(eq(importJobs.id, id));
  return row;
}

export async function findJobReport(db: DbOrTx, id: string) {
  const [row] = await db.select({ report: importJobs.report }).from(importJobs).where(eq(importJobs.id, id));
  return row;
}

export async function updateJob(db: DbOrTx, id: string, values: Partial<ImportJobInsert>): Promise<void> {
  await db.update(importJobs).set(values).where(eq(importJobs.id, id));
}
