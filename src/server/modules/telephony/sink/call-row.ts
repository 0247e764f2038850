import type { Tx } from '@server/db/client';
import type { CallEvent } from '../ports';
import * as repo from '../repo';
import { advance, begin, type CallProgress } from '../state';
import type { PreparedEvent } from './prepare';

/** A call's progress as the state machine sees it. */
export const progressOf = (call: repo.CallRow): CallProgress => ({
  direction: call.direction,
  state: call.state,
  startedAt: call.startedAt,
  answeredAt: call.answeredAt,
  endedAt: call.endedAt,
  durationSeconds: call.durationSeconds,
});

/**
 * The event's call under its row lock, created by its first event. The line's
 * location comes from the tracking number dialled, the call it continues, or the connection.
 */
export async function lockCall(
  tx: Tx,
  event: CallEvent,
  pre: PreparedEvent,
  parentRow: repo.CallRow | undefined,
): Promise<{ current: repo.CallRow; created: boolean }> {
  const current = await repo.findCallByKey(tx, pre.key, true);
  if (current) return { current, created: false };
  const progress = begin(pre.direction, event.kind, event.at);
  const { row, created } = await repo.insertCall(
    tx,
    {
      connectionId: event.connectionId,
      provider: event.provider,
      externalId: event.callId,
      direction: pre.direction,
      state: progress.state,
      startedAt: progress.startedAt,
      locationId: pre.tracking?.locationId ?? parentRow?.locationId ?? pre.connection?.locationId ?? null,
    },
    pre.key,
  );
  return { current: row, created };
}

/** Where the event moves the call: a new call begins with it, a known one advances (see state.ts, per kind). */
export const nextProgress = (
  current: repo.CallRow,
  created: boolean,
  direction: PreparedEvent['direction'],
  event: CallEvent,
) => (created ? begin(direction, event.kind, event.at) : advance(progressOf(current), event.kind, event.at));
