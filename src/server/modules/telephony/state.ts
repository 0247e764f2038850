import type { CallDirection, CallEventKind, CallState } from '@shared/telephony/enums';
import { LIVE_CALL_STATES } from '@shared/telephony/enums';

/** The part of a call the state machine decides. */
export interface CallProgress {
  direction: CallDirection;
  state: CallState;
  startedAt: Date;
  answeredAt: Date | null;
  endedAt: Date | null;
  durationSeconds: number | null;
}

export const isLive = (state: CallState) => LIVE_CALL_STATES.includes(state);
const TERMINAL: readonly CallState[] = ['transferred', 'ended', 'missed'];
export const isTerminal = (state: CallState) => TERMINAL.includes(state);

const seconds = (from: Date, to: Date) => Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));

function ended(call: CallProgress, at: Date, state: CallState): CallProgress {
  const endedAt = call.endedAt ?? at;
  return {
    ...call,
    state,
    endedAt,
    durationSeconds: call.answeredAt ? seconds(call.answeredAt, endedAt) : 0,
  };
}

/** What a call that ends (or is handed over) without having been answered becomes. */
const unansweredEnd = (direction: CallDirection): CallState => (direction === 'inbound' ? 'missed' : 'ended');

/**
 * ringing/originated → answered ⇄ on_hold → transferred | ended; an inbound
 * call that ends unanswered is missed. Events may come late or out of order
 * (an answer before the ring, a ring after the hang-up): a late event fills
 * in what is missing but never moves a call backwards.
 */
export function advance(call: CallProgress, kind: CallEventKind, at: Date): CallProgress {
  const next: CallProgress = { ...call, startedAt: at < call.startedAt ? at : call.startedAt };
  switch (kind) {
    case 'ringing':
    case 'originated':
      return next;
    case 'answered': {
      const answeredAt = next.answeredAt ?? at;
      if (next.state === 'ringing' || next.state === 'on_hold') return { ...next, state: 'answered', answeredAt };
      if (next.state === 'answered') return { ...next, answeredAt };
      // The answer arrived after the hang-up: the call was not missed after all.
      if (next.state === 'missed' || (next.state === 'ended' && !next.answeredAt)) {
        const fixed = { ...next, answeredAt: answeredAt < (next.endedAt ?? at) ? answeredAt : next.endedAt! };
        return { ...fixed, state: 'ended', durationSeconds: seconds(fixed.answeredAt, fixed.endedAt ?? at) };
      }
      return next;
    }
    case 'held':
      return next.state === 'answered' ? { ...next, state: 'on_hold' } : next;
    case 'retrieved':
      return next.state === 'on_hold' ? { ...next, state: 'answered' } : next;
    case 'transferred':
      if (isTerminal(next.state)) return next.state === 'transferred' ? next : { ...next, state: 'transferred' };
      return ended(next, at, 'transferred');
    case 'ended':
      if (isTerminal(next.state)) return next;
      return ended(next, at, next.answeredAt ? 'ended' : unansweredEnd(next.direction));
  }
}

/** The state a call starts in when its first event (whatever it is) arrives. */
export function begin(direction: CallDirection, kind: CallEventKind, at: Date): CallProgress {
  const fresh: CallProgress = {
    direction,
    state: 'ringing',
    startedAt: at,
    answeredAt: null,
    endedAt: null,
    durationSeconds: null,
  };
  return advance(fresh, kind, at);
}
