import { formatPhone } from '../../../shared/contacts/normalize';
import type { DbOrTx } from '../../db/client';
import { syncSourcedTimeline } from '@server/modules/timeline';
import type { CallRow } from './repo';
import { isTerminal } from './state';

const duration = (seconds: number | null) => {
  if (!seconds) return '';
  const m = Math.floor(seconds / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return ` (${m}:${s} min)`;
};

/** One line for the contact's history, in German like the rest of the timeline. */
export function callSummary(call: CallRow): string {
  const number = call.direction === 'outbound' ? call.toNumber : call.fromNumber;
  const via = number ? ` ${call.direction === 'outbound' ? 'an' : 'von'} ${formatPhone(number, number)}` : '';
  switch (call.state) {
    case 'missed':
      return `Verpasster Anruf${via}`;
    case 'transferred':
      return `Anruf${via} weitergeleitet${duration(call.durationSeconds)}`;
    default:
      if (call.direction === 'outbound')
        return call.answeredAt
          ? `Ausgehender Anruf${via}${duration(call.durationSeconds)}`
          : `Anruf${via}: nicht erreicht`;
      if (call.direction === 'internal') return `Interner Anruf${duration(call.durationSeconds)}`;
      return `Eingehender Anruf${via}${duration(call.durationSeconds)}`;
  }
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
    summary: callSummary(call),
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
