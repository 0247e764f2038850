import { and, count, desc, eq, gt, isNull } from 'drizzle-orm';
import type { DbOrTx } from '@server/db/client';
import { surveyInvitations, surveyQuestionnaires, surveyResponses } from './tables';

export type QuestionnaireRow = typeof surveyQuestionnaires.$inferSelect;
export type InvitationRow = typeof surveyInvitations.$inferSelect;
export type ResponseRow = typeof surveyResponses.$inferSelect;

export async function latestQuestionnaire(db: DbOrTx): Promise<QuestionnaireRow | null> {
  const [row] = await db.select().from(surveyQuestionnaires).orderBy(desc(surveyQuestionnaires.version)).limit(1);
  return row ?? null;
}

export async function questionnaireById(db: DbOrTx, id: string): Promise<QuestionnaireRow | null> {
  const [row] = await db.select().from(surveyQuestionnaires).where(eq(surveyQuestionnaires.id, id));
  return row ?? null;
}

/** Writes a version; null when another writer took that version number first. */
export async function insertQuestionnaire(
  db: DbOrTx,
  row: typeof surveyQuestionnaires.$inferInsert,
): Promise<QuestionnaireRow | null> {
  const [inserted] = await db.insert(surveyQuestionnaires).values(row).onConflictDoNothing().returning();
  return inserted ?? null;
}

export async function answersTo(db: DbOrTx, questionnaireId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(surveyResponses)
    .where(eq(surveyResponses.questionnaireId, questionnaireId));
  return Number(row?.n ?? 0);
}

export async function insertInvitation(db: DbOrTx, row: typeof surveyInvitations.$inferInsert): Promise<void> {
  await db.insert(surveyInvitations).values(row);
}

export async function invitationByHash(db: DbOrTx, tokenHash: string): Promise<InvitationRow | null> {
  const [row] = await db.select().from(surveyInvitations).where(eq(surveyInvitations.tokenHash, tokenHash));
  return row ?? null;
}

/**
 * Marks the link used, in the answer's transaction: only one of two answers sent at once gets the
 * row back, the other finds it used (the row lock decides, not a read before).
 */
export async function claimInvitation(db: DbOrTx, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(surveyInvitations)
    .set({ answeredAt: now })
    .where(
      and(eq(surveyInvitations.id, id), isNull(surveyInvitations.answeredAt), gt(surveyInvitations.expiresAt, now)),
    )
    .returning({ id: surveyInvitations.id });
  return rows.length === 1;
}

export async function insertResponse(db: DbOrTx, row: typeof surveyResponses.$inferInsert): Promise<ResponseRow> {
  const [inserted] = await db.insert(surveyResponses).values(row).returning();
  return inserted!;
}

export async function responsesOfContact(db: DbOrTx, contactId: string): Promise<ResponseRow[]> {
  return db
    .select()
    .from(surveyResponses)
    .where(eq(surveyResponses.contactId, contactId))
    .orderBy(desc(surveyResponses.createdAt))
    .limit(100);
}

export async function questionnairesByIds(db: DbOrTx, ids: string[]): Promise<Map<string, QuestionnaireRow>> {
  const unique = [...new Set(ids)];
  const rows = await Promise.all(unique.map((id) => questionnaireById(db, id)));
  return new Map(rows.filter((r): r is QuestionnaireRow => r !== null).map((r) => [r.id, r]));
}

/** A merged contact's invitations and answers belong to the contact it was merged into. */
export async function moveContact(db: DbOrTx, sourceId: string, targetId: string): Promise<void> {
  await db.update(surveyInvitations).set({ contactId: targetId }).where(eq(surveyInvitations.contactId, sourceId));
  await db.update(surveyResponses).set({ contactId: targetId }).where(eq(surveyResponses.contactId, sourceId));
}
