import { and, asc, eq, gte, inArray, lte, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '@server/db/client';
import { absences, assignmentRules } from './tables';

export type RuleRow = typeof assignmentRules.$inferSelect;
export type RuleValues = Omit<typeof assignmentRules.$inferInsert, 'id' | 'position' | 'createdAt' | 'updatedAt'>;
export type AbsenceRow = typeof absences.$inferSelect;

// ── rules ────────────────────────────────────────────────────────────────

export function listRules(db: DbOrTx, options: { activeOnly?: boolean } = {}): Promise<RuleRow[]> {
  return db
    .select()
    .from(assignmentRules)
    .where(options.activeOnly ? eq(assignmentRules.active, true) : undefined)
    .orderBy(asc(assignmentRules.position), asc(assignmentRules.createdAt));
}

export async function findRule(db: DbOrTx, id: string): Promise<RuleRow | undefined> {
  const [row] = await db.select().from(assignmentRules).where(eq(assignmentRules.id, id));
  return row;
}

export async function insertRule(db: DbOrTx, values: RuleValues, now: Date): Promise<string> {
  // New rules go last: the order is what managers arranged, a new one must not jump ahead.
  const [row] = await db
    .insert(assignmentRules)
    .values({
      ...values,
      position: sql`(SELECT coalesce(max(${assignmentRules.position}), 0) + 1 FROM ${assignmentRules})`,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: assignmentRules.id });
  return row!.id;
}

export async function updateRule(db: DbOrTx, id: string, values: Partial<RuleValues>, now: Date): Promise<void> {
  await db
    .update(assignmentRules)
    .set({ ...values, updatedAt: now })
    .where(eq(assignmentRules.id, id));
}

/**
 * Moves the round-robin pointer to the next present member after the last
 * one, in one statement: concurrent intakes queue on the row only for this
 * statement (outside a transaction) and each sees the pointer the one before
 * it left. Null when none of the present people is in the group.
 */
export async function advanceRoundRobin(db: DbOrTx, id: string, presentIds: string[]): Promise<string | null> {
  if (presentIds.length === 0) return null;
  const present = sql`ARRAY[${sql.join(
    presentIds.map((p) => sql`${p}`),
    sql`, `,
  )}]::uuid[]`;
  const result = (await db.execute(sql`
    UPDATE assignment_rules r
       SET last_assigned_user_id = coalesce((
             SELECT g.uid
               FROM unnest(r.group_user_ids) WITH ORDINALITY AS g(uid, ord)
              WHERE g.uid = ANY(${present})
              ORDER BY (g.ord - coalesce(array_position(r.group_user_ids, r.last_assigned_user_id), 0) - 1
                        + cardinality(r.group_user_ids)) % cardinality(r.group_user_ids)
              LIMIT 1), r.last_assigned_user_id)
     WHERE r.id = ${id}
     RETURNING r.last_assigned_user_id AS chosen,
               r.last_assigned_user_id = ANY(${present}) AS present`)) as unknown as {
    rows: Array<{ chosen: string | null; present: boolean | null }>;
  };
  const [row] = result.rows;
  return row?.present ? row.chosen : null;
}

export async function deleteRule(db: DbOrTx, id: string): Promise<boolean> {
  const rows = await db.delete(assignmentRules).where(eq(assignmentRules.id, id)).returning({ id: assignmentRules.id });
  return rows.length > 0;
}

export async function setPositions(db: DbOrTx, ids: string[], now: Date): Promise<void> {
  for (const [index, id] of ids.entries()) {
    await db
      .update(assignmentRules)
      .set({ position: index + 1, updatedAt: now })
      .where(eq(assignmentRules.id, id));
  }
}

// ── absences ─────────────────────────────────────────────────────────────

export async function findAbsence(db: DbOrTx, id: string): Promise<AbsenceRow | undefined> {
  const [row] = await db.select().from(absences).where(eq(absences.id, id));
  return row;
}

export function listAbsences(
  db: DbOrTx,
  query: { userId?: string; from?: string; to?: string },
): Promise<AbsenceRow[]> {
  return db
    .select()
    .from(absences)
    .where(
      and(
        query.userId ? eq(absences.userId, query.userId) : undefined,
        query.from ? gte(absences.endsOn, query.from) : undefined,
        query.to ? lte(absences.startsOn, query.to) : undefined,
      ),
    )
    .orderBy(asc(absences.startsOn), asc(absences.userId))
    .limit(1000);
}

/** Another absence of the same person that shares at least one day with [startsOn, endsOn]. */
/**
 * Serialises changes to one person's absences until the transaction ends (a
 * transaction-scoped advisory lock keyed by the user), so the overlap check
 * and the insert cannot interleave with another's.
 */
export async function lockAbsencesOf(tx: DbOrTx, userId: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`absences:${userId}`}, 0))`);
}

export async function findOverlap(
  db: DbOrTx,
  userId: string,
  startsOn: string,
  endsOn: string,
  exceptId?: string,
): Promise<AbsenceRow | undefined> {
  const [row] = await db
    .select()
    .from(absences)
    .where(
      and(
        eq(absences.userId, userId),
        lte(absences.startsOn, endsOn),
        gte(absences.endsOn, startsOn),
        exceptId ? ne(absences.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  return row;
}

/** The absences covering the date, of the given people (at most one each: they never overlap). */
export async function absencesOn(db: DbOrTx, userIds: string[], date: string): Promise<Map<string, AbsenceRow>> {
  const map = new Map<string, AbsenceRow>();
  if (userIds.length === 0) return map;
  const rows = await db
    .select()
    .from(absences)
    .where(and(inArray(absences.userId, userIds), lte(absences.startsOn, date), gte(absences.endsOn, date)));
  for (const row of rows) map.set(row.userId, row);
  return map;
}

export async function insertAbsence(db: DbOrTx, values: typeof absences.$inferInsert): Promise<string> {
  const [row] = await db.insert(absences).values(values).returning({ id: absences.id });
  return row!.id;
}

export async function updateAbsence(db: DbOrTx, id: string, values: Partial<typeof absences.$inferInsert>) {
  await db.update(absences).set(values).where(eq(absences.id, id));
}

export async function deleteAbsence(db: DbOrTx, id: string): Promise<void> {
  await db.delete(absences).where(eq(absences.id, id));
}
