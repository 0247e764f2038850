import type { CallDirection, CallEventKind, ConnectionState, TelephonyProvider } from '@shared/telephony/enums';

/**
 * A phone number as a provider sent it, and what we read it as. `e164` is
 * null for anonymous, internal and short numbers (110, **610, extension 21):
 * those are never looked up.
 */
export interface CallParty {
  raw: string | null;
  e164: string | null;
  /** An internal extension or device of the PBX, when the party is one of ours. */
  extension?: string | null;
}

/**
 * One event on one call, after the adapter translated its provider's
 * vocabulary. The call service turns a stream of these into call state.
 */
export interface CallEvent {
  provider: TelephonyProvider;
  connectionId: string;
  /** Unique per event and provider connection: a repeated delivery changes nothing. */
  eventKey: string;
  /** The provider's call id. */
  callId: string;
  /** For a transfer: the provider call id of the call this one continues. */
  parentCallId?: string | null;
  kind: CallEventKind;
  /** Known on the first event of a call; later events may omit it. */
  direction?: CallDirection;
  at: Date;
  from?: CallParty;
  to?: CallParty;
  /** The number the caller dialled (our line or a tracking number), E.164. */
  dialled?: string | null;
  /** Extensions / provider user ids that ring or take part (sipgate user[], CSTA devices). */
  extensions?: string[];
  /** The extension that answered, on `answered`. */
  answeredBy?: string | null;
  /** Why the call ended: normalClearing, busy, cancel, noAnswer, … */
  cause?: string | null;
  /** The provider's message as received, for the admin's event list (no secrets). */
  payload?: Record<string, unknown>;
}

export interface CallEventResult {
  /** Our call id (uuid). */
  callId: string;
  /** false when the event was a repeat and changed nothing. */
  applied: boolean;
}

/** Where adapters deliver what they hear: implemented by the call service. */
export interface CallEventSink {
  handle(event: CallEvent): Promise<CallEventResult>;
}

/** A running link to a phone system, for those that hold one (CSTA); HTTP-push providers have none. */
export interface ConnectionStatus {
  state: ConnectionState;
  detail: string | null;
  since: Date | null;
}

/**
 * What the app can ask of a phone system. Push-only providers implement
 * makeCall through their REST API; CSTA through MakeCall on its link.
 */
export interface TelephonyAdapter {
  readonly provider: TelephonyProvider;
  readonly connectionId: string;
  /** False for adapters that cannot place calls (no API credentials); click-to-call then falls back to tel:. */
  readonly canDial?: boolean;
  /** Connects (CSTA) or does nothing (push providers). Never throws: failures show in status(). */
  start(): Promise<void>;
  stop(): Promise<void>;
  status(): ConnectionStatus;
  /** The extensions of the connection changed: links that monitor devices follow at once. */
  devicesChanged?(): Promise<void>;
  /** Rings the user's extension and, once picked up, dials the customer. */
  makeCall(input: { extension: string; to: string }): Promise<{ externalCallId: string | null }>;
}
