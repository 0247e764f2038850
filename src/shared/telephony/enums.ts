/** The phone systems we talk to. Each has one adapter behind the same small interface. */
export const TELEPHONY_PROVIDERS = ['webhook', 'sipgate', 'placetel', 'csta'] as const;
export type TelephonyProvider = (typeof TELEPHONY_PROVIDERS)[number];

export const CALL_DIRECTIONS = ['inbound', 'outbound', 'internal'] as const;
export type CallDirection = (typeof CALL_DIRECTIONS)[number];

/** ringing → answered ⇄ on_hold → transferred | ended; ringing → missed. */
export const CALL_STATES = ['ringing', 'answered', 'on_hold', 'transferred', 'ended', 'missed'] as const;
export type CallState = (typeof CALL_STATES)[number];
/** States in which a call is still going on. */
export const LIVE_CALL_STATES: readonly CallState[] = ['ringing', 'answered', 'on_hold'];

/**
 * What happened on a call, as every adapter reports it after translating its
 * provider's own vocabulary (sipgate newCall/answer/hangup, Placetel
 * IncomingCall/CallAccepted/HungUp, CSTA Delivered/Established/…).
 */
export const CALL_EVENT_KINDS = [
  'ringing',
  'originated',
  'answered',
  'held',
  'retrieved',
  'transferred',
  'ended',
] as const;
export type CallEventKind = (typeof CALL_EVENT_KINDS)[number];

/** Formats of the phonebook the PBX and the desk phones download (R0.4). */
export const PHONEBOOK_FORMATS = ['csv', '3cx', 'vcard', 'yealink', 'snom', 'fritzbox'] as const;
export type PhonebookFormat = (typeof PHONEBOOK_FORMATS)[number];
/** How an export writes numbers: as dialled from a German line (0711…, 0043…) or international (+49711…). */
export const PHONEBOOK_NUMBER_FORMATS = ['national', 'international'] as const;
export type PhonebookNumberFormat = (typeof PHONEBOOK_NUMBER_FORMATS)[number];

/** Live state of a connection to a phone system, as the admin page shows it. */
export const CONNECTION_STATES = ['disabled', 'connecting', 'connected', 'reconnecting', 'failed'] as const;
export type ConnectionState = (typeof CONNECTION_STATES)[number];
