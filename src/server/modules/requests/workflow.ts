import { fieldError } from '@shared/errors/codes';
import type { z } from 'zod';
import { noteRequiredFor, type RequestStatus } from '@shared/requests/enums';
import type { AttemptInput, StatusChange } from '@shared/requests/schemas';
import type { Tx } from '@server/db/client';
import type { UserActor } from '@server/http/access';
import { ConflictError, ValidationError } from '@server/http/errors';
import { recordTimeline } from '@server/modules/timeline';
import { assertChange } from './access';
import { attachmentContents } from './attachments';
import type { createCallbackAppointments } from './callback-activity';
import type { RequestsContext } from './context';
import { ATTEMPT_TIMELINE_KIND, STATUS_LABEL } from './labels';
import { timelineText } from '@shared/texts/timeline';
import * as repo from './repo';
import { slaKey } from './sla';
import { isOpen } from './view';

/** Where each status may go. Closing is possible from every open status; done and lost reopen to in progress. */
const TRANSITIONS: Record<RequestStatus, readonly RequestStatus[]> = {
  new: ['assigned', 'in_progress', 'done', 'lost'],
  assigned: ['in_progress', 'waiting', 'done', 'lost'],
  in_progress: ['waiting', 'done', 'lost'],
  waiting: ['in_progress', 'done', 'lost'],
  done: ['in_progress'],
  lost: ['in_progress'],
};

/** A reply written in the request view: to which address, with which of the request's files. */
export interface EmailReply {
  to: string | null;
  attachmentIds: string[];
  templateKey: string | null;
}

/** The web app translates this message; keep it in step with SERVER_MESSAGES there. */
export const NOTE_REQUIRED = 'say what was said and offered: the customer was reached';

