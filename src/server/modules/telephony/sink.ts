import type { CallLiveEvent } from '../../../shared/telephony/schemas';
import type { CallDirection } from '../../../shared/telephony/enums';
import type { Deps } from '../../deps';
import type { Tx } from '../../db/client';
import type { NotificationsService } from '../notifications/service';
import { type CallerIdentity, identifyCaller } from './caller-id';
import type { CallEvent, CallEventResult, CallEventSink, CallParty } from './ports';
import * as repo from './repo';
import { advance, begin, type CallProgress, isTerminal } from './state';
import { syncCallTimeline } from './timeline';

export interface MissedCalls {
  schedule(tx: Tx, call: repo.CallRow): Promise<void>;
  cancel(tx: Tx, callId: string): Promise<void>;
}

const union = <T>(a: readonly T[], b: readonly T[]) => [...new Set([...a, ...b])];

/** The customer's side of a call: who called in, or whom we called. */
export const customerNumberOf = (call: Pick<repo.CallRow, 'direction' | 'fromNumber' | 'toNumber'>) =>
  call.direction === 'outbound' ? call.toNumber : call.direction === 'inbound' ? call.fromNumber : null;

const customerParty = (direction: CallDirection, event: CallEvent): CallParty | undefined =>
  direction === 'outbound' ? event.to : direction === 'inbound' ? event.from : undefined;

/** The live `call` event for the users' open pops. */
export function liveEvent(call: repo.CallRow, displayName: string | null, receivedAt: Date): CallLiveEvent {
  return {
    callId: call.id,
    state: call.state,
    direction: call.direction,
    number: customerNumberOf(call) ?? (call.direction === 'outbound' ? call.toRaw : call.fromRaw),
    displayName,
    candidateCount: call.contactId ? 1 : call.matchedContactIds.length,
    receivedAt: receivedAt.toISOString(),
  };
}

/** Reads what an event needs before its transaction: the call, its parent, caller, line and extensions. */
async function prepare({ db, database }: Deps, event: CallEvent) {
  const key = { provider: event.provider, connectionId: event.connectionId, externalId: event.callId };
  const existing = await repo.findCallByKey(db, key);
  const direction: CallDirection =
    existing?.direction ?? event.direction ?? (event.kind === 'originated' ? 'outbound' : 'inbound');
  const parent =
    event.parentCallId && !existing?.parentCallId
      ? await repo.findCallByKey(db, { ...key, externalId: event.parentCallId })
      : undefined;

  const party = customerParty(direction, event);
  const knownNumber = existing ? customerNumberOf(existing) : null;
  const identity: CallerIdentity | null =
    party?.e164 && party.e164 !== knownNumber && !parent ? await identifyCaller(database, party.e164) : null;

  const dialled = event.dialled ?? (direction === 'inbound' ? (event.to?.e164 ?? null) : null);
  const tracking =
    dialled && !existing?.trackingNumberId && !parent?.trackingNumberId
      ? await repo.activeTrackingNumber(db, dialled)
      : undefined;
  const connection = existing ? undefined : await repo.findConnection(db, event.connectionId);
  const extensions = union(event.extensions ?? [], event.answeredBy ? [event.answeredBy] : []);
  const users = await repo.usersAtExtensions(db, event.connectionId, extensions);
  const knownContact = existing?.contactId ?? parent?.contactId ?? null;
  const contactName =
    identity?.matches.length === 1
      ? identity.matches[0]!.displayName
      : knownContact
        ? await repo.contactDisplayName(db, knownContact)
        : null;
  return { key, existing, direction, parent, identity, dialled, tracking, connection, extensions, users, contactName };
}

/**
 * The call service's intake: every adapter delivers its translated events
 * here. One transaction per event stores the event (a repeat changes
 * nothing), moves the call along its states, records who was involved, and
 * tells the users at the ringing extensions at once.
 */
