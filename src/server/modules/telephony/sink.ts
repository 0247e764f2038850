import type { CallLiveEvent } from '@shared/telephony/schemas';
import type { Deps } from '@server/deps';
import type { Tx } from '@server/db/client';
import type { NotificationsService } from '@server/modules/notifications';
import type { CallEvent, CallEventResult, CallEventSink } from './ports';
import * as repo from './repo';
import { lockCall, nextProgress } from './sink/call-row';
import { followUpCall, type MissedCalls, type SinkEffects } from './sink/effects';
import { logEvent } from './sink/event-log';
import { customerNumberOf } from './sink/numbers';
import { eventPatch } from './sink/patch';
import { prepareEvent } from './sink/prepare';
import { continuationPatch, handOverParent } from './sink/transfer';

export type { MissedCalls } from './sink/effects';
export { customerNumberOf } from './sink/numbers';

/** The live `call` event for the users' open pops. */
export function liveEvent(call: repo.CallRow, displayName: string | null, receivedAt: Date): CallLiveEvent {
  return {
    callId: call.id,
    state: call.state,
    direction: call.direction,
    number: customerNumberOf(call) ?? (call.direction === 'outbound' ? call.toRaw : call.fromRaw),
    displayName,
    candidateCount: call.contactId ? 1 : call.matchedContactIds.length,
    receivedAt: receivedAt.toISOString(),
  };
}

/**
 * The call service's intake: every adapter delivers its translated events
 * here. One transaction per event stores the event (a repeat changes
 * nothing), moves the call along its states, records who was involved, and
 * tells the users at the ringing extensions at once.
 */
export function createCallSink(
  ctx: Deps,
  notifications: NotificationsService,
  missed: MissedCalls,
): CallEventSink & {
  emitCall(tx: Tx, call: repo.CallRow, userIds: string[], displayName: string | null): Promise<void>;
} {
  const { db, clock } = ctx;

  async function emitCall(tx: Tx, call: repo.CallRow, userIds: string[], displayName: string | null) {
    const data = liveEvent(call, displayName, clock.now());
    for (const userId of userIds) await notifications.emit(tx, userId, 'call', data);
  }
  const effects: SinkEffects = { emitCall, missed };

  /** Applies one event to its call, in the order the steps depend on each other. */
  async function apply(tx: Tx, event: CallEvent, pre: Awaited<ReturnType<typeof prepareEvent>>, eventId: string) {
    const now = clock.now();
    const parentRow = pre.parent ? await repo.findCall(tx, pre.parent.id, true) : undefined;
    const { current, created } = await lockCall(tx, event, pre, parentRow);
    const progress = nextProgress(current, created, pre.direction, event);
    const newUserIds = [...pre.users.values()].filter((id) => !current.userIds.includes(id));
    const patch = eventPatch(current, event, pre, progress, newUserIds);
    if (parentRow && !current.parentCallId) {
      Object.assign(patch, continuationPatch(current, patch, parentRow));
      await handOverParent(tx, effects, parentRow, event, pre.contactName, now);
    }

    const call = await repo.updateCall(tx, current.id, patch, now);
    await repo.setEventCall(tx, eventId, call.id);
    await followUpCall(tx, effects, {
      before: current,
      call,
      created,
      newUserIds,
      parentRow,
      contactName: pre.contactName,
    });
    return { callId: call.id, applied: true };
  }

  async function handle(event: CallEvent): Promise<CallEventResult> {
    const receivedAt = clock.now();
    const pre = await prepareEvent(ctx, event);
    return db.transaction(async (tx) => {
      const logged = await logEvent(tx, event, receivedAt, pre.existing?.id);
      if ('repeated' in logged) return logged.repeated;
      return apply(tx, event, pre, logged.eventId);
    });
  }

  return { handle, emitCall };
}
