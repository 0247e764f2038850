import type { DbOrTx } from '@server/db/client';
import type { ApiKeyActor } from '@server/http/access';
import type { IntakeInput } from '../intake';
import * as repo from '../repo';
import { sameContentSince } from '../same-content';

/**
 * The duplicate check: the request a lead was taken in as before, by the sender's id
 * for it, or (for a lead without one) by the same content within SAME_CONTENT_WINDOW_MS.
 */
export async function knownLead(db: DbOrTx, input: IntakeInput, now: Date): Promise<repo.RequestRow | undefined> {
  const { externalSource, externalId, contentHash } = input;
  if (externalSource && externalId) return repo.findByExternal(db, externalSource, externalId);
  if (contentHash) return repo.findSameContent(db, contentHash, sameContentSince(now));
  return undefined;
}

/** A resend is not taken in again; the request it repeats records that it came. */
export async function recordDuplicate(
  tx: DbOrTx,
  known: repo.RequestRow,
  actor: ApiKeyActor,
  input: IntakeInput,
  now: Date,
): Promise<void> {
  const { externalId } = input;
  await repo.insertEvents(tx, [
    {
      requestId: known.id,
      at: now,
      actorId: null,
      kind: 'duplicate_received',
      data: { apiKeyId: actor.apiKeyId, externalId, sameContent: !externalId },
    },
  ]);
}
