import type { DbOrTx } from '@server/db/client';
import type { WriteBatch } from '@server/db/together';
import type { RequestsContext } from '../context';
import type * as repo from '../repo';
import type { PreparedIntake } from './types';

/** Tells the assignee (and whom the decision names besides) about the new request, in the intake's statement. */
export async function announceAssignee(
  { assignment }: Pick<RequestsContext, 'assignment'>,
  tx: DbOrTx,
  batch: WriteBatch,
  prepared: PreparedIntake,
  row: repo.RequestRow,
): Promise<void> {
  const { decision, location } = prepared;
  if (!decision.assigneeId) return;
  await assignment.announce(
    tx,
    {
      request: {
        id: row.id,
        number: row.number,
        subject: row.subject,
        type: row.type,
        locationId: row.locationId,
        contactDisplayName: prepared.contactDisplayName,
        firstContactDueAt: prepared.dueAt,
      },
      assigneeId: decision.assigneeId,
      onBehalfOfId: decision.onBehalfOfId,
      notifyUserIds: decision.notifyUserIds,
      mailAssignee: decision.mailAssignee,
      known: { people: decision.people, locationName: location.name },
    },
    batch,
  );
}
