import type { Tx } from '@server/db/client';
import type { CallEvent } from '../ports';
import * as repo from '../repo';
import { advance, isTerminal } from '../state';
import { syncCallTimeline } from '../timeline';
import { progressOf } from './call-row';
import type { SinkEffects } from './effects';

/** The transfer continues the same conversation: same customer, same line, same source. */
export function continuationPatch(
  current: repo.CallRow,
  patch: Partial<repo.NewCallRow>,
  parent: repo.CallRow,
): Partial<repo.NewCallRow> {
  return {
    parentCallId: parent.id,
    direction: parent.direction,
    contactId: current.contactId ?? parent.contactId,
    matchedContactIds: current.matchedContactIds.length ? current.matchedContactIds : parent.matchedContactIds,
    fromNumber: patch.fromNumber ?? parent.fromNumber,
    fromRaw: patch.fromRaw ?? parent.fromRaw,
    toNumber: patch.toNumber ?? parent.toNumber,
    toRaw: patch.toRaw ?? parent.toRaw,
    dialledNumber: patch.dialledNumber ?? parent.dialledNumber,
    trackingNumberId: current.trackingNumberId ?? parent.trackingNumberId,
    source: current.source ?? parent.source,
    campaign: current.campaign ?? parent.campaign,
  };
}

/**
 * The call that was put through ends as transferred, unless it has ended already:
 * its pops go, its history shows it, and a ringing one is no missed call.
 */
export async function handOverParent(
  tx: Tx,
  effects: SinkEffects,
  parent: repo.CallRow,
  event: CallEvent,
  contactName: string | null,
  now: Date,
): Promise<void> {
  if (isTerminal(parent.state)) return;
  const handedOver = advance(progressOf(parent), 'transferred', event.at);
  const updated = await repo.updateCall(tx, parent.id, handedOver, now);
  await effects.emitCall(tx, updated, updated.userIds, contactName);
  await syncCallTimeline(tx, updated);
  if (parent.state === 'ringing') await effects.missed.cancel(tx, parent.id);
}
