import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { MessageChannel, MessageType } from '@shared/messages/enums';
import { type MessageInput, missingMessageFields } from '@shared/messages/schemas';
import type { RequestChannel } from '@shared/requests/enums';
import { TEXT_MAX } from '@shared/text/limits';
import { notificationText } from '@shared/texts/notifications';
import { timelineText } from '@shared/texts/timeline';
import type { Deps } from '@server/deps';
import { hasLocation, type UserActor } from '@server/http/access';
import { ConflictError, type FieldError, ForbiddenError, ValidationError } from '@server/http/errors';
import { recordAudit } from '@server/modules/audit';
import {
  activeBlockOf,
  blockContactIn,
  contactRefs,
  type MergeHooks,
  unblockContactIn,
} from '@server/modules/contacts';
import type { NotificationsService } from '@server/modules/notifications';
import type { BoardService } from '@server/modules/board';
import type { OrgService } from '@server/modules/org';
import type { RequestsService } from '@server/modules/requests';
import { recordTimeline } from '@server/modules/timeline';
import { checkDayProblem } from './check-day';
import { blockPolicyOf, enteringProblem, mayBlock, mayLiftBlock } from './policy';
import * as repo from './repo';

export interface MessagesDeps {
  org: OrgService;
  /** "An das Board" opens a thread about a message through the board's face. */
  board: BoardService;
  requests: RequestsService;
  notifications: NotificationsService;
  mergeHooks: MergeHooks;
}

/** A complaint's channel as a request's. */
const REQUEST_CHANNEL: Record<MessageChannel, RequestChannel> = {
  in_person: 'walk_in',
  written: 'letter',
  phone: 'phone',
  social_media: 'social_media',
};

const fieldError = (field: string, code: FieldError['code'], message: string, params?: object): FieldError =>
  ({ field, in: 'body', code, message, ...(params ? { params } : {}) }) as FieldError;

