import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@server/db/client';
import { complaintCases } from './tables';

/** A merged contact's complaints follow it to the contact that stays. */
export async function moveComplaintsContactIn(tx: DbOrTx, sourceId: string, targetId: string): Promise<void> {
  await tx.update(complaintCases).set({ contactId: targetId }).where(eq(complaintCases.contactId, sourceId));
}
