import type { DbOrTx } from '../../db/client';
import type { Actor } from '../../http/access';
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
    actorUserId: actor?.kind === 'user' ? actor.userId : null,
    actorApiKeyId: actor?.kind === 'apiKey' ? actor.apiKeyId : null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    data: entry.data ?? null,
  });
}
