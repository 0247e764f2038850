import { sql } from 'drizzle-orm';
import { OPEN_STATUSES } from '@shared/requests/enums';
import { type DbOrTx, rows } from '@server/db/client';
import { customerRequests } from './tables';

/**
 * Workload for least-loaded assignment: open requests per person and when
 * each last received one, read in the caller's transaction.
 * Per person: the open count from the partial "open" index, the latest
 * assignment from the (assignee, assigned_at) index; years of closed
 * requests are never scanned.
 */
export async function openLoad(
  db: DbOrTx,
  userIds: string[],
): Promise<Map<string, { open: number; lastAssignedAt: Date | null }>> {
  const map = new Map<string, { open: number; lastAssignedAt: Date | null }>();
  if (userIds.length === 0) return map;
  const open = sql.join(
    OPEN_STATUSES.map((s) => sql`${s}`),
    sql`, `,
  );
  const found = await rows<{ user_id: string; open: number; last_assigned_at: string | Date | null }>(
    db,
    sql`
    SELECT u.id AS user_id,
      (SELECT count(*)::int FROM ${customerRequests} r
        WHERE r.assignee_id = u.id AND r.status IN (${open})) AS open,
      (SELECT max(r.assigned_at) FROM ${customerRequests} r WHERE r.assignee_id = u.id) AS last_assigned_at
    FROM unnest(${`{${userIds.join(',')}}`}::uuid[]) AS u(id)`,
  );
  for (const r of found) {
    map.set(r.user_id, {
      open: Number(r.open),
      lastAssignedAt: r.last_assigned_at ? new Date(r.last_assigned_at) : null,
    });
  }
  return map;
}
