import { eq, inArray, sql } from 'drizzle-orm';
import type { OutboxStatus } from './tables';
import type { DbOrTx } from '@server/db/client';
import { outboxEmails } from './tables';

export type OutboxRow = typeof outboxEmails.$inferSelect;
export type NewOutboxRow = typeof outboxEmails.$inferInsert;

/** The insert, not yet run, for a write batch. */
export const emailInsert = (db: DbOrTx, values: NewOutboxRow) => db.insert(outboxEmails).values(values);

export async function findEmail(db: DbOrTx, id: string): Promise<OutboxRow | undefined> {
  const [row] = await db.select().from(outboxEmails).where(eq(outboxEmails.id, id));
  return row;
}

export async function markSent(db: DbOrTx, id: string, messageId: string, now: Date): Promise<void> {
  await db
    .update(outboxEmails)
    .set({
      status: 'sent',
      sentAt: now,
      messageId,
      attempts: sql`${outboxEmails.attempts} + 1`,
      lastError: null,
      nextAttemptAt: null,
    })
    .where(eq(outboxEmails.id, id));
}

/** Records a failed delivery; the mail stays pending until retryAt, or is failed when there is none. */
export async function markAttemptFailed(db: DbOrTx, id: string, error: string, retryAt: Date | null): Promise<void> {
  await db
    .update(outboxEmails)
    .set({
      status: retryAt ? 'pending' : 'failed',
      attempts: sql`${outboxEmails.attempts} + 1`,
      lastError: error.slice(0, 2000),
      nextAttemptAt: retryAt,
    })
    .where(eq(outboxEmails.id, id));
}

export async function markHeld(db: DbOrTx, id: string): Promise<void> {
  await db.update(outboxEmails).set({ status: 'held', nextAttemptAt: null }).where(eq(outboxEmails.id, id));
}

/** Turns held mails back to pending; returns their ids. */
export async function releaseHeld(tx: DbOrTx, now: Date): Promise<string[]> {
  const rows = await tx
    .update(outboxEmails)
    .set({ status: 'pending', nextAttemptAt: now })
    .where(eq(outboxEmails.status, 'held'))
    .returning({ id: outboxEmails.id });
  return rows.map((r) => r.id);
}

export async function statusesOf(
  db: DbOrTx,
  ids: string[],
): Promise<Map<string, { status: OutboxStatus; lastError: string | null; sentAt: Date | null }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: outboxEmails.id,
      status: outboxEmails.status,
      lastError: outboxEmails.lastError,
      sentAt: outboxEmails.sentAt,
    })
    .from(outboxEmails)
    .where(inArray(outboxEmails.id, ids));
  return new Map(rows.map((r) => [r.id, { status: r.status, lastError: r.lastError, sentAt: r.sentAt }]));
}

/** Whether a mail to this address was given up on (every delivery attempt refused): the address is invalid. */
export async function deliveryFailedTo(db: DbOrTx, address: string): Promise<boolean> {
  const rows = await db
    .select({ id: outboxEmails.id })
    .from(outboxEmails)
    .where(sql`${outboxEmails.status} = 'failed' AND lower(${address}) = ANY(${outboxEmails.to})`)
    .limit(1);
  return rows.length > 0;
}
