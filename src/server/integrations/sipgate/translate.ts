import type { CallEvent } from '@server/modules/telephony';
import { sipgateParty } from './numbers';
import type { SipgatePush } from './parse';

export interface SipgateContext {
  connectionId: string;
  at: Date;
  payload: Record<string, unknown>;
}

const unique = (values: Array<string | undefined>) => [...new Set(values.filter((v): v is string => !!v))];

/**
 * sipgate's answer for a call its voicemail took. Nobody spoke to the caller,
 * so it is not an answer: the call stays unanswered and counts as missed.
 */
const VOICEMAIL = 'voicemail';

/**
 * Turns one push into the call event it means, or null when it means none.
 * Event keys are built from what sipgate repeats identically on a retry, so a
 * second delivery of the same push is recognised by the sink.
 */
export function translateSipgate(push: SipgatePush, ctx: SipgateContext): CallEvent | null {
  const base = { provider: 'sipgate' as const, connectionId: ctx.connectionId, callId: push.callId, at: ctx.at };
  const direction = push.direction === 'in' ? 'inbound' : push.direction === 'out' ? 'outbound' : undefined;
  const from = sipgateParty(push.from);
  const to = sipgateParty(push.to);

  switch (push.event) {
    case 'newCall': {
      // origCallId equals callId on an ordinary call; a transfer starts a new call pointing to the original.
      const parentCallId = push.origCallId && push.origCallId !== push.callId ? push.origCallId : null;
      return {
        ...base,
        eventKey: `newCall:${push.callId}`,
        kind: push.direction === 'in' ? 'ringing' : 'originated',
        parentCallId,
        direction,
        from,
        to,
        dialled: push.direction === 'in' ? (to?.e164 ?? null) : null,
        extensions: unique([...push.userIds, ...push.users]),
        payload: ctx.payload,
      };
    }
    case 'answer': {
      if (push.user === VOICEMAIL) return null;
      const answeredBy = push.userId ?? push.user ?? push.answeringNumber ?? null;
      return {
        ...base,
        eventKey: `answer:${push.callId}:${push.fullUserId ?? answeredBy ?? ''}`,
        kind: 'answered',
        direction,
        from,
        to,
        extensions: unique([push.userId, push.user]),
        answeredBy,
        payload: ctx.payload,
      };
    }
    case 'hangup':
      return {
        ...base,
        eventKey: `hangup:${push.callId}`,
        // "forwarded": the call was handed on; its continuation arrives as a newCall with this origCallId.
        kind: push.cause === 'forwarded' ? 'transferred' : 'ended',
        direction,
        from,
        to,
        cause: push.cause ?? null,
        payload: ctx.payload,
      };
  }
}
