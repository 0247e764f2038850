import { z } from 'zod';
import { Instant, optionalText, UserRef } from '../common';
import { TEXT_MAX } from '../text/limits';
import { REQUEST_CHANNELS, REQUEST_STATUSES, REQUEST_TYPES } from '../requests/enums';
import {
  CALL_DIRECTIONS,
  CALL_EVENT_KINDS,
  CALL_STATES,
  CONNECTION_STATES,
  PHONEBOOK_FORMATS,
  PHONEBOOK_NUMBER_FORMATS,
  TELEPHONY_PROVIDERS,
} from './enums';

/*
 * HTTP contract of the telephony module.
 *
 *   POST /api/telephony/webhook/:connectionId      generic call events (API key, scope telephony)
 *   POST /api/telephony/sipgate/:connectionId      sipgate.io push (form-encoded)
 *   POST /api/telephony/placetel/:connectionId     Placetel notify (form-encoded, HMAC)
 *   GET  /api/calls                                call list (filters below)
 *   GET  /api/calls/live                           the signed-in user's ringing/active calls
 *   GET  /api/calls/:id                            one call
 *   GET  /api/calls/:id/pop                        the screen pop: call + matched customers
 *   PUT  /api/calls/:id/contact                    choose which matched customer it is
 *   PUT  /api/calls/:id/note                       the note pad
 *   GET  /api/calls/:id/callback-proposal          who a callback from it would go to by the rules
 *   POST /api/calls/:id/request                    make a callback / service / complaint request from it
 *   POST /api/calls/:id/attempt                    log it as a contact attempt on an open request
 *   POST /api/telephony/click-to-call              dial a number from the user's extension
 *   GET|POST /api/telephony/connections, PATCH|DELETE /api/telephony/connections/:id
 *   GET  /api/telephony/connections/:id/events     the last events received on a connection
 *   GET|POST /api/telephony/extensions, PATCH|DELETE /api/telephony/extensions/:id
 *   GET|POST /api/telephony/tracking-numbers, PATCH|DELETE /api/telephony/tracking-numbers/:id
 *   GET  /api/phonebook/:format                    the phonebook (API key, scope phonebook, or admin)
 *   POST /api/phonebook/regenerate                 build it now (admin)
 *
 * Live: the user's event stream (/api/events) receives `call` events (CallLiveEvent)
 * for calls ringing at or taken by one of the user's extensions.
 */

const E164 = z.string().regex(/^\+[1-9]\d{4,15}$/, 'must be an international number like +4989123456');

export const Call = z.object({
  id: z.uuid(),
  provider: z.enum(TELEPHONY_PROVIDERS),
  connectionId: z.uuid().nullable(),
  externalId: z.string(),
  parentCallId: z.uuid().nullable(),
  direction: z.enum(CALL_DIRECTIONS),
  state: z.enum(CALL_STATES),
  fromNumber: z.string().nullable(),
  fromRaw: z.string().nullable(),
  toNumber: z.string().nullable(),
  toRaw: z.string().nullable(),
  dialledNumber: z.string().nullable(),
  trackingNumber: z.object({ id: z.uuid(), label: z.string(), source: z.string() }).nullable(),
  source: z.string().nullable(),
  campaign: z.string().nullable(),
  contact: z.object({ id: z.uuid(), displayName: z.string(), customerNumber: z.string() }).nullable(),
  matchedContactIds: z.array(z.uuid()),
  extensions: z.array(z.string()),
  users: z.array(UserRef),
  answeredBy: UserRef.nullable(),
  startedAt: z.iso.datetime({ offset: true }),
  answeredAt: z.iso.datetime({ offset: true }).nullable(),
  endedAt: z.iso.datetime({ offset: true }).nullable(),
  durationSeconds: z.number().int().nullable(),
  endCause: z.string().nullable(),
  note: z.string().nullable(),
  noteAuthor: UserRef.nullable(),
  noteAt: z.iso.datetime({ offset: true }).nullable(),
  requestId: z.uuid().nullable(),
  followUpOfCallId: z.uuid().nullable(),
  /** The line's location; null for a line nobody assigned. */
  locationId: z.uuid().nullable(),
});
export type Call = z.infer<typeof Call>;

