import type { SQLWrapper } from 'drizzle-orm';
import type { DbOrTx } from '@server/db/client';
import { timelineInsert } from '@server/modules/timeline';
import { timelineText } from '@shared/texts/timeline';
import * as repo from '../repo';
import { matchedBy } from './contact-writes';
import { actorIds } from '@server/http/actor';
import type { PreparedIntake } from './types';

/** The request's own history: created, and assigned when the decision named someone. */
function requestEvents(tx: DbOrTx, prepared: PreparedIntake, row: repo.RequestRow, contactMatched: boolean, now: Date) {
  const { input, decision } = prepared;
  const { userId, apiKeyId } = actorIds(prepared.actor);
  const created: repo.EventInsert = {
    requestId: row.id,
    at: now,
    actorId: userId,
    kind: 'created',
    toStatus: 'new',
    data: {
      channel: input.channel,
      contactId: row.contactId,
      contactMatched: contactMatched ? matchedBy(prepared) : null,
      apiKeyId,
      ...(input.repairs?.length ? { repairs: input.repairs } : {}),
    },
  };
  if (!decision.assigneeId) return repo.eventsInsert(tx, [created]);
  const assigned: repo.EventInsert = {
    requestId: row.id,
    at: now,
    actorId: userId,
    kind: 'assigned',
    fromStatus: 'new',
    toStatus: 'assigned',
    data: {
      assigneeId: decision.assigneeId,
      onBehalfOfId: decision.onBehalfOfId,
      ruleId: decision.ruleId,
      ruleName: decision.ruleName,
      explanation: decision.explanation,
    },
  };
  return repo.eventsInsert(tx, [created, assigned]);
}

/** The request's history and its entry on the customer's timeline, as writes of the intake's statement. */
export function historyWrites(
  tx: DbOrTx,
  prepared: PreparedIntake,
  row: repo.RequestRow,
  contactMatched: boolean,
  now: Date,
): SQLWrapper[] {
  return [
    requestEvents(tx, prepared, row, contactMatched, now),
    timelineInsert(tx, [
      {
        contactId: row.contactId,
        vehicleId: row.vehicleId,
        kind: 'request',
        occurredAt: now,
        authorId: actorIds(prepared.actor).userId,
        ...timelineText('timeline.requestReceived', { number: row.number, type: row.type, subject: row.subject }),
        body: row.message,
        data: { requestId: row.id, number: row.number, type: row.type, channel: row.channel, status: row.status },
        sourceType: 'request',
        sourceId: row.id,
      },
    ]),
  ];
}
