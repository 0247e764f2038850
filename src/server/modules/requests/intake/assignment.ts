import type { Location } from '@shared/org/schemas';
import type { RequestsContext } from '../context';
import type { AssignmentDecisionResult } from '../ports';
import type { IntakeInput } from './types';

/** Staff chose the assignee: no rule applies, nobody else is told. */
const chosenByStaff = (assigneeId: string): AssignmentDecisionResult => ({
  assigneeId,
  onBehalfOfId: null,
  onBehalfUntil: null,
  ruleId: null,
  ruleName: null,
  notifyUserIds: [],
  explanation: ['chosen by staff'],
});

/**
 * Who gets the request, decided before the transaction: the reads and the
 * round-robin step then hold nothing while the request is written.
 */
export async function decideAssignee(
  { deps, assignment }: Pick<RequestsContext, 'deps' | 'assignment'>,
  input: IntakeInput,
  at: { location: Location; contactId: string | null; receivedAt: Date; referenceVersion: number | null },
): Promise<AssignmentDecisionResult> {
  if (input.assigneeId) return chosenByStaff(input.assigneeId);
  return assignment.decide(
    deps.db,
    {
      type: input.type,
      locationId: at.location.id,
      locationName: at.location.name,
      brand: input.brand ?? null,
      source: input.source ?? null,
      department: input.department ?? null,
      contactId: at.contactId,
      at: at.receivedAt,
      seenNow: input.channel === 'walk_in',
    },
    { referenceVersion: at.referenceVersion },
  );
}
