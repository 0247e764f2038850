import { and, desc, eq, gte, inArray, isNull, lt, or, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@server/db/client';
import { customerMessages, messageBlockPolicies } from './tables';

export type MessageRow = typeof customerMessages.$inferSelect;
export type NewMessageRow = typeof customerMessages.$inferInsert;
export type PolicyRow = typeof messageBlockPolicies.$inferSelect;

export async function insertMessage(tx: DbOrTx, row: NewMessageRow): Promise<MessageRow> {
  const [created] = await tx.insert(customerMessages).values(row).returning();
  return created!;
}

export async function findMessage(db: DbOrTx, id: string, forUpdate = false): Promise<MessageRow | undefined> {
  const query = db.select().from(customerMessages).where(eq(customerMessages.id, id));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

export async function updateMessage(tx: DbOrTx, id: string, values: Partial<NewMessageRow>): Promise<MessageRow> {
  const [row] = await tx.update(customerMessages).set(values).where(eq(customerMessages.id, id)).returning();
  return row!;
}

/** Keyset position: newest first, id breaking ties. */
export interface Position {
  createdAt: Date;
  id: string;
}

const after = (p: Position | null): SQL | undefined =>
  p
    ? or(
        lt(customerMessages.createdAt, p.createdAt),
        and(eq(customerMessages.createdAt, p.createdAt), lt(customerMessages.id, p.id)),
      )
    : undefined;

/** One responsible's messages not archived, newest first; served by customer_messages_inbox_idx. */
export function inboxPage(
  db: DbOrTx,
  userId: string,
  opts: { acknowledged: boolean; after: Position | null; limit: number },
) {
  return db
    .select()
    .from(customerMessages)
    .where(
      and(
        eq(customerMessages.responsibleId, userId),
        eq(customerMessages.archived, false),
        opts.acknowledged ? undefined : isNull(customerMessages.acknowledgedAt),
        after(opts.after),
      ),
    )
    .orderBy(desc(customerMessages.createdAt), desc(customerMessages.id))
    .limit(opts.limit);
}

export interface ListFilter {
  locationIds: string[] | null;
  type?: string;
  responsibleId?: string;
  contactId?: string;
  from?: Date;
  to?: Date;
  archived: boolean | null;
}

export function listPage(db: DbOrTx, f: ListFilter, position: Position | null, limit: number) {
  return db
    .select()
    .from(customerMessages)
    .where(
      and(
        f.locationIds ? inArray(customerMessages.locationId, f.locationIds) : undefined,
        f.type ? eq(customerMessages.type, f.type) : undefined,
        f.responsibleId ? eq(customerMessages.responsibleId, f.responsibleId) : undefined,
        f.contactId ? eq(customerMessages.contactId, f.contactId) : undefined,
        f.from ? gte(customerMessages.createdAt, f.from) : undefined,
        f.to ? lt(customerMessages.createdAt, f.to) : undefined,
        f.archived === null ? undefined : eq(customerMessages.archived, f.archived),
        after(position),
      ),
    )
    .orderBy(desc(customerMessages.createdAt), desc(customerMessages.id))
    .limit(limit);
}

export async function findPolicy(db: DbOrTx, locationId: string): Promise<PolicyRow | undefined> {
  const [row] = await db.select().from(messageBlockPolicies).where(eq(messageBlockPolicies.locationId, locationId));
  return row;
}

export async function savePolicy(tx: DbOrTx, row: typeof messageBlockPolicies.$inferInsert): Promise<void> {
  await tx
    .insert(messageBlockPolicies)
    .values(row)
    .onConflictDoUpdate({
      target: messageBlockPolicies.locationId,
      set: {
        blockRoles: row.blockRoles,
        unblockRoles: row.unblockRoles,
        updatedById: row.updatedById,
        updatedAt: row.updatedAt,
      },
    });
}

/** Merging two customers: the messages of the one dropped belong to the record kept. */
export async function moveContact(db: DbOrTx, fromId: string, toId: string): Promise<void> {
  await db.update(customerMessages).set({ contactId: toId }).where(eq(customerMessages.contactId, fromId));
}
