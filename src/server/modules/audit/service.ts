import type { DbOrTx } from '@server/db/client';
import type { Actor } from '@server/http/access';
import { authorOf } from '@server/http/actor';
import { auditEvents } from './tables';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  data?: Record<string, unknown>;
}

/** Records an administrative action in the caller's transaction. */
export async function recordAudit(tx: DbOrTx, at: Date, actor: Actor | null, entry: AuditEntry): Promise<void> {
  await tx.insert(auditEvents).values({
    at,
    actorUserId: authorOf(actor),
    actorApiKeyId: actor?.kind === 'apiKey' ? actor.apiKeyId : null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    data: entry.data ?? null,
  });
}
