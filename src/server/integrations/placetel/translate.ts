import type { CountryCode } from 'libphonenumber-js/max';
import type { CallEvent } from '@server/modules/telephony';
import { placetelParty } from './numbers';
import type { PlacetelPush } from './parse';

export interface PlacetelContext {
  connectionId: string;
  country: CountryCode;
  at: Date;
  payload: Record<string, unknown>;
}

/** Placetel's HungUp types in the words every adapter uses for causes. */
const CAUSES: Record<string, string> = {
  accepted: 'normalClearing',
  missed: 'noAnswer',
  canceled: 'cancel',
  cancelled: 'cancel',
  busy: 'busy',
  voicemail: 'voicemail',
  unavailable: 'notFound',
  congestion: 'congestion',
};

/**
 * Turns one notify post into the call event it means. Event keys come from
 * what Placetel repeats identically on a retry: the call id and the event,
 * plus the peer for CallAccepted — a call handed to a colleague is accepted
 * again by another peer, which is a new event, not a repeat.
 */
export function translatePlacetel(push: PlacetelPush, ctx: PlacetelContext): CallEvent {
  const base = {
    provider: 'placetel' as const,
    connectionId: ctx.connectionId,
    callId: push.callId,
    at: ctx.at,
    from: placetelParty(push.from, ctx.country),
    to: placetelParty(push.to, ctx.country),
    extensions: push.peer ? [push.peer] : [],
    payload: ctx.payload,
  };
  switch (push.event) {
    case 'IncomingCall':
      return {
        ...base,
        eventKey: `IncomingCall:${push.callId}`,
        kind: 'ringing',
        direction: 'inbound',
        dialled: base.to?.e164 ?? null,
      };
    case 'OutgoingCall':
      return { ...base, eventKey: `OutgoingCall:${push.callId}`, kind: 'originated', direction: 'outbound' };
    case 'CallAccepted':
      return {
        ...base,
        eventKey: `CallAccepted:${push.callId}:${push.peer ?? ''}`,
        kind: 'answered',
        answeredBy: push.peer ?? null,
      };
    case 'HungUp':
      return {
        ...base,
        eventKey: `HungUp:${push.callId}`,
        kind: 'ended',
        cause: push.type ? (CAUSES[push.type.toLowerCase()] ?? push.type) : null,
      };
  }
}
