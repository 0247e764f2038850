import { and, asc, desc, eq, inArray, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '@server/db/client';
import { inboundEmails, mailboxes } from './tables';

export type MailboxRow = typeof mailboxes.$inferSelect;
export type MailboxInsert = typeof mailboxes.$inferInsert;
export type InboundRow = typeof inboundEmails.$inferSelect;
export type InboundInsert = typeof inboundEmails.$inferInsert;

export const listMailboxes = (db: DbOrTx) => db.select().from(mailboxes).orderBy(asc(mailboxes.name));

export async function findMailbox(db: DbOrTx, id: string): Promise<MailboxRow | undefined> {
  const [row] = await db.select().from(mailboxes).where(eq(mailboxes.id, id));
  return row;
}

export async function insertMailbox(db: DbOrTx, values: MailboxInsert): Promise<MailboxRow> {
  const [row] = await db.insert(mailboxes).values(values).returning();
  return row!;
}

export async function updateMailbox(
  db: DbOrTx,
  id: string,
  set: Partial<MailboxInsert>,
): Promise<MailboxRow | undefined> {
  const [row] = await db.update(mailboxes).set(set).where(eq(mailboxes.id, id)).returning();
  return row;
}

export async function deleteMailbox(db: DbOrTx, id: string): Promise<void> {
  await db.delete(mailboxes).where(eq(mailboxes.id, id));
}

/**
 * Takes or renews the lease on reading a mailbox: free, expired, or already ours. With several
 * server processes on one database only the holder reads it; a crashed holder's lease runs out.
 */
export async function takeLease(db: DbOrTx, id: string, holder: string, now: Date, until: Date): Promise<boolean> {
  const rows = await db
    .update(mailboxes)
    .set({ leaseHolder: holder, leaseUntil: until })
    .where(
      and(
        eq(mailboxes.id, id),
        or(isNull(mailboxes.leaseHolder), eq(mailboxes.leaseHolder, holder), lt(mailboxes.leaseUntil, now)),
      ),
    )
    .returning({ id: mailboxes.id });
  return rows.length > 0;
}

export async function releaseLease(db: DbOrTx, id: string, holder: string): Promise<void> {
  await db
    .update(mailboxes)
    .set({ leaseHolder: null, leaseUntil: null })
    .where(and(eq(mailboxes.id, id), eq(mailboxes.leaseHolder, holder)));
}

/** The UIDs of this mailbox generation already stored: they are flagged again, not read again. */
export async function storedUids(
  db: DbOrTx,
  mailboxId: string,
  uidValidity: number,
  uids: number[],
): Promise<Set<number>> {
  if (uids.length === 0) return new Set();
  const rows = await db
    .select({ uid: inboundEmails.uid })
    .from(inboundEmails)
    .where(
      and(
        eq(inboundEmails.mailboxId, mailboxId),
        eq(inboundEmails.uidValidity, uidValidity),
        inArray(inboundEmails.uid, uids),
      ),
    );
  return new Set(rows.map((r) => r.uid));
}

/** The request an earlier mail with one of these Message-IDs went to (the newest), from any mailbox. */
export async function requestOfMessageIds(db: DbOrTx, messageIds: string[]): Promise<string | null> {
  if (messageIds.length === 0) return null;
  const [row] = await db
    .select({ requestId: inboundEmails.requestId })
    .from(inboundEmails)
    .where(and(inArray(inboundEmails.messageId, messageIds), isNotNull(inboundEmails.requestId)))
    .orderBy(desc(inboundEmails.receivedAt))
    .limit(1);
  return row?.requestId ?? null;
}

/** The first stored copy of a mail by its Message-ID (the same mail sent to verkauf@ and info@). */
export async function firstWithMessageId(db: DbOrTx, messageId: string): Promise<InboundRow | undefined> {
  const [row] = await db
    .select()
    .from(inboundEmails)
    .where(eq(inboundEmails.messageId, messageId))
    .orderBy(asc(inboundEmails.createdAt))
    .limit(1);
  return row;
}

export async function insertInbound(db: DbOrTx, values: InboundInsert): Promise<InboundRow> {
  const [row] = await db.insert(inboundEmails).values(values).returning();
  return row!;
}

/** Locks out a second writer of the same Message-ID until this transaction ends (no-op without one). */
export async function lockMessageId(tx: DbOrTx, messageId: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`inbound-mail:${messageId}`}, 0))`);
}

const listColumns = {
  id: inboundEmails.id,
  mailboxId: inboundEmails.mailboxId,
  messageId: inboundEmails.messageId,
  inReplyTo: inboundEmails.inReplyTo,
  references: inboundEmails.references,
  fromAddress: inboundEmails.fromAddress,
  fromName: inboundEmails.fromName,
  subject: inboundEmails.subject,
  sentAt: inboundEmails.sentAt,
  text: inboundEmails.text,
  html: inboundEmails.html,
  size: inboundEmails.size,
  requestId: inboundEmails.requestId,
  outcome: inboundEmails.outcome,
  notes: inboundEmails.notes,
  receivedAt: inboundEmails.receivedAt,
};
export type InboundSummary = Pick<InboundRow, keyof typeof listColumns>;

export const inboundOfRequest = (db: DbOrTx, requestId: string): Promise<InboundSummary[]> =>
  db
    .select(listColumns)
    .from(inboundEmails)
    .where(eq(inboundEmails.requestId, requestId))
    .orderBy(asc(inboundEmails.receivedAt), asc(inboundEmails.createdAt));

export async function inboundRaw(
  db: DbOrTx,
  id: string,
): Promise<{ raw: Buffer; requestId: string | null; subject: string | null } | undefined> {
  const [row] = await db
    .select({ raw: inboundEmails.raw, requestId: inboundEmails.requestId, subject: inboundEmails.subject })
    .from(inboundEmails)
    .where(eq(inboundEmails.id, id));
  return row;
}
