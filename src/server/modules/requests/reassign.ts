import { fieldError } from '@shared/errors/codes';
import type { UserActor } from '@server/http/access';
import { ForbiddenError, NotFoundError, ValidationError } from '@server/http/errors';
import { recordTimeline } from '@server/modules/timeline';
import type { createCallbackAppointments } from './callback-activity';
import type { RequestsContext } from './context';
import { STATUS_LABEL } from './labels';
import * as repo from './repo';
import { timelineText } from '@shared/texts/timeline';
import { isOpen } from './view';

/** Manual reassignment with a reason (R3.1): managers of the location, admins, or the assignee handing over. */
export function createReassignment(
  ctx: RequestsContext,
  callbacks: Pick<ReturnType<typeof createCallbackAppointments>, 'followAssignee'>,
) {
  const { deps, org, contacts, assignment } = ctx;

  const mayReassign = (actor: UserActor, row: repo.RequestRow) =>
    actor.role === 'admin' ||
    (actor.role === 'manager' && actor.locationIds.includes(row.locationId)) ||
    row.assigneeId === actor.userId;

  async function reassign(actor: UserActor, ids: string[], assigneeId: string, reason: string): Promise<void> {
    const rows = await repo.findRequests(deps.db, [...new Set(ids)]);
    const missing = ids.findIndex((id) => !rows.some((r) => r.id === id));
    if (missing >= 0) {
      if (ids.length === 1) throw new NotFoundError('Request');
      throw new ValidationError([
        { field: `ids.${missing}`, in: 'body', code: 'unknown_request', message: 'unknown request' },
      ]);
    }
    if (rows.some((r) => !mayReassign(actor, r))) {
      throw new ForbiddenError('Only a manager of the location or the current assignee may reassign this request.');
    }
    const closed = rows.find((r) => !isOpen(r.status));
    if (closed) {
      throw new ValidationError([
        {
          field: ids.length === 1 ? 'id' : 'ids',
          in: 'body',
          ...fieldError('request_closed', { number: closed.number }),
          message: `${closed.number} is ${STATUS_LABEL[closed.status]}`,
        },
      ]);
    }
    const user = await org.getUser(assigneeId).catch(() => null);
    const wrongPlace = user && user.role !== 'admin' && rows.find((r) => !user.locationIds.includes(r.locationId));
    if (!user?.active || wrongPlace) {
      throw new ValidationError([
        {
          field: 'assigneeId',
          in: 'body',
          code: user?.active ? 'active_colleague_required' : 'inactive_user',
          message: user?.active
            ? `does not work at the location of ${wrongPlace ? wrongPlace.number : ''}`
            : 'must be an active user',
        },
      ]);
    }
    const names = await contacts.refs(rows.map((r) => r.contactId));

    await deps.db.transaction(async (tx) => {
      const now = deps.clock.now();
      for (const locked of await repo.findRequests(
        tx,
        rows.map((r) => r.id),
        true,
      )) {
        if (locked.assigneeId === assigneeId) continue;
        // Handing it back to the person it was for ends the deputy arrangement.
        const onBehalfOfId = locked.onBehalfOfId === assigneeId ? null : locked.onBehalfOfId;
        const updated = await repo.updateRequest(
          tx,
          locked.id,
          {
            assigneeId,
            onBehalfOfId,
            assignedAt: now,
            status: locked.status === 'new' ? 'assigned' : locked.status,
          },
          now,
        );
        await repo.insertEvents(tx, [
          {
            requestId: locked.id,
            at: now,
            actorId: actor.userId,
            kind: 'reassigned',
            fromStatus: locked.status,
            toStatus: updated.status,
            data: { fromAssigneeId: locked.assigneeId, toAssigneeId: assigneeId, reason },
          },
        ]);
        await recordTimeline(tx, {
          contactId: locked.contactId,
          vehicleId: locked.vehicleId,
          kind: 'request',
          occurredAt: now,
          authorId: actor.userId,
          ...timelineText('timeline.requestReassigned', { number: locked.number, assignee: user.displayName, reason }),
          data: { requestId: locked.id, number: locked.number, assigneeId },
          sourceType: 'request',
          sourceId: locked.id,
        });
        // The agreed callback goes with the request into the new assignee's calendar.
        await callbacks.followAssignee(tx, updated, actor.userId);
        await assignment.announce(tx, {
          request: {
            id: locked.id,
            number: locked.number,
            subject: locked.subject,
            type: locked.type,
            locationId: locked.locationId,
            contactDisplayName: names.get(locked.contactId)?.displayName ?? '',
          },
          assigneeId,
          onBehalfOfId,
          notifyUserIds: [],
          reassignedBy: actor.userId,
          reason,
        });
      }
    });
  }

  return { reassign };
}