export function createCallSink(
  ctx: Deps,
  notifications: NotificationsService,
  missed: MissedCalls,
): CallEventSink & {
  emitCall(tx: Tx, call: repo.CallRow, userIds: string[], displayName: string | null): Promise<void>;
} {
  const { db, clock } = ctx;

  async function emitCall(tx: Tx, call: repo.CallRow, userIds: string[], displayName: string | null) {
    const data = liveEvent(call, displayName, clock.now());
    for (const userId of userIds) await notifications.emit(tx, userId, 'call', data);
  }

  async function handle(event: CallEvent): Promise<CallEventResult> {
    const receivedAt = clock.now();
    const pre = await prepare(ctx, event);
    const { key, direction, parent, identity, tracking, users } = pre;

    return db.transaction(async (tx) => {
      const eventId = await repo.insertEvent(tx, {
        connectionId: event.connectionId,
        provider: event.provider,
        eventKey: event.eventKey,
        kind: event.kind,
        at: event.at,
        payload: event.payload ?? null,
        receivedAt,
      });
      if (!eventId) {
        const callId = await repo.findEventCall(tx, event.provider, event.connectionId, event.eventKey);
        return { callId: callId ?? pre.existing?.id ?? '', applied: false };
      }

      const now = clock.now();
      const parentRow = parent ? await repo.findCall(tx, parent.id, true) : undefined;
      let current = await repo.findCallByKey(tx, key, true);
      let created = false;
      if (!current) {
        const progress = begin(direction, event.kind, event.at);
        ({ row: current, created } = await repo.insertCall(
          tx,
          {
            connectionId: event.connectionId,
            provider: event.provider,
            externalId: event.callId,
            direction,
            state: progress.state,
            startedAt: progress.startedAt,
            locationId: tracking?.locationId ?? parentRow?.locationId ?? pre.connection?.locationId ?? null,
          },
          key,
        ));
      }
      const before = current;
      const progress: CallProgress = created
        ? begin(direction, event.kind, event.at)
        : advance(
            {
              direction: current.direction,
              state: current.state,
              startedAt: current.startedAt,
              answeredAt: current.answeredAt,
              endedAt: current.endedAt,
              durationSeconds: current.durationSeconds,
            },
            event.kind,
            event.at,
          );

      const newUserIds = [...users.values()].filter((id) => !current.userIds.includes(id));
      const answeredBy = event.answeredBy ? (users.get(event.answeredBy) ?? null) : null;
      const patch: Partial<repo.NewCallRow> = {
        state: progress.state,
        startedAt: progress.startedAt,
        answeredAt: progress.answeredAt,
        endedAt: progress.endedAt,
        durationSeconds: progress.durationSeconds,
        extensions: union(current.extensions, pre.extensions),
        userIds: union(current.userIds, newUserIds),
        fromNumber: current.fromNumber ?? event.from?.e164 ?? null,
        fromRaw: current.fromRaw ?? event.from?.raw ?? null,
        toNumber: current.toNumber ?? event.to?.e164 ?? null,
        toRaw: current.toRaw ?? event.to?.raw ?? null,
        dialledNumber: current.dialledNumber ?? pre.dialled,
        answeredByUserId: current.answeredByUserId ?? answeredBy,
        endCause: current.endCause ?? (event.kind === 'ended' ? (event.cause ?? null) : null),
      };
      if (tracking && !current.trackingNumberId) {
        Object.assign(patch, { trackingNumberId: tracking.id, source: tracking.source, campaign: tracking.campaign });
      }
      if (identity && !current.contactId) {
        const single = identity.matches.length === 1 ? identity.matches[0]!.contactId : null;
        Object.assign(patch, { contactId: single, matchedContactIds: identity.matches.map((m) => m.contactId) });
      }
      if (parentRow && !current.parentCallId) {
        // The transfer continues the same conversation: same customer, same line, same source.
        Object.assign(patch, {
          parentCallId: parentRow.id,
          direction: parentRow.direction,
          contactId: current.contactId ?? parentRow.contactId,
          matchedContactIds: current.matchedContactIds.length ? current.matchedContactIds : parentRow.matchedContactIds,
          fromNumber: patch.fromNumber ?? parentRow.fromNumber,
          fromRaw: patch.fromRaw ?? parentRow.fromRaw,
          toNumber: patch.toNumber ?? parentRow.toNumber,
          toRaw: patch.toRaw ?? parentRow.toRaw,
          dialledNumber: patch.dialledNumber ?? parentRow.dialledNumber,
          trackingNumberId: current.trackingNumberId ?? parentRow.trackingNumberId,
          source: current.source ?? parentRow.source,
          campaign: current.campaign ?? parentRow.campaign,
        });
        if (!isTerminal(parentRow.state)) {
          const handedOver = advance(
            {
              direction: parentRow.direction,
              state: parentRow.state,
              startedAt: parentRow.startedAt,
              answeredAt: parentRow.answeredAt,
              endedAt: parentRow.endedAt,
              durationSeconds: parentRow.durationSeconds,
            },
            'transferred',
            event.at,
          );
          const updatedParent = await repo.updateCall(tx, parentRow.id, handedOver, now);
          await emitCall(tx, updatedParent, updatedParent.userIds, pre.contactName);
          await syncCallTimeline(tx, updatedParent);
          if (parentRow.state === 'ringing') await missed.cancel(tx, parentRow.id);
        }
      }

      const call = await repo.updateCall(tx, current.id, patch, now);
      await repo.setEventCall(tx, eventId, call.id);

      const stateChanged = created || call.state !== before.state;
      const audience = stateChanged ? call.userIds : newUserIds;
      if (audience.length > 0) await emitCall(tx, call, audience, pre.contactName);
      if (isTerminal(call.state) && (stateChanged || call.contactId !== before.contactId)) {
        await syncCallTimeline(tx, call);
      }
      if (call.state === 'missed' && (created || before.state !== 'missed')) {
        // Put through by a colleague who had spoken to the caller: not a missed customer.
        const from = call.parentCallId ? (parentRow ?? (await repo.findCall(tx, call.parentCallId))) : undefined;
        if (!from?.answeredAt) await missed.schedule(tx, call);
      } else if (before.state === 'missed' && call.state !== 'missed') {
        await missed.cancel(tx, call.id);
      }
      return { callId: call.id, applied: true };
    });
  }

  return { handle, emitCall };
}
