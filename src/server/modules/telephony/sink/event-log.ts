import type { Tx } from '@server/db/client';
import type { CallEvent, CallEventResult } from '../ports';
import * as repo from '../repo';

/**
 * Stores the event in the call's event log. A repeated delivery is not stored
 * again: then the answer is the one the first delivery got, and nothing else happens.
 */
export async function logEvent(
  tx: Tx,
  event: CallEvent,
  receivedAt: Date,
  existingCallId: string | undefined,
): Promise<{ eventId: string } | { repeated: CallEventResult }> {
  const eventId = await repo.insertEvent(tx, {
    connectionId: event.connectionId,
    provider: event.provider,
    eventKey: event.eventKey,
    kind: event.kind,
    at: event.at,
    payload: event.payload ?? null,
    receivedAt,
  });
  if (eventId) return { eventId };
  const callId = await repo.findEventCall(tx, event.provider, event.connectionId, event.eventKey);
  return { repeated: { callId: callId ?? existingCallId ?? '', applied: false } };
}
