import { desc, inArray, isNotNull, and } from 'drizzle-orm';
import type { DbOrTx } from '@server/db/client';
import { customerEmails } from './tables';

/**
 * The request an e-mail sent from the CRM belongs to, found by its Message-ID: a customer's
 * reply names it in In-Reply-To or References. The newest such mail wins.
 */
export async function requestIdForMessageIds(db: DbOrTx, messageIds: string[]): Promise<string | null> {
  if (messageIds.length === 0) return null;
  const [row] = await db
    .select({ requestId: customerEmails.requestId })
    .from(customerEmails)
    .where(and(inArray(customerEmails.messageId, messageIds), isNotNull(customerEmails.requestId)))
    .orderBy(desc(customerEmails.createdAt))
    .limit(1);
  return row?.requestId ?? null;
}
