import type { Tx } from '@server/db/client';
import * as repo from '../repo';
import { isTerminal } from '../state';
import { syncCallTimeline } from '../timeline';

export interface MissedCalls {
  schedule(tx: Tx, call: repo.CallRow): Promise<void>;
  cancel(tx: Tx, callId: string): Promise<void>;
}

/** What applying an event may set off besides the call's row. */
export interface SinkEffects {
  emitCall(tx: Tx, call: repo.CallRow, userIds: string[], displayName: string | null): Promise<void>;
  missed: MissedCalls;
}

/**
 * After the call changed: the pops of everyone on it when its state moved (else
 * only of those new to it), its timeline entry once it is over, and its
 * missed-call follow-up started or called off.
 */
export async function followUpCall(
  tx: Tx,
  effects: SinkEffects,
  change: {
    before: repo.CallRow;
    call: repo.CallRow;
    created: boolean;
    newUserIds: string[];
    parentRow: repo.CallRow | undefined;
    contactName: string | null;
  },
): Promise<void> {
  const { before, call, created, parentRow } = change;
  const stateChanged = created || call.state !== before.state;
  const audience = stateChanged ? call.userIds : change.newUserIds;
  if (audience.length > 0) await effects.emitCall(tx, call, audience, change.contactName);
  if (isTerminal(call.state) && (stateChanged || call.contactId !== before.contactId)) {
    await syncCallTimeline(tx, call);
  }
  if (call.state === 'missed' && (created || before.state !== 'missed')) {
    // Put through by a colleague who had spoken to the caller: not a missed customer.
    const from = call.parentCallId ? (parentRow ?? (await repo.findCall(tx, call.parentCallId))) : undefined;
    if (!from?.answeredAt) await effects.missed.schedule(tx, call);
  } else if (before.state === 'missed' && call.state !== 'missed') {
    await effects.missed.cancel(tx, call.id);
  }
}
