import type { z } from 'zod';
import type { TemplateKind } from '@shared/requests/enums';
import { TEMPLATE_KINDS } from '@shared/requests/enums';
import type { CustomerRequest, EmailReplyInput, IntakeBody, RequestCreate } from '@shared/requests/schemas';
import type { DbOrTx } from '@server/db/client';
import { retryTransient } from '@server/db/retry';
import type { Deps } from '@server/deps';
import type { Actor, UserActor } from '@server/http/access';
import { assertLocation } from '@server/http/access';
import { ForbiddenError } from '@server/http/errors';
import { assertRead } from './access';
import { createAcknowledgement } from './acknowledgement';
import { createAdfIntake } from './adf-intake';
import { createAttachments } from './attachments';
import { createContext, type RequestsDeps } from './context';
import { createIntake, type IntakeInput } from './intake';
import { createRequestJobs } from './jobs';
import { createLetters } from './letters/service';
import { createLists } from './lists';
import { createMachineIntake } from './machine';
import type { RenderedTemplate } from './ports';
import { createReassignment } from './reassign';
import * as repo from './repo';
import { openCallbackAmong, recordRepeatedCall } from './repeat-calls';
import { createTypeSettings } from './type-settings';
import { createTakeOver } from './take-over';
import { createRequestView, vehicleLabel } from './view';
import { createWorkflow } from './workflow';
import { can } from '@shared/auth/policies';

export type { RequestsDeps } from './context';
export type RequestsService = ReturnType<typeof createRequestsService>;

/** Roles that take requests in at the counter or on the phone. */

/**
 * Customer requests (Anliegen): intake from every channel, the status
 * workflow, contact attempts, SLA deadlines with escalation, work lists.
 */
