import type { DbOrTx } from '@server/db/client';
import { bulkInsert } from '@server/db/bulk-insert';
import { complaintCases, complaintSteps } from './tables';

export type NewComplaintRow = typeof complaintCases.$inferInsert;
export type NewComplaintStepRow = typeof complaintSteps.$inferInsert;

/** Many complaint cases at once, for the demo data and the benchmark. */
export async function insertComplaintRows(db: DbOrTx, cases: NewComplaintRow[], steps: NewComplaintStepRow[] = []) {
  await bulkInsert(db, complaintCases, cases);
  await bulkInsert(db, complaintSteps, steps);
}
