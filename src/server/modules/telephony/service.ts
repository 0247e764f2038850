import { REQUEST_TYPE_LABELS } from '@shared/requests/labels';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { parsePhone } from '@shared/contacts/normalize';
import type {
  CallAttemptInput,
  CallListQuery,
  CallRequestInput,
  ClickToCallResponse,
  WebhookCallEvent,
} from '@shared/telephony/schemas';
import type { DbOrTx } from '@server/db/client';
import type { Deps } from '@server/deps';
import type { UserActor } from '@server/http/access';
import { ConflictError, DomainError, ForbiddenError, NotFoundError, ValidationError } from '@server/http/errors';
import type { JobsService } from '@server/jobs/service';
import type { AssignmentService } from '@server/modules/assignment';
import type { ContactsService, MergeHooks } from '@server/modules/contacts';
import type { EventBus, NotificationsService } from '@server/modules/notifications';
import type { OrgService } from '@server/modules/org';
import type { RequestsService } from '@server/modules/requests';
import { createCallRequests, newCaller } from './call-requests';
import { identifyCaller } from './caller-id';
import { createMissedCalls } from './missed';
import { loadPop } from './pop';
import { AdapterRegistry, canDial } from './registry';
import * as repo from './repo';
import { createCallSink } from './sink';
import { isTerminal } from './state';
import { registerStaleCalls } from './stale-calls';
import { syncCallTimeline } from './timeline';
import { type CallView, listCallViews, liveCallViews, loadCallView, toCall } from './view';
import { assertWebhookConnection, fromWebhook } from './webhook';

export interface TelephonyModules {
  org: OrgService;
  assignment: AssignmentService;
  contacts: ContactsService;
  requests: RequestsService;
  notifications: NotificationsService;
  events: EventBus;
  jobs: JobsService;
  mergeHooks: MergeHooks;
}

export type TelephonyService = ReturnType<typeof createTelephonyService>;

/** A call that rang more than this long ago and never ended is not shown as live any more. */
const LIVE_WINDOW_MS = 12 * 3600_000;

const onCall = (actor: UserActor, view: CallView) => view.userIds.includes(actor.userId);
const atLocation = (actor: UserActor, view: CallView) =>
  view.locationId === null || actor.locationIds.includes(view.locationId);

/** Reading: admins, the users on the call, colleagues at the call's location. */
function assertRead(actor: UserActor, view: CallView) {
  if (actor.role === 'admin' || onCall(actor, view) || atLocation(actor, view)) return;
  throw new ForbiddenError('You do not work at the location of this call.');
}

/** Notes, contact, requests: the users on the call, managers of its location, admins. */
function assertAct(actor: UserActor, view: CallView) {
  if (actor.role === 'admin' || onCall(actor, view)) return;
  if (actor.role === 'manager' && atLocation(actor, view)) return;
  throw new ForbiddenError('Only the people on this call or a manager of its location may do this.');
}

/**
 * Telephony: the call model fed by every adapter through one sink, caller
 * identification and screen pop, notes and the requests made from calls,
 * missed-call callbacks, click-to-call.
 */
