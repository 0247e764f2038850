import { FieldCheck, type FormFields } from '../telephony-push/form';

export const PLACETEL_EVENTS = ['IncomingCall', 'OutgoingCall', 'CallAccepted', 'HungUp'] as const;
export type PlacetelEventName = (typeof PLACETEL_EVENTS)[number];

export interface PlacetelPush {
  event: PlacetelEventName;
  callId: string;
  from?: string;
  to?: string;
  /** The SIP user (extension) the event concerns. */
  peer?: string;
  /** On HungUp: accepted, missed, busy, voicemail, canceled… */
  type?: string;
  duration?: number;
}

/** Reads a notify post; a missing or unknown field is a 400 that names it. */
export function parsePlacetelPush(fields: FormFields): PlacetelPush {
  const check = new FieldCheck(fields);
  const event = check.oneOf('event', PLACETEL_EVENTS);
  const callId = check.required('call_id');
  const push: PlacetelPush = {
    event,
    callId,
    from: check.optional('from', 60),
    to: check.optional('to', 60),
    peer: check.optional('peer'),
    type: check.optional('type', 60),
  };
  const duration = check.optional('duration', 12);
  if (duration !== undefined) {
    if (/^\d+$/.test(duration)) push.duration = Number(duration);
    else
      check.errors.push({
        field: 'duration',
        in: 'body',
        code: 'invalid_number',
        message: 'must be a whole number of seconds',
      });
  }
  if ((event === 'IncomingCall' || event === 'OutgoingCall') && (!push.from || !push.to)) {
    if (!push.from) check.errors.push({ field: 'from', in: 'body', code: 'required', message: 'is required' });
    if (!push.to) check.errors.push({ field: 'to', in: 'body', code: 'required', message: 'is required' });
  }
  check.done();
  return push;
}