export function createWorkflow(
  ctx: RequestsContext,
  loadRow: (id: string) => Promise<repo.RequestRow>,
  callbacks: Pick<ReturnType<typeof createCallbackAppointments>, 'close'>,
) {
  const { deps, jobs } = ctx;

  /** Loads, checks the actor may change it, then runs the change on the locked row. */
  async function change<T>(
    actor: UserActor,
    id: string,
    work: (tx: Tx, row: repo.RequestRow, now: Date) => Promise<T>,
  ) {
    assertChange(actor, await loadRow(id));
    return deps.db.transaction(async (tx) => {
      const row = (await repo.findRequest(tx, id, true))!;
      return work(tx, row, deps.clock.now());
    });
  }

  async function timeline(
    tx: Tx,
    row: repo.RequestRow,
    actor: UserActor,
    now: Date,
    words: ReturnType<typeof timelineText>,
    body?: string | null,
  ) {
    await recordTimeline(tx, {
      contactId: row.contactId,
      vehicleId: row.vehicleId,
      kind: 'request',
      occurredAt: now,
      authorId: actor.userId,
      ...words,
      body: body ?? null,
      data: { requestId: row.id, number: row.number, status: row.status },
      sourceType: 'request',
      sourceId: row.id,
    });
  }

  async function changeStatus(actor: UserActor, id: string, input: z.output<typeof StatusChange>): Promise<void> {
    await change(actor, id, async (tx, row, now) => {
      if (input.version !== undefined && input.version !== row.version) {
        throw new ConflictError('This request was changed by someone else meanwhile. Reload it and try again.');
      }
      const from = row.status;
      const to = input.status;
      if (!TRANSITIONS[from].includes(to)) {
        throw new ConflictError(`A request that is ${STATUS_LABEL[from]} cannot become ${STATUS_LABEL[to]}.`, [
          {
            field: 'status',
            in: 'body',
            ...fieldError('status_change_not_allowed', { from, to }),
            message: `cannot change from ${from} to ${to}`,
          },
        ]);
      }
      if (to === 'assigned' && !row.assigneeId) {
        throw new ConflictError('Assign the request to someone first.', [
          { field: 'status', in: 'body', code: 'assignee_required', message: 'the request has no assignee' },
        ]);
      }
      const closing = to === 'done' || to === 'lost';
      const reopening = !isOpen(from);
      const updated = await repo.updateRequest(
        tx,
        id,
        {
          status: to,
          outcome: to === 'done' ? input.outcome : reopening ? null : row.outcome,
          lostReason: to === 'lost' ? input.lostReason : reopening ? null : row.lostReason,
          closedAt: closing ? now : null,
        },
        now,
      );
      if (closing) {
        await jobs.cancel(tx, slaKey(id));
        // The call planned for the agreed window ends with the request.
        await callbacks.close(tx, updated, actor.userId, input.note ?? null);
      }
      await repo.insertEvents(tx, [
        {
          requestId: id,
          at: now,
          actorId: actor.userId,
          kind: reopening ? 'reopened' : 'status_changed',
          fromStatus: from,
          toStatus: to,
          data: { outcome: input.outcome ?? null, lostReason: input.lostReason ?? null, note: input.note ?? null },
        },
      ]);
      const { number } = row;
      const words =
        to === 'done'
          ? timelineText('timeline.requestDone', { number, outcome: input.outcome! })
          : to === 'lost'
            ? timelineText('timeline.requestLost', { number, reason: input.lostReason! })
            : reopening
              ? timelineText('timeline.requestReopened', { number })
              : timelineText('timeline.requestStatus', { number, status: to });
      await timeline(tx, updated, actor, now, words, input.note);
    });
  }

  /** The written follow-up sent for real: through correspondence, in the attempt's transaction. */
  async function sendEmail(
    tx: Tx,
    actor: UserActor,
    row: repo.RequestRow,
    input: z.output<typeof AttemptInput>,
    reply?: EmailReply,
  ) {
    const send = input.send!;
    if (input.channel !== 'email' || input.outcome !== 'email_sent') {
      throw new ValidationError([
        {
          field: 'send',
          in: 'body',
          code: 'invalid',
          message: 'only an e-mail attempt with outcome email_sent sends a mail',
        },
      ]);
    }
    if (!ctx.correspondence) throw new ConflictError('Sending e-mail from the CRM is not available.');
    // A reply answers the customer's latest mail: its Message-ID and References thread ours into it.
    const inbound = reply ? await ctx.inboundThread?.latestInboundMail(tx, row.id) : null;
    return ctx.correspondence.sendCustomerEmailIn(tx, {
      contactId: row.contactId,
      sentById: actor.userId,
      subject: send.subject,
      text: send.text,
      requestId: row.id,
      askedInRequest: send.askedInRequest,
      templateKey: reply ? (reply.templateKey ?? 'general_reply') : 'failed_calls',
      ...(reply
        ? {
            to: reply.to,
            attachments: await attachmentContents(tx, row.id, reply.attachmentIds),
            inReplyTo: inbound?.messageId ?? null,
            references: inbound?.references ?? [],
          }
        : {}),
    });
  }

  async function recordAttempt(
    actor: UserActor,
    id: string,
    input: z.output<typeof AttemptInput>,
    reply?: EmailReply,
  ): Promise<void> {
    const now = deps.clock.now();
    const at = input.at ? new Date(input.at) : now;
    if (at > now)
      throw new ValidationError([{ field: 'at', in: 'body', code: 'in_future', message: 'must not be in the future' }]);
    await change(actor, id, async (tx, row) => {
      if (!isOpen(row.status)) {
        throw new ConflictError(`The request is ${STATUS_LABEL[row.status]}; reopen it to record a contact attempt.`);
      }
      if (noteRequiredFor(input.outcome) && !input.note?.trim()) {
        throw new ValidationError([{ field: 'note', in: 'body', code: 'note_required', message: NOTE_REQUIRED }]);
      }
      const email = input.send ? await sendEmail(tx, actor, row, input, reply) : null;
      const attempt = await repo.insertAttempt(tx, {
        requestId: id,
        at,
        channel: input.channel,
        outcome: input.outcome,
        note: input.note ?? (input.send ? `${input.send.subject}\n\n${input.send.text}` : null),
        userId: actor.userId,
        emailId: email?.id ?? null,
        createdAt: now,
      });
      const starts = row.status === 'new' || row.status === 'assigned';
      const updated = await repo.updateRequest(
        tx,
        id,
        { firstContactedAt: row.firstContactedAt ?? at, ...(starts ? { status: 'in_progress' as const } : {}) },
        now,
      );
      if (!row.firstContactedAt) await jobs.cancel(tx, slaKey(id));
      await repo.insertEvents(tx, [
        {
          requestId: id,
          at: now,
          actorId: actor.userId,
          kind: 'attempt',
          data: {
            attemptId: attempt.id,
            channel: input.channel,
            outcome: input.outcome,
            at: at.toISOString(),
            ...(email ? { emailId: email.id } : {}),
          },
        },
        ...(starts
          ? [
              {
                requestId: id,
                at: now,
                actorId: actor.userId,
                kind: 'status_changed',
                fromStatus: row.status,
                toStatus: 'in_progress' as const,
              },
            ]
          : []),
      ]);
      await recordTimeline(tx, {
        contactId: row.contactId,
        vehicleId: row.vehicleId,
        kind: ATTEMPT_TIMELINE_KIND[input.channel],
        occurredAt: at,
        authorId: actor.userId,
        ...timelineText('timeline.contactAttempt', { channel: input.channel, outcome: input.outcome }),
        body: input.note,
        data: {
          requestId: id,
          number: row.number,
          attemptId: attempt.id,
          outcome: input.outcome,
          status: updated.status,
        },
        sourceType: 'request',
        sourceId: id,
      });
    });
  }

  return { changeStatus, recordAttempt, timeline, change };
}