/** Writing a message: checks, then the message and its effects in one transaction. */
export function createMessageWriter(deps: Deps, { org, requests, notifications }: MessagesDeps) {
  const { db, clock } = deps;

  /** Everything the input lacks or gets wrong, named at once (400). */
  async function validate(actor: UserActor, input: z.output<typeof MessageInput>) {
    const errors: FieldError[] = missingMessageFields(input).map((f) => fieldError(f, 'required', 'is required'));
    const locationId = input.locationId ?? actor.homeLocationId;
    if (!hasLocation(actor, locationId))
      errors.push(fieldError('locationId', 'own_location_required', 'must be a location you work at'));
    const enteredById = input.enteredById ?? actor.userId;
    const location = errors.some((e) => e.field === 'locationId') ? null : await org.getLocation(locationId);
    const entering =
      location && enteredById !== actor.userId ? await enteringProblem(db, locationId, enteredById) : null;
    if (entering === 'active_colleague_required')
      errors.push(fieldError('enteredById', entering, 'must be an active colleague of the location'));
    else if (entering === 'on_duty_required')
      errors.push(fieldError('enteredById', entering, 'must be checked in at the location'));
    if (input.responsibleId) {
      const [person] = (await org.userRefs([input.responsibleId])).values();
      if (!person?.active)
        errors.push(fieldError('responsibleId', 'active_colleague_required', 'must be an active colleague'));
    }
    const contact = input.contactId ? (await contactRefs(db, [input.contactId])).get(input.contactId) : undefined;
    if (input.contactId && !contact) errors.push(fieldError('contactId', 'unknown_contact', 'no such contact'));
    const now = clock.now();
    if (input.type === 'daily_check' && input.checkDay && location) {
      const problem = checkDayProblem(location, input.checkDay, now);
      if (problem?.code === 'in_future') errors.push(fieldError('checkDay', 'in_future', 'must not be in the future'));
      else if (problem)
        errors.push(
          fieldError('checkDay', 'check_day_out_of_window', `must be ${problem.earliest} or later`, {
            earliest: problem.earliest,
          }),
        );
    }
    if (input.type === 'block' && input.blockUntil && new Date(input.blockUntil) <= now)
      errors.push(fieldError('blockUntil', 'must_be_future', 'must be in the future'));
    if (errors.length > 0) throw new ValidationError(errors);
    return { locationId, enteredById, contact: contact!, type: input.type as MessageType, now };
  }

  function detailsFor(type: MessageType, input: z.output<typeof MessageInput>): Record<string, unknown> {
    switch (type) {
      case 'internal':
        return { internalSubject: input.internalSubject };
      case 'daily_check':
        return { checkEntryId: input.checkEntryId, checkName: input.checkName, checkDay: input.checkDay };
      case 'block':
        return {
          blockReason: input.blockReason,
          blockUntil: input.blockUntil ? new Date(input.blockUntil).toISOString() : null,
        };
      case 'house_rules':
        return { houseRule: input.houseRule };
      case 'complaint':
      case 'wish':
      case 'concern':
        return { channel: input.channel };
      default:
        return {};
    }
  }

  return async function create(actor: UserActor, input: z.output<typeof MessageInput>): Promise<repo.MessageRow> {
    const checked = await validate(actor, input);
    const { locationId, enteredById, contact, type, now } = checked;
    const id = randomUUID();
    const policy = await blockPolicyOf(db, locationId);
    if (type === 'block' && !mayBlock(policy, actor.role))
      throw new ForbiddenError('At this location your role may not block customers.');
    if (type === 'block' && (await activeBlockOf(db, contact.id, now)))
      throw new ConflictError('This customer is blocked already.');
    if (type === 'unblock' && !(await activeBlockOf(db, contact.id, now)))
      throw new ConflictError('This customer is not blocked.');
    // Intake reads before any transaction; the request is written in the message's.
    const complaint =
      type === 'complaint'
        ? await requests.prepareIntake(actor, {
            type: 'complaint',
            channel: REQUEST_CHANNEL[input.channel!],
            locationId,
            subject: input.text!.slice(0, TEXT_MAX.subject),
            message: input.text!,
            contactId: contact.id,
            assigneeId: input.responsibleId!,
            externalSource: 'customer_message',
            externalId: id,
            receivedAt: now,
          })
        : null;
    const liftsNow = type === 'unblock' && mayLiftBlock(policy, actor.role);
    // Read before the transaction: on PGlite a read beside a running transaction waits for it.
    const names = await org.userRefs([enteredById, input.responsibleId!]);
    const enteredBy = names.get(enteredById)?.displayName ?? '–';
    return db.transaction(async (tx) => {
      const requestId = complaint ? (await requests.commitIntake(tx, complaint)).row.id : null;
      const row = await repo.insertMessage(tx, {
        id,
        type,
        locationId,
        contactId: contact.id,
        responsibleId: input.responsibleId!,
        enteredById,
        createdById: actor.userId,
        text: input.text!,
        details: detailsFor(type, input),
        requestId,
        unblockState: type === 'unblock' ? (liftsNow ? 'done' : 'pending') : null,
        confirmedById: liftsNow ? actor.userId : null,
        confirmedAt: liftsNow ? now : null,
        createdAt: now,
      });
      if (type === 'block')
        await blockContactIn(
          tx,
          actor,
          contact.id,
          {
            reason: input.blockReason!,
            until: input.blockUntil ? new Date(input.blockUntil) : null,
            data: { messageId: id },
          },
          now,
        );
      if (liftsNow) await unblockContactIn(tx, actor, contact.id, input.text!, now, { messageId: id });
      if (type === 'unblock' && !liftsNow)
        await recordAudit(tx, now, actor, {
          action: 'contact.unblock_requested',
          entityType: 'contact',
          entityId: contact.id,
          data: { messageId: id },
        });
      await recordTimeline(tx, {
        contactId: contact.id,
        kind: 'message',
        occurredAt: now,
        authorId: enteredById,
        ...timelineText('timeline.customerMessage', {
          type,
          enteredBy,
          responsible: names.get(input.responsibleId!)?.displayName ?? '–',
        }),
        body: input.text!,
        data: { messageId: id, type, requestId },
        sourceType: 'customer_message',
        sourceId: id,
      });
      if (input.responsibleId !== actor.userId)
        await notifications.notify(tx, input.responsibleId!, {
          kind: 'message.received',
          link: `/messages?open=${id}`,
          data: { messageId: id, contactId: contact.id },
          text: notificationText('notification.customerMessage', {
            messageId: id,
            type,
            customer: contact.displayName,
            customerNumber: contact.customerNumber,
            enteredBy,
          }),
        });
      return row;
    });
  };
}

/** Whether the user may see a message: staff of its location, its responsible and who entered it. */
export function mayRead(actor: UserActor, row: repo.MessageRow): boolean {
  return hasLocation(actor, row.locationId) || row.responsibleId === actor.userId || row.enteredById === actor.userId;
}
