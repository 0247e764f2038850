import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '@server/db/client';
import { contactEmails } from './tables';

/**
 * A mail to this address came back undeliverable: every contact holding it learns so
 * (the address stays, marked; a later bounce keeps the first date). Returns the contacts it marked.
 */
export async function markEmailBouncedIn(
  tx: DbOrTx,
  address: string,
  at: Date,
  reason: string | null,
): Promise<string[]> {
  const rows = await tx
    .update(contactEmails)
    .set({ bouncedAt: at, bounceReason: reason ? reason.slice(0, 500) : null })
    .where(and(eq(contactEmails.address, address.trim().toLowerCase()), isNull(contactEmails.bouncedAt)))
    .returning({ contactId: contactEmails.contactId });
  return [...new Set(rows.map((r) => r.contactId))];
}

/** Whether a mail to this address bounced, and when (null: it never did, or nobody holds it). */
export async function emailBouncedAt(db: DbOrTx, address: string): Promise<Date | null> {
  const [row] = await db
    .select({ at: contactEmails.bouncedAt })
    .from(contactEmails)
    .where(eq(contactEmails.address, address.trim().toLowerCase()))
    .limit(1);
  return row?.at ?? null;
}