export function createRequestsService(deps: Deps, modules: RequestsDeps) {
  const typeSettings = createTypeSettings(deps);
  const ctx = createContext(deps, modules, typeSettings);
  const view = createRequestView(ctx);
  const jobs = createRequestJobs(ctx);
  const intake = createIntake(ctx, jobs);
  const machine = createMachineIntake(ctx, intake);
  const adf = createAdfIntake(ctx, machine);
  const workflow = createWorkflow(ctx, view.loadRow, jobs.callbackAppointments);
  const reassignment = createReassignment(ctx, jobs.callbackAppointments);
  const lists = createLists(ctx);
  const attachments = createAttachments(ctx, view.loadRow);
  const takeOver = createTakeOver(ctx, view.loadRow);
  const sendAcknowledgement = createAcknowledgement(ctx);
  const letters = createLetters(ctx, intake, view.loadRow);

  modules.mergeHooks.register('requests', (tx, sourceId, targetId) => repo.moveContact(tx, sourceId, targetId));

  /**
   * A web-form or e-mail request with the customer's address is acknowledged when its type says so.
   * The request is taken in whatever happens to the mail: a failure is logged, never answered.
   */
  async function acknowledgeIntake(body: z.output<typeof IntakeBody>, answer: { status: number; body: unknown }) {
    const channel = body.channel ?? 'web_form';
    const address = body.customer.email ?? body.customer.emails?.[0];
    const requestId = (answer.body as { request?: { id?: string } }).request?.id;
    if (answer.status !== 201 || !requestId || !address || (channel !== 'web_form' && channel !== 'email')) return;
    if (!body.type || !(await typeSettings.acknowledgementFor(deps.db, body.type))) return;
    try {
      await deps.db.transaction((tx) => sendAcknowledgement(tx, requestId, { to: address }));
    } catch (error) {
      deps.log.warn({ err: error, requestId }, 'the acknowledgement of a request could not be sent');
    }
  }

  async function get(actor: UserActor, id: string): Promise<CustomerRequest> {
    const row = await view.loadRow(id);
    assertRead(actor, row);
    return view.present(row);
  }

  /**
   * Takes one request in: the single entry for every path. Inside a caller's
   * transaction nothing may be read outside it, so the reads happen first.
   */
  async function takeIn(actor: Actor, input: IntakeInput) {
    const prepared = await intake.prepare(actor, input);
    return deps.db.transaction((tx) => intake.commit(tx, prepared));
  }

  return {
    get,
    takeIn,
    typeSettings,
    attachments,
    /** Scanned letters at reception, and their text. */
    letters,
    /** The SLA timer's definition, for writers that start a request's timer themselves (the demo data). */
    firstContactDueJob: jobs.escalation.firstContactDueJob,
    prepareIntake: intake.prepare,
    commitIntake: intake.commit,
    /** The call of a request's callback window was moved in the calendar: the window and deadline follow. */
    callbackMoved: jobs.callbackAppointments.moved,
    /** A missed call from a number with an open callback joins it instead of making another. */
    openCallbackAmong,
    recordRepeatedCall: (tx: DbOrTx, requestId: string, call: Parameters<typeof recordRepeatedCall>[2]) =>
      recordRepeatedCall(tx, requestId, call, deps.clock.now()),

    /** Staff intake: the form, the phone, the walk-in. */
    async create(actor: UserActor, body: z.output<typeof RequestCreate>): Promise<CustomerRequest> {
      if (!can(actor.role, 'requests.create')) throw new ForbiddenError();
      assertLocation(actor, body.locationId);
      const { row } = await takeIn(actor, {
        ...body,
        callbackFrom: body.callbackFrom ? new Date(body.callbackFrom) : null,
        callbackTo: body.callbackTo ? new Date(body.callbackTo) : null,
      });
      return view.present(row);
    },

    /**
     * Machine intake with an Idempotency-Key is repeated after a passing database fault even
     * if its write may have committed: the repeat looks the key up first and answers with what
     * the first try stored, so a lead is never lost to a dropped connection, nor stored twice.
     */
    takeInJson: async (...args: Parameters<typeof machine.takeInJson>) => {
      const answer = await retryTransient(() => machine.takeInJson(...args));
      await acknowledgeIntake(args[1], answer);
      return answer;
    },
    takeInAdf: (...args: Parameters<typeof adf.takeInAdf>) =>
      args[3] === null ? adf.takeInAdf(...args) : retryTransient(() => adf.takeInAdf(...args)),

    /** Takes phones, e-mails or the address a lead carried onto the request's contact. */
    async takeOverSubmitted(actor: UserActor, id: string, input: Parameters<typeof takeOver>[2]) {
      await takeOver(actor, id, input);
      return view.present(await view.loadRow(id));
    },

    events: async (actor: UserActor, id: string) => {
      assertRead(actor, await view.loadRow(id));
      return view.events(id);
    },

    async changeStatus(actor: UserActor, id: string, input: Parameters<typeof workflow.changeStatus>[2]) {
      await workflow.changeStatus(actor, id, input);
      return view.present(await view.loadRow(id));
    },

    async recordAttempt(actor: UserActor, id: string, input: Parameters<typeof workflow.recordAttempt>[2]) {
      await workflow.recordAttempt(actor, id, input);
      return view.present(await view.loadRow(id));
    },

    /** Writes to the customer from the request view; counts as an e-mail attempt. */
    async replyByEmail(actor: UserActor, id: string, input: z.output<typeof EmailReplyInput>) {
      await workflow.recordAttempt(
        actor,
        id,
        {
          channel: 'email',
          outcome: 'email_sent',
          note: null,
          send: { subject: input.subject, text: input.text, askedInRequest: true },
        },
        { to: input.to ?? null, attachmentIds: input.attachmentIds, templateKey: input.templateKey ?? null },
      );
      return view.present(await view.loadRow(id));
    },

    /** The acknowledgement mail, at most once per request; see acknowledgement.ts. */
    sendAcknowledgement,

    /** Follow every request taken in, in the intake's transaction (complaints open their case). */
    onTakenIn: ctx.takenIn.register,

    async reassign(actor: UserActor, id: string, assigneeId: string, reason: string) {
      await reassignment.reassign(actor, [id], assigneeId, reason);
      return view.present(await view.loadRow(id));
    },

    async bulkReassign(actor: UserActor, ids: string[], assigneeId: string, reason: string) {
      await reassignment.reassign(actor, ids, assigneeId, reason);
      return { reassigned: ids.length };
    },

    list: lists.listRequests,
    counts: lists.counts,
    myDay: lists.myDay,
    locationState: lists.locationState,
    async forContact(actor: UserActor, contactId: string, status: 'open' | 'all') {
      await modules.contacts.get(contactId);
      return lists.forContact(actor, contactId, status);
    },

    /** Phone script, voicemail and e-mail for this request, filled in (R3.3). */
    async templates(actor: UserActor, id: string): Promise<RenderedTemplate[]> {
      const row = await view.loadRow(id);
      assertRead(actor, row);
      const render = ctx.templates.render;
      if (typeof render !== 'function') return [];
      const [contact, location, user, vehicle] = await Promise.all([
        modules.contacts.get(row.contactId),
        modules.org.getLocation(row.locationId),
        modules.org.getUser(actor.userId),
        row.vehicleId ? modules.vehicles.get(row.vehicleId).catch(() => null) : Promise.resolve(null),
      ]);
      const interest = row.vehicleInterest as { make?: string; model?: string } | null;
      const context = {
        customer: {
          salutation: contact.salutation,
          firstName: contact.firstName,
          lastName: contact.lastName,
          displayName: contact.displayName,
        },
        request: { number: row.number, subject: row.subject },
        vehicle: vehicle
          ? vehicleLabel(vehicle)
          : interest?.make
            ? [interest.make, interest.model].filter(Boolean).join(' ')
            : null,
        location: { name: location.name, phone: location.phone },
        user: {
          displayName: user.displayName,
          phone: user.phoneExtension ? `${location.phone}-${user.phoneExtension}` : location.phone,
        },
      };
      return Promise.all(
        TEMPLATE_KINDS.map((kind: TemplateKind) => render.call(ctx.templates, row.type, kind, context)),
      );
    },
  };
}
