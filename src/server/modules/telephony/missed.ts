import { z } from 'zod';
import { formatPhone } from '@shared/contacts/normalize';
import type { Deps } from '@server/deps';
import type { Tx } from '@server/db/client';
import type { ApiKeyActor } from '@server/http/access';
import { defineJob } from '@server/jobs/definition';
import type { JobsService } from '@server/jobs/service';
import { loadPeople, openLoad } from '@server/modules/assignment';
import type { ContactsService } from '@server/modules/contacts';
import type { RequestsService } from '@server/modules/requests';
import { likeliestCaller } from './likeliest-caller';
import { newCaller, type RequestFromCall } from './call-requests';
import { isLookupable } from './numbers';
import * as repo from './repo';
import type { MissedCalls } from './sink';
import { syncCallTimeline } from './timeline';

export const MISSED_CALL_JOB = 'telephony.missed-call';
/** How long a caller has to get through before the missed call becomes a callback request. */
export const MISSED_CALL_GRACE_MS = 15 * 60_000;
const missedKey = (callId: string) => `missed-call:${callId}`;

const MissedPayload = z.object({ callId: z.uuid() });

/** Requests from missed calls are taken in on behalf of the phone system, not of a person. */
const phoneSystem = (call: repo.CallRow): ApiKeyActor => ({
  kind: 'apiKey',
  apiKeyId: call.connectionId ?? call.id,
  name: 'Telefonanlage',
  scopes: ['telephony'],
});

const berlinTime = (at: Date) =>
  at.toLocaleString('de-DE', { timeZone: 'Europe/Berlin', dateStyle: 'short', timeStyle: 'short' });

/**
 * Missed calls: an unanswered inbound call from a number that can
 * be called back becomes a callback request 15 minutes later, unless the
 * caller got through meanwhile; then the later call is linked to it instead.
 * The job is unique per call and the request is made under the call's row
 * lock, so two processes never make two requests for one missed call.
 */
export function createMissedCalls(
  deps: Deps,
  jobs: JobsService,
  requestFromCall: RequestFromCall,
  requests: RequestsService,
  contacts: ContactsService,
): MissedCalls {
  /** A tracking number's routing target: its person, or whoever of its group got a request longest ago. */
  async function routeTarget(call: repo.CallRow): Promise<string | null> {
    if (!call.trackingNumberId) return null;
    const tracking = await repo.findTrackingNumber(deps.db, call.trackingNumberId);
    if (!tracking) return null;
    const locationId = tracking.locationId ?? call.locationId;
    const candidates = tracking.routeUserId ? [tracking.routeUserId] : tracking.routeGroupUserIds;
    const people = await loadPeople(deps.db, candidates);
    const eligible = candidates.filter((id) => {
      const person = people.get(id);
      return person?.active && (!locationId || person.role === 'admin' || person.locationIds.includes(locationId));
    });
    if (eligible.length <= 1) return eligible[0] ?? null;
    const load = await openLoad(deps.db, eligible);
    const lastAt = (id: string) => load.get(id)?.lastAssignedAt?.getTime() ?? 0;
    return [...eligible].sort((a, b) => lastAt(a) - lastAt(b) || eligible.indexOf(a) - eligible.indexOf(b))[0]!;
  }

  async function linkGotThrough(tx: Tx, missed: repo.CallRow): Promise<boolean> {
    const later = await repo.laterAnsweredCall(tx, missed);
    if (!later) return false;
    if (!later.followUpOfCallId) await repo.updateCall(tx, later.id, { followUpOfCallId: missed.id }, deps.clock.now());
    return true;
  }

  /**
   * A caller who tries again while a callback is open joins it: the call is linked to that
   * request and its history counts the calls. Held under the number's lock, so two calls
   * handled at the same moment never make two requests.
   */
  async function joinOpenCallback(tx: Tx, missed: repo.CallRow): Promise<string | null> {
    const number = missed.fromNumber!;
    await repo.lockCallerNumber(tx, number);
    const open = await requests.openCallbackAmong(tx, {
      requestIds: await repo.requestIdsOfCallsFrom(tx, number),
      contactIds: missed.contactId ? [missed.contactId] : missed.matchedContactIds,
    });
    if (!open) return null;
    const knownCaller = missed.matchedContactIds.length === 0 || missed.matchedContactIds.includes(open.contactId);
    const updated = await repo.updateCall(
      tx,
      missed.id,
      { requestId: open.id, contactId: missed.contactId ?? (knownCaller ? open.contactId : null) },
      deps.clock.now(),
    );
    await syncCallTimeline(tx, updated);
    await requests.recordRepeatedCall(tx, open.id, {
      callId: missed.id,
      calledAt: missed.startedAt,
      count: await repo.countMissedCallsOf(tx, open.id),
    });
    return open.id;
  }

  const missedCallJob = defineJob({
    kind: MISSED_CALL_JOB,
    payload: MissedPayload,
    handler: async ({ callId }, { log }) => {
      const call = await repo.findCall(deps.db, callId);
      if (!call || call.state !== 'missed' || call.requestId || !isLookupable(call.fromNumber)) return;
      const number = formatPhone(call.fromNumber, call.fromRaw ?? call.fromNumber);
      const tracking = call.trackingNumberId ? await repo.findTrackingNumber(deps.db, call.trackingNumberId) : null;
      const caller = await likeliestCaller(deps.db, contacts, call);
      let joined: string | null = null;
      const outcome = await requestFromCall(
        phoneSystem(call),
        call,
        {
          type: 'callback',
          subject: `Verpasster Anruf von ${number}`,
          message:
            `Anruf am ${berlinTime(call.startedAt)} nicht angenommen` +
            (tracking ? ` (Rufnummer ${tracking.label}, Quelle ${tracking.source})` : '') +
            (caller.others.length > 0
              ? `. Die Nummer gehört ${caller.others.length + 1} Kunden; gewählt wurde der betreute bzw. zuletzt aktive, die anderen stehen zur Auswahl.`
              : '.'),
          contactId: caller.contactId,
          otherContactIds: caller.others,
          customer: newCaller({ lastName: `Anrufer ${number}`, phone: call.fromNumber }),
          assigneeId: await routeTarget(call),
        },
        async (tx, locked) => {
          if (locked.state !== 'missed' || (await linkGotThrough(tx, locked))) return false;
          joined = await joinOpenCallback(tx, locked);
          return joined === null;
        },
      );
      log.info({ callId, outcome, joinedRequestId: joined }, 'missed call handled');
    },
    transactional: false,
    maxAttempts: 5,
  });
  jobs.register(missedCallJob);

  return {
    async schedule(tx, call) {
      if (call.direction !== 'inbound' || !isLookupable(call.fromNumber)) return;
      await jobs.schedule(
        tx,
        missedCallJob,
        { callId: call.id },
        { runAt: new Date(deps.clock.now().getTime() + MISSED_CALL_GRACE_MS), uniqueKey: missedKey(call.id) },
      );
    },
    async cancel(tx, callId) {
      await jobs.cancel(tx, missedKey(callId));
    },
  };
}
