import { FieldCheck, type FormFields, many } from '../telephony-push/form';

export const SIPGATE_EVENTS = ['newCall', 'answer', 'hangup'] as const;
export type SipgateEventName = (typeof SIPGATE_EVENTS)[number];

/** One sipgate.io push, checked: the fields we act on, by event. */
export type SipgatePush =
  | {
      event: 'newCall';
      callId: string;
      origCallId?: string;
      direction: 'in' | 'out';
      from: string;
      to: string;
      /** user[] (names) and userId[] (w0, p0…): who it rings at or who dials. */
      users: string[];
      userIds: string[];
      diversion?: string;
    }
  | {
      event: 'answer';
      callId: string;
      direction?: 'in' | 'out';
      from?: string;
      to?: string;
      user?: string;
      userId?: string;
      fullUserId?: string;
      answeringNumber?: string;
    }
  | {
      event: 'hangup';
      callId: string;
      direction?: 'in' | 'out';
      from?: string;
      to?: string;
      cause?: string;
      answeringNumber?: string;
    };

const DIRECTIONS = ['in', 'out'] as const;

function optionalDirection(check: FieldCheck, fields: FormFields): 'in' | 'out' | undefined {
  return fields.direction?.[0]?.trim() ? check.oneOf('direction', DIRECTIONS) : undefined;
}

/** Reads a push; a missing or unknown field is a 400 that names it. */
export function parseSipgatePush(fields: FormFields): SipgatePush {
  const check = new FieldCheck(fields);
  const event = check.oneOf('event', SIPGATE_EVENTS);
  const callId = check.required('callId');
  check.done();

  if (event === 'newCall') {
    const push = {
      event,
      callId,
      origCallId: check.optional('origCallId'),
      direction: check.oneOf('direction', DIRECTIONS),
      from: check.required('from', 60),
      to: check.required('to', 60),
      users: many(fields, 'user'),
      userIds: many(fields, 'userId'),
      diversion: check.optional('diversion', 60),
    };
    check.done();
    return push;
  }
  if (event === 'answer') {
    const push = {
      event,
      callId,
      direction: optionalDirection(check, fields),
      from: check.optional('from', 60),
      to: check.optional('to', 60),
      // sipgate names the one who answered in `user`; some sends repeat it as `user[]`.
      user: check.optional('user') ?? many(fields, 'user')[0],
      userId: check.optional('userId') ?? many(fields, 'userId')[0],
      fullUserId: check.optional('fullUserId') ?? many(fields, 'fullUserId')[0],
      answeringNumber: check.optional('answeringNumber', 60),
    };
    check.done();
    return push;
  }
  const push = {
    event,
    callId,
    direction: optionalDirection(check, fields),
    from: check.optional('from', 60),
    to: check.optional('to', 60),
    cause: check.optional('cause', 60),
    answeringNumber: check.optional('answeringNumber', 60),
  };
  check.done();
  return push;
}
