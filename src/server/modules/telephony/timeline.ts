import { formatPhone } from '@shared/contacts/normalize';
import type { DbOrTx } from '@server/db/client';
import { syncSourcedTimeline } from '@server/modules/timeline';
import type { CallRow } from './repo';
import { timelineText, type TimelineTexts } from '@shared/texts/timeline';
import { isTerminal } from './state';

function callVariant(call: CallRow): TimelineTexts['timeline.call']['variant'] {
  switch (call.state) {
    case 'missed':
      return 'missed';
    case 'transferred':
      return 'transferred';
    default:
      if (call.direction === 'outbound') return call.answeredAt ? 'outbound' : 'notReached';
      return call.direction === 'internal' ? 'internal' : 'inbound';
  }
}

/** The call's line for the contact's history: a text key with its German summary. */
export function callText(call: CallRow) {
  const number = call.direction === 'outbound' ? call.toNumber : call.fromNumber;
  return timelineText('timeline.call', {
    variant: callVariant(call),
    direction: call.direction,
    number: number ? formatPhone(number, number) : null,
    durationSeconds: call.durationSeconds,
  });
}

/** One line for the contact's history, in German like the stored summaries. */
export function callSummary(call: CallRow): string {
  return callText(call).summary;
}

/**
 * The call's entry on its contact's timeline: written once the call is over
 * (or a contact is chosen, or the note saved afterwards) and updated in place
 * from then on, so a call never shows twice. Call inside the transaction that
 * changed the call, with the call row locked.
 */
export async function syncCallTimeline(tx: DbOrTx, call: CallRow): Promise<void> {
  if (!call.contactId || !isTerminal(call.state)) return;
  const entry = {
    contactId: call.contactId,
    kind: 'call' as const,
    occurredAt: call.startedAt,
    authorId: call.noteAuthorId ?? call.answeredByUserId ?? call.userIds[0] ?? null,
    ...callText(call),
    body: call.note,
    data: {
      callId: call.id,
      direction: call.direction,
      state: call.state,
      durationSeconds: call.durationSeconds,
      number: call.direction === 'outbound' ? call.toNumber : call.fromNumber,
      source: call.source,
      requestId: call.requestId,
    },
  };
  await syncSourcedTimeline(tx, { type: 'call', id: call.id }, entry);
}
