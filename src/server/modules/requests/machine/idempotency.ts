import { isUniqueViolation } from '@server/db/unique-violation';
import type { DbOrTx } from '@server/db/client';
import type { ApiKeyActor } from '@server/http/access';
import { ConflictError } from '@server/http/errors';
import * as repo from '../repo';
import type { Idempotency, StoredAnswer } from './types';

/** Idempotency-Keys are per API key: two senders may use the same key for different leads. */
export const scopeOf = (actor: ApiKeyActor) => `api-key:${actor.apiKeyId}`;

/** Rolls the intake back: its Idempotency-Key was stored by a concurrent call meanwhile. */
export class KeyTaken extends Error {
  constructor() {
    super('Idempotency-Key taken by a concurrent call');
  }
}

/** The stored answer to an earlier call with this key: replayed, or 409 when the body differs. */
export function replay(existing: repo.IntakeKeyRow, hash: string): StoredAnswer {
  if (existing.requestHash !== hash) {
    throw new ConflictError('Idempotency-Key reused with a different request', [
      {
        field: 'Idempotency-Key',
        in: 'headers',
        code: 'idempotency_key_reused',
        message: 'was used before for a different request body',
      },
    ]);
  }
  return { status: existing.responseStatus, body: existing.responseBody, replayed: true };
}

/** The row that stores a call's answer under its key. */
export const keyRow = (
  scope: string,
  idempotency: Idempotency,
  result: { status: number; body: unknown },
  requestId: string | null,
) => ({ scope, key: idempotency.key, requestHash: idempotency.hash, ...result, requestId });

/**
 * When a write failed because a concurrent call with the same key committed
 * first, the answer that call stored; null when the failure has another cause.
 */
export async function concurrentAnswer(
  db: DbOrTx,
  error: unknown,
  scope: string,
  idempotency: Idempotency | null,
): Promise<StoredAnswer | null> {
  if (!idempotency || !(error instanceof KeyTaken || isUniqueViolation(error))) return null;
  const existing = await repo.findIntakeKey(db, scope, idempotency.key);
  return existing ? replay(existing, idempotency.hash) : null;
}
