import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '@server/db/client';
import { complaintCases, complaintEvents, complaintNumberSeq, complaintSteps } from './tables';

export type CaseRow = typeof complaintCases.$inferSelect;
export type StepRow = typeof complaintSteps.$inferSelect;
export type EventRow = typeof complaintEvents.$inferSelect;

export async function nextNumber(tx: DbOrTx): Promise<string> {
  const result = (await tx.execute(sql`SELECT nextval(${complaintNumberSeq.seqName}) AS n`)) as unknown as {
    rows: Array<{ n: string | number }>;
  };
  return `R-${result.rows[0]!.n}`;
}

export async function findCase(tx: DbOrTx, id: string, lock = false): Promise<CaseRow | undefined> {
  const query = tx.select().from(complaintCases).where(eq(complaintCases.id, id));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function findCaseOfRequest(tx: DbOrTx, requestId: string): Promise<CaseRow | undefined> {
  const [row] = await tx.select().from(complaintCases).where(eq(complaintCases.requestId, requestId));
  return row;
}

export async function insertCase(tx: DbOrTx, values: typeof complaintCases.$inferInsert): Promise<CaseRow | undefined> {
  const [row] = await tx
    .insert(complaintCases)
    .values(values)
    .onConflictDoNothing({ target: complaintCases.requestId })
    .returning();
  return row;
}

export async function updateCase(
  tx: DbOrTx,
  id: string,
  values: Partial<typeof complaintCases.$inferInsert>,
  now: Date,
): Promise<CaseRow> {
  const [row] = await tx
    .update(complaintCases)
    .set({ ...values, updatedAt: now, version: sql`${complaintCases.version} + 1` })
    .where(eq(complaintCases.id, id))
    .returning();
  return row!;
}

export const stepsOf = (tx: DbOrTx, caseId: string) =>
  tx.select().from(complaintSteps).where(eq(complaintSteps.caseId, caseId)).orderBy(asc(complaintSteps.position));

export async function findStep(tx: DbOrTx, caseId: string, stepId: string): Promise<StepRow | undefined> {
  const [row] = await tx
    .select()
    .from(complaintSteps)
    .where(and(eq(complaintSteps.id, stepId), eq(complaintSteps.caseId, caseId)));
  return row;
}

export async function insertStep(tx: DbOrTx, values: typeof complaintSteps.$inferInsert): Promise<StepRow> {
  const [row] = await tx.insert(complaintSteps).values(values).returning();
  return row!;
}

export async function updateStep(
  tx: DbOrTx,
  id: string,
  values: Partial<typeof complaintSteps.$inferInsert>,
): Promise<StepRow> {
  const [row] = await tx.update(complaintSteps).set(values).where(eq(complaintSteps.id, id)).returning();
  return row!;
}

/** Marks an overdue step escalated; null when it was already, is done, or is no longer due (moved). */
export async function markStepEscalated(tx: DbOrTx, id: string, now: Date): Promise<StepRow | null> {
  const [row] = await tx
    .update(complaintSteps)
    .set({ escalatedAt: now })
    .where(
      and(
        eq(complaintSteps.id, id),
        eq(complaintSteps.status, 'open'),
        sql`${complaintSteps.escalatedAt} IS NULL`,
        sql`${complaintSteps.dueAt} <= ${now.toISOString()}::timestamptz`,
      ),
    )
    .returning();
  return row ?? null;
}

export async function nextPosition(tx: DbOrTx, caseId: string): Promise<number> {
  const [row] = await tx
    .select({ max: sql<number | null>`max(${complaintSteps.position})` })
    .from(complaintSteps)
    .where(eq(complaintSteps.caseId, caseId));
  return Number(row?.max ?? 0) + 1;
}

export async function insertEvent(tx: DbOrTx, values: typeof complaintEvents.$inferInsert): Promise<void> {
  await tx.insert(complaintEvents).values(values);
}

export const eventsOf = (tx: DbOrTx, caseId: string) =>
  tx.select().from(complaintEvents).where(eq(complaintEvents.caseId, caseId)).orderBy(asc(complaintEvents.at));

export async function listCases(
  tx: DbOrTx,
  filter: { locationIds: string[]; status: 'open' | 'all'; overdueAt: Date | null; responsibleId: string | null },
  limit: number,
) {
  const conditions = [inArray(complaintCases.locationId, filter.locationIds)];
  if (filter.status === 'open') conditions.push(sql`${complaintCases.status} <> 'closed'`);
  const nextDue = sql<Date | null>`(SELECT min(s.due_at) FROM complaint_steps s WHERE s.case_id = ${complaintCases.id} AND s.status = 'open')`;
  if (filter.overdueAt) {
    conditions.push(
      sql`EXISTS (SELECT 1 FROM complaint_steps s WHERE s.case_id = ${complaintCases.id} AND s.status = 'open'
                   AND s.due_at < ${filter.overdueAt.toISOString()}::timestamptz)`,
    );
  }
  if (filter.responsibleId) {
    conditions.push(
      sql`EXISTS (SELECT 1 FROM complaint_steps s WHERE s.case_id = ${complaintCases.id} AND s.status = 'open'
                   AND s.responsible_id = ${filter.responsibleId})`,
    );
  }
  return tx
    .select({ row: complaintCases, nextDueAt: nextDue })
    .from(complaintCases)
    .where(and(...conditions))
    .orderBy(desc(complaintCases.openedAt))
    .limit(limit);
}