export const CallListQuery = z.object({
  contactId: z.uuid().optional(),
  userId: z.uuid().optional(),
  state: z.enum(CALL_STATES).optional(),
  direction: z.enum(CALL_DIRECTIONS).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export const CallPage = z.object({ items: z.array(Call), nextCursor: z.string().nullable() });

/** One customer the caller's number matched, with what the user needs before saying hello. */
export const PopCandidate = z.object({
  id: z.uuid(),
  displayName: z.string(),
  customerNumber: z.string(),
  kind: z.enum(['person', 'company']),
  /** How the number matched: exact E.164, a long enough tail, or the company's main number. */
  matchedBy: z.enum(['exact', 'tail', 'company_main']),
  matchedNumber: z.string(),
  /** For a company's contact person: the company. */
  companyName: z.string().nullable(),
  block: z.object({ reason: z.string(), since: z.string(), until: z.string().nullable() }).nullable(),
  regularConsultant: UserRef.nullable(),
  regularAdvisor: UserRef.nullable(),
  openRequests: z.array(
    z.object({
      id: z.uuid(),
      number: z.string(),
      type: z.enum(REQUEST_TYPES),
      status: z.enum(REQUEST_STATUSES),
      subject: z.string(),
      firstContactDueAt: z.string().nullable(),
    }),
  ),
  lastInteractions: z.array(z.object({ kind: z.string(), summary: z.string(), occurredAt: z.string() })),
  vehicles: z.array(z.object({ id: z.uuid(), label: z.string(), plate: z.string().nullable() })),
});
export type PopCandidate = z.infer<typeof PopCandidate>;

export const CallPop = z.object({
  call: Call,
  /** Empty: unknown caller ("new contact" prefilled with the number). Several: the user chooses. */
  candidates: z.array(PopCandidate),
  /** Whether the number was looked up at all (anonymous, internal and short numbers are not). */
  lookedUp: z.boolean(),
});
export type CallPop = z.infer<typeof CallPop>;

/** What a user's event stream receives as event `call`: small enough for NOTIFY; the pop is fetched. */
export const CallLiveEvent = z.object({
  callId: z.uuid(),
  state: z.enum(CALL_STATES),
  direction: z.enum(CALL_DIRECTIONS),
  number: z.string().nullable(),
  /** The best match's name, to show at once while the pop loads. */
  displayName: z.string().nullable(),
  candidateCount: z.number().int(),
  /** When the adapter received the event; the browser measures pop latency from it. */
  receivedAt: z.string(),
});
export type CallLiveEvent = z.infer<typeof CallLiveEvent>;

export const ChooseContactInput = z.object({ contactId: z.uuid() });
export const CallNoteInput = z.object({ note: z.string().trim().max(TEXT_MAX.note) });

/** In one step from the note pad to a request (R0.5). */
export const CallRequestInput = z
  .object({
    type: z.enum(['callback', 'service_appointment', 'complaint', 'sales_lead', 'parts', 'general']),
    subject: optionalText(TEXT_MAX.subject),
    /** Defaults to the call's note. */
    message: optionalText(TEXT_MAX.message),
    /** Defaults to the call's chosen contact; required when the caller was unknown and no new contact is given. */
    contactId: z.uuid().optional(),
    newContact: z
      .object({
        firstName: optionalText(TEXT_MAX.personName),
        lastName: z.string().trim().min(1).max(TEXT_MAX.personName),
        email: optionalText(TEXT_MAX.email),
      })
      .optional(),
    /** The window the caller asked to be called back in: the request's deadline and a reminder follow it. */
    callbackFrom: Instant.optional(),
    callbackTo: Instant.optional(),
    /** Overrides the assignment rules: the colleague the user chose instead of the proposal. */
    assigneeId: z.uuid().optional(),
  })
  .refine((r) => !r.callbackFrom || !r.callbackTo || r.callbackFrom < r.callbackTo, {
    message: 'must end after it starts',
    path: ['callbackTo'],
  });

/** Who a callback from this call would go to by the assignment rules, before it is made. */
export const CallbackProposal = z.object({
  assignee: UserRef.nullable(),
  /** The location the request would belong to: the user may choose among its colleagues instead. */
  locationId: z.uuid(),
});

export const CallAttemptInput = z.object({
  requestId: z.uuid(),
  outcome: z.enum(['reached', 'no_answer', 'voicemail', 'wrong_number']),
  note: optionalText(TEXT_MAX.note),
});

export const ClickToCallInput = z.object({
  number: z.string().trim().min(3).max(40),
  contactId: z.uuid().optional(),
});
/** `pbx`: the phone system dials; `tel`: no adapter for the user's extension, open the tel: link. */
export const ClickToCallResponse = z.object({
  mode: z.enum(['pbx', 'tel']),
  href: z.string(),
  callId: z.uuid().nullable(),
});

/** Generic webhook: one call event from any PBX or virtual PBX. */
export const WebhookCallEvent = z.object({
  /** Unique per event; a repeated delivery with the same id changes nothing. */
  eventId: z.string().min(1).max(200),
  callId: z.string().min(1).max(200),
  parentCallId: z.string().min(1).max(200).optional(),
  event: z.enum(CALL_EVENT_KINDS),
  direction: z.enum(CALL_DIRECTIONS).optional(),
  /** Any notation; international with "+" is safest. "anonymous" for withheld numbers. */
  from: z.string().max(60).optional(),
  to: z.string().max(60).optional(),
  dialled: z.string().max(60).optional(),
  extensions: z.array(z.string().min(1).max(100)).max(50).optional(),
  answeredBy: z.string().max(100).optional(),
  cause: z.string().max(100).optional(),
  at: Instant.optional(),
});
export type WebhookCallEvent = z.infer<typeof WebhookCallEvent>;

export const Connection = z.object({
  id: z.uuid(),
  provider: z.enum(TELEPHONY_PROVIDERS),
  name: z.string(),
  enabled: z.boolean(),
  locationId: z.uuid().nullable(),
  settings: z.record(z.string(), z.unknown()),
  /** Whether a secret is set; the secret itself never leaves the server. */
  hasSecret: z.boolean(),
  /** Placetel: whether the REST API token (settings.apiToken, write-only like the secret) is stored. */
  hasApiToken: z.boolean(),
  state: z.enum(CONNECTION_STATES),
  stateDetail: z.string().nullable(),
  stateChangedAt: z.string().nullable(),
  /** The URL the provider must post to (push providers). */
  webhookUrl: z.string().nullable(),
  /** When the connection last received an event: for push providers the only sign of life. */
  lastEventAt: z.string().nullable().optional(),
});
export type Connection = z.infer<typeof Connection>;

const ConnectionFields = z.object({
  provider: z.enum(TELEPHONY_PROVIDERS),
  name: z.string().trim().min(1).max(100),
  enabled: z.boolean(),
  locationId: z.uuid().nullable(),
  /** Checked per provider (see provider-settings.ts); write-only keys left out are kept. */
  settings: z.record(z.string(), z.unknown()),
  /** Omit to keep; null to remove. */
  secret: z.string().min(8).max(500).nullable().optional(),
});
export const ConnectionInput = ConnectionFields.extend({
  enabled: ConnectionFields.shape.enabled.default(true),
  locationId: ConnectionFields.shape.locationId.default(null),
  settings: ConnectionFields.shape.settings.default({}),
});
/** Built from the fields without defaults: a PATCH changes only what it names. */
export const ConnectionUpdate = ConnectionFields.partial();

export const ConnectionEvent = z.object({
  id: z.uuid(),
  kind: z.string(),
  at: z.string(),
  receivedAt: z.string(),
  callId: z.uuid().nullable(),
  payload: z.record(z.string(), z.unknown()).nullable(),
});

export const Extension = z.object({
  id: z.uuid(),
  connectionId: z.uuid(),
  extension: z.string(),
  user: UserRef,
  label: z.string().nullable(),
  monitored: z.boolean(),
});
const ExtensionFields = z.object({
  connectionId: z.uuid(),
  extension: z.string().trim().min(1).max(100),
  userId: z.uuid(),
  label: optionalText(100),
  monitored: z.boolean(),
});
export const ExtensionInput = ExtensionFields.extend({ monitored: z.boolean().default(true) });
export const ExtensionUpdate = ExtensionFields.partial().refine((v) => Object.values(v).some((x) => x !== undefined), {
  message: 'name at least one field to change',
});

export const TrackingNumber = z.object({
  id: z.uuid(),
  number: z.string(),
  label: z.string(),
  source: z.string(),
  campaign: z.string().nullable(),
  channel: z.enum(REQUEST_CHANNELS),
  listingRef: z.string().nullable(),
  locationId: z.uuid().nullable(),
  routeUser: UserRef.nullable(),
  routeGroup: z.array(UserRef),
  active: z.boolean(),
});
const TrackingNumberFields = z.object({
  /** Any notation; stored in E.164. */
  number: z.string().trim().min(3).max(40),
  label: z.string().trim().min(1).max(100),
  source: z.string().trim().min(1).max(100),
  campaign: optionalText(100),
  channel: z.enum(REQUEST_CHANNELS),
  listingRef: optionalText(200),
  locationId: z.uuid().nullable(),
  routeUserId: z.uuid().nullable(),
  routeGroupUserIds: z.array(z.uuid()).max(50),
  active: z.boolean(),
});
export const TrackingNumberInput = TrackingNumberFields.extend({
  channel: TrackingNumberFields.shape.channel.default('phone'),
  locationId: TrackingNumberFields.shape.locationId.default(null),
  routeUserId: TrackingNumberFields.shape.routeUserId.default(null),
  routeGroupUserIds: TrackingNumberFields.shape.routeGroupUserIds.default([]),
  active: TrackingNumberFields.shape.active.default(true),
});
export const TrackingNumberUpdate = TrackingNumberFields.partial();

export const PhonebookFormatParam = z.object({ format: z.enum(PHONEBOOK_FORMATS) });
export const PhonebookStatus = z.object({
  formats: z.array(
    z.object({ format: z.enum(PHONEBOOK_FORMATS), entryCount: z.number().int(), generatedAt: z.string() }),
  ),
  /** Per export, how its numbers are written. */
  numberFormats: z.array(
    z.object({ format: z.enum(PHONEBOOK_FORMATS), numberFormat: z.enum(PHONEBOOK_NUMBER_FORMATS) }),
  ),
});
export const PhonebookSettingsInput = z.object({ numberFormat: z.enum(PHONEBOOK_NUMBER_FORMATS) });

export { E164 };
