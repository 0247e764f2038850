import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { CALL_DIRECTIONS, CALL_STATES, CONNECTION_STATES, TELEPHONY_PROVIDERS } from '../../../shared/telephony/enums';
import { createdAt, id, instant, updatedAt } from '../../db/columns';
import { contacts } from '../contacts/tables';
import { locations, users } from '../org/tables';
import { customerRequests, requestChannelEnum } from '../requests/tables';

export const telephonyProviderEnum = pgEnum('telephony_provider', TELEPHONY_PROVIDERS);
export const callDirectionEnum = pgEnum('call_direction', CALL_DIRECTIONS);
export const callStateEnum = pgEnum('call_state', CALL_STATES);
export const connectionStateEnum = pgEnum('connection_state', CONNECTION_STATES);

/**
 * A configured phone system: a CSTA link to an on-premise PBX, or a virtual
 * PBX that posts to us (sipgate, Placetel, the generic webhook). Secrets for
 * signatures are kept here because each dealer sets their own in the admin UI.
 */
export const telephonyConnections = pgTable('telephony_connections', {
  id: id(),
  provider: telephonyProviderEnum('provider').notNull(),
  name: text('name').notNull(),
  enabled: boolean('enabled').notNull().default(true),
  /** The location whose phone system it is; numbers are read in its country. */
  locationId: uuid('location_id').references(() => locations.id, { onDelete: 'set null' }),
  /** Provider settings: CSTA host/port/devices/application session; API base URL, token id… */
  settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
  /** Shared secret for webhook signatures or the provider's API token. Never sent back to the browser. */
  secret: text('secret'),
  /** Last known live state, written by whichever server process holds the link. */
  state: connectionStateEnum('state').notNull().default('disabled'),
  stateDetail: text('state_detail'),
  stateChangedAt: instant('state_changed_at'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** Which user sits at which extension (or CSTA device, or provider user id) of a connection. */
export const telephonyExtensions = pgTable(
  'telephony_extensions',
  {
    id: id(),
    connectionId: uuid('connection_id')
      .notNull()
      .references(() => telephonyConnections.id, { onDelete: 'cascade' }),
    /** As the provider names it: "21", "+4989123456-21", sipgate "w0", a CSTA device id. */
    extension: text('extension').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    label: text('label'),
    /** For CSTA: whether this device is monitored. */
    monitored: boolean('monitored').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('telephony_extensions_uq').on(t.connectionId, t.extension),
    index('telephony_extensions_user_idx').on(t.userId),
  ],
);

/**
 * Virtual numbers printed in one campaign or on one vehicle listing (R0.3):
 * a call to one carries its source into the call and any request made from it.
 */
export const trackingNumbers = pgTable(
  'tracking_numbers',
  {
    id: id(),
    /** E.164 with "+". */
    number: text('number').notNull(),
    label: text('label').notNull(),
    source: text('source').notNull(),
    campaign: text('campaign'),
    channel: requestChannelEnum('channel').notNull().default('phone'),
    /** A vehicle listing (e.g. the mobile.de ad id) the number was printed on. */
    listingRef: text('listing_ref'),
    locationId: uuid('location_id').references(() => locations.id, { onDelete: 'set null' }),
    /** Routing target: one person, or a group (a missed call goes to the group through round-robin). */
    routeUserId: uuid('route_user_id').references(() => users.id, { onDelete: 'set null' }),
    routeGroupUserIds: uuid('route_group_user_ids').array().notNull().default([]),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('tracking_numbers_number_uq').on(t.number)],
);

/** Every call: inbound, outbound or internal, with who was involved and what came of it. */
export const calls = pgTable(
  'calls',
  {
    id: id(),
    connectionId: uuid('connection_id').references(() => telephonyConnections.id, { onDelete: 'set null' }),
    provider: telephonyProviderEnum('provider').notNull(),
    /** The PBX's own call id; unique per connection. */
    externalId: text('external_id').notNull(),
    /** A transfer starts a new call that points to the one it came from. */
    parentCallId: uuid('parent_call_id'),
    direction: callDirectionEnum('direction').notNull(),
    state: callStateEnum('state').notNull(),
    /** E.164 when it could be read, otherwise null; the raw value as the provider sent it. */
    fromNumber: text('from_number'),
    fromRaw: text('from_raw'),
    toNumber: text('to_number'),
    toRaw: text('to_raw'),
    /** The line or tracking number the caller dialled. */
    dialledNumber: text('dialled_number'),
    trackingNumberId: uuid('tracking_number_id').references(() => trackingNumbers.id, { onDelete: 'set null' }),
    source: text('source'),
    campaign: text('campaign'),
    locationId: uuid('location_id').references(() => locations.id, { onDelete: 'set null' }),
    /** The customer on the other end, when the number identified exactly one (or a user chose). */
    contactId: uuid('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    /** Every contact the number matched, for the "which one?" choice. */
    matchedContactIds: uuid('matched_contact_ids').array().notNull().default([]),
    /** Extensions and users that rang or took part. */
    extensions: text('extensions').array().notNull().default([]),
    userIds: uuid('user_ids').array().notNull().default([]),
    answeredByUserId: uuid('answered_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    startedAt: instant('started_at').notNull(),
    answeredAt: instant('answered_at'),
    endedAt: instant('ended_at'),
    durationSeconds: integer('duration_seconds'),
    /** The provider's reason for the end: normalClearing, busy, cancel, noAnswer… */
    endCause: text('end_cause'),
    note: text('note'),
    noteAuthorId: uuid('note_author_id').references(() => users.id, { onDelete: 'set null' }),
    noteAt: instant('note_at'),
    /** The request made from this call (note → callback, complaint…), or the missed-call callback. */
    requestId: uuid('request_id').references(() => customerRequests.id, { onDelete: 'set null' }),
    /** A missed call the caller later got through on: linked instead of a duplicate callback. */
    followUpOfCallId: uuid('follow_up_of_call_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('calls_external_uq').on(t.provider, t.connectionId, t.externalId),
    index('calls_contact_idx').on(t.contactId, t.startedAt),
    index('calls_from_started_idx').on(t.fromNumber, t.startedAt),
    index('calls_started_idx').on(t.startedAt),
    index('calls_live_idx')
      .on(t.startedAt)
      .where(sql`state IN ('ringing','answered','on_hold')`),
  ],
);

/** Every event a phone system sent, raw and translated: idempotency per event and the admin's "last events". */
export const callEvents = pgTable(
  'call_events',
  {
    id: id(),
    connectionId: uuid('connection_id').references(() => telephonyConnections.id, { onDelete: 'cascade' }),
    provider: telephonyProviderEnum('provider').notNull(),
    /** The provider's id for this one event; a repeat with the same key changes nothing. */
    eventKey: text('event_key').notNull(),
    callId: uuid('call_id').references(() => calls.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    at: instant('at').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>(),
    receivedAt: createdAt(),
  },
  (t) => [
    uniqueIndex('call_events_key_uq').on(t.provider, t.connectionId, t.eventKey),
    index('call_events_call_idx').on(t.callId, t.at),
    index('call_events_received_idx').on(t.connectionId, t.receivedAt),
  ],
);