export function createTelephonyService(deps: Deps, modules: TelephonyModules) {
  const { db, database, clock } = deps;
  const requestFromCall = createCallRequests(deps, modules.requests, modules.org);
  const missed = createMissedCalls(deps, modules.jobs, requestFromCall, modules.requests, modules.contacts);
  const sink = createCallSink(deps, modules.notifications, missed);
  const adapters = new AdapterRegistry(deps, sink, modules.events);
  registerStaleCalls(deps, modules.jobs, sink.emitCall);
  modules.mergeHooks.register('telephony', (tx, sourceId, targetId) => repo.moveContact(tx, sourceId, targetId));

  async function view(id: string): Promise<CallView> {
    const found = await loadCallView(database, id);
    if (!found) throw new NotFoundError('Call');
    return found;
  }

  async function readable(actor: UserActor, id: string) {
    const found = await view(id);
    assertRead(actor, found);
    return found;
  }

  async function actionable(actor: UserActor, id: string) {
    const found = await view(id);
    assertAct(actor, found);
    return found;
  }

  return {
    sink,
    adapters,
    /** Delivers one event as an adapter would; for adapters, tests and the webhook. */
    handle: sink.handle,

    async receiveWebhook(connectionId: string, body: WebhookCallEvent) {
      const connection = await repo.findConnection(db, connectionId);
      assertWebhookConnection(connection);
      return sink.handle(fromWebhook(connection, body, clock.now()));
    },

    /** The caller-id rules alone (exact, tail, company main number), as the pop and the bench use them. */
    identify: (e164: string | null) => identifyCaller(database, e164),

    list: (actor: UserActor, query: z.output<typeof CallListQuery>) => listCallViews(database, actor, query),

    live: (actor: UserActor) => liveCallViews(database, actor.userId, new Date(clock.now().getTime() - LIVE_WINDOW_MS)),

    /**
     * Which of these users are on the phone right now (ringing at their
     * extension, or talking): assignment asks it for "whoever is free now".
     * Pass the transaction when inside one.
     */
    onCallNow: (userIds: string[], tx: DbOrTx = db) =>
      repo.usersOnLiveCalls(tx, userIds, new Date(clock.now().getTime() - LIVE_WINDOW_MS)),

    async get(actor: UserActor, id: string) {
      return toCall(await readable(actor, id));
    },

    async pop(actor: UserActor, id: string) {
      return loadPop(database, await readable(actor, id), clock.now());
    },

    async chooseContact(actor: UserActor, id: string, contactId: string) {
      await actionable(actor, id);
      if (!(await modules.contacts.exists(contactId))) {
        throw new ValidationError([
          { field: 'contactId', in: 'body', code: 'unknown_contact', message: 'unknown contact' },
        ]);
      }
      const name = await repo.contactDisplayName(db, contactId);
      await db.transaction(async (tx) => {
        const locked = (await repo.findCall(tx, id, true))!;
        const call = await repo.updateCall(tx, id, { contactId }, clock.now());
        await syncCallTimeline(tx, call);
        if (!isTerminal(call.state) && locked.contactId !== contactId) {
          await sink.emitCall(tx, call, call.userIds, name);
        }
      });
      return toCall(await view(id));
    },

    async saveNote(actor: UserActor, id: string, note: string) {
      await actionable(actor, id);
      await db.transaction(async (tx) => {
        await repo.findCall(tx, id, true);
        const call = await repo.updateCall(
          tx,
          id,
          { note: note === '' ? null : note, noteAuthorId: actor.userId, noteAt: clock.now() },
          clock.now(),
        );
        await syncCallTimeline(tx, call);
      });
      return toCall(await view(id));
    },

    /** The note pad in one step to a callback, service appointment, complaint … request (R0.5). */
    async makeRequest(actor: UserActor, id: string, input: z.output<typeof CallRequestInput>) {
      const found = await actionable(actor, id);
      const call = (await repo.findCall(db, id))!;
      if (call.requestId) throw new ConflictError('A request was made from this call already.');
      const contactId = input.contactId ?? call.contactId;
      const number = call.direction === 'outbound' ? call.toNumber : call.fromNumber;
      if (!contactId && !input.newContact) {
        throw new ValidationError([
          {
            field: 'contactId',
            in: 'body',
            code: 'contact_or_customer_required',
            message: 'choose the customer or give a new contact (newContact)',
          },
        ]);
      }
      if (!contactId && !number && !input.newContact?.email) {
        throw new ValidationError([
          {
            field: 'newContact.email',
            in: 'body',
            code: 'required',
            message: 'the caller withheld the number: give an e-mail address',
          },
        ]);
      }
      const message = input.message ?? call.note;
      const outcome = await requestFromCall(actor, call, {
        type: input.type,
        subject: input.subject ?? `${REQUEST_TYPE_LABELS.de[input.type]} (Anruf)`,
        message,
        contactId: contactId ?? null,
        customer: input.newContact
          ? newCaller({
              firstName: input.newContact.firstName ?? null,
              lastName: input.newContact.lastName,
              email: input.newContact.email ?? null,
              phone: number,
            })
          : null,
        callbackFrom: input.callbackFrom ? new Date(input.callbackFrom) : null,
        callbackTo: input.callbackTo ? new Date(input.callbackTo) : null,
        assigneeId: input.assigneeId ?? null,
        fallbackLocationId: found.locationId ?? actor.homeLocationId,
      });
      if (!outcome.created) throw new ConflictError('A request was made from this call already.');
      return { call: toCall(await view(id)), request: await modules.requests.get(actor, outcome.requestId) };
    },

    /**
     * Who a callback from this call would go to by the rules, for the user to confirm or change
     * before making it. Rules the user may not try out (another location) propose nobody.
     */
    async callbackProposal(actor: UserActor, id: string) {
      const found = await actionable(actor, id);
      const call = (await repo.findCall(db, id))!;
      const locationId = await requestFromCall.locationFor(call, {
        fallbackLocationId: found.locationId ?? actor.homeLocationId,
      });
      const decision = await modules.assignment
        .probe(actor, { type: 'callback', locationId, contactId: call.contactId, brand: null, source: call.source })
        .catch((err: unknown) => {
          if (err instanceof ForbiddenError) return null;
          throw err;
        });
      return { assignee: decision?.assignee ?? null, locationId };
    },

    /** Logs the call as a contact attempt on an open request, through the requests workflow. */
    async logAttempt(actor: UserActor, id: string, input: z.output<typeof CallAttemptInput>) {
      const found = await actionable(actor, id);
      const at = new Date(found.answeredAt ?? found.startedAt);
      const request = await modules.requests.recordAttempt(actor, input.requestId, {
        channel: 'phone',
        outcome: input.outcome,
        note: input.note ?? found.note ?? null,
        at: (at > clock.now() ? clock.now() : at).toISOString(),
      });
      if (!found.requestId) {
        await db.transaction(async (tx) => {
          const locked = (await repo.findCall(tx, id, true))!;
          if (!locked.requestId) await repo.updateCall(tx, id, { requestId: input.requestId }, clock.now());
        });
      }
      return { call: toCall(await view(id)), request };
    },

    /** Dials through the phone system at the user's extension, or hands back a tel: link. */
    async clickToCall(actor: UserActor, input: { number: string; contactId?: string }) {
      const { e164 } = parsePhone(input.number);
      if (!e164)
        throw new ValidationError([
          { field: 'number', in: 'body', code: 'invalid_phone', message: 'is not a phone number' },
        ]);
      const href = `tel:${e164}`;
      const extension = (await repo.extensionsOfUser(db, actor.userId)).find((x) =>
        canDial(adapters.adapterFor(x.connectionId)),
      );
      if (!extension) return { mode: 'tel', href, callId: null } satisfies z.infer<typeof ClickToCallResponse>;
      const adapter = adapters.adapterFor(extension.connectionId)!;
      let externalCallId: string | null;
      try {
        ({ externalCallId } = await adapter.makeCall({ extension: extension.extension, to: e164 }));
      } catch (err) {
        deps.log.warn({ err, connectionId: extension.connectionId }, 'click-to-call failed');
        throw new DomainError(502, 'pbx-unavailable', 'The phone system did not place the call. Dial it by hand.');
      }
      const identity = input.contactId ? null : await identifyCaller(database, e164);
      const connection = await repo.findConnection(db, extension.connectionId);
      const callId = await db.transaction(async (tx) => {
        const key = {
          provider: extension.provider,
          connectionId: extension.connectionId,
          externalId: externalCallId ?? `click-to-call:${randomUUID()}`,
        };
        const { row } = await repo.insertCall(
          tx,
          {
            ...key,
            direction: 'outbound',
            state: 'ringing',
            fromRaw: extension.extension,
            toNumber: e164,
            toRaw: input.number,
            contactId: input.contactId ?? (identity?.matches.length === 1 ? identity.matches[0]!.contactId : null),
            matchedContactIds: input.contactId ? [input.contactId] : (identity?.matches.map((m) => m.contactId) ?? []),
            extensions: [extension.extension],
            userIds: [actor.userId],
            startedAt: clock.now(),
            locationId: connection?.locationId ?? null,
          },
          key,
        );
        return row.id;
      });
      return { mode: 'pbx', href, callId } satisfies z.infer<typeof ClickToCallResponse>;
    },
  };
}
