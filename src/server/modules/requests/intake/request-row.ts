import { actorIds } from '@server/http/actor';
import type * as repo from '../repo';
import type { PreparedIntake } from './types';

/** The request as it is stored: assigned at once when the decision named someone. */
export function requestRow(prepared: PreparedIntake, contactId: string, now: Date): repo.RequestRow {
  const { input, location, receivedAt, dueAt, decision } = prepared;
  const { userId, apiKeyId } = actorIds(prepared.actor);
  return {
    id: prepared.requestId,
    number: prepared.number,
    type: input.type,
    channel: input.channel,
    source: input.source ?? null,
    campaign: input.campaign ?? null,
    locationId: location.id,
    brand: input.brand ?? null,
    department: input.department ?? null,
    subject: input.subject,
    message: input.message ?? null,
    contactId,
    vehicleId: input.vehicleId ?? null,
    vehicleInterest: input.vehicleInterest ?? null,
    priority: input.priority ?? 'normal',
    callbackFrom: input.callbackFrom ?? null,
    callbackTo: input.callbackTo ?? null,
    callbackActivityId: null,
    status: decision.assigneeId ? 'assigned' : 'new',
    outcome: null,
    lostReason: null,
    assigneeId: decision.assigneeId,
    onBehalfOfId: decision.onBehalfOfId,
    assignmentRuleId: decision.ruleId,
    assignedAt: decision.assigneeId ? now : null,
    receivedAt,
    firstContactDueAt: dueAt,
    acknowledgedAt: null,
    firstContactedAt: null,
    escalatedAt: null,
    closedAt: null,
    externalSource: input.externalSource ?? null,
    externalId: input.externalId ?? null,
    submittedCustomer: prepared.submitted,
    contactMatch: prepared.match,
    contentHash: input.contentHash ?? null,
    createdBy: userId,
    createdByApiKeyId: apiKeyId,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}
