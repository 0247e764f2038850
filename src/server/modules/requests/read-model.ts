import type { RequestType } from '@shared/requests/enums';
import { inArray, sql } from 'drizzle-orm';
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

/*
 * For the call pop, which reads everything about the caller in one statement:
 * a contact's newest open requests as a JSON array (null when none).
 * `statuses` is a request_status[] parameter.
 */
export const openRequestsOfContactJson = (contactId: string, statuses: string, limit: number) =>
  `(SELECT json_agg(json_build_object('id', r.id, 'number', r.number, 'type', r.type, 'status', r.status,
                                       'subject', r.subject, 'firstContactDueAt', r.first_contact_due_at))
       FROM (SELECT * FROM customer_requests r WHERE r.contact_id = ${contactId} AND r.status = ANY(${statuses}::request_status[])
              ORDER BY r.received_at DESC LIMIT ${limit}) r)`;

export interface RequestRef {
  id: string;
  number: string;
  subject: string;
  contactId: string | null;
  locationId: string;
  assigneeId: string | null;
  type: RequestType;
  source: string | null;
  campaign: string | null;
}

/** Requests by id as other modules show them (number and subject), e.g. an activity planned for one. */
export async function requestRefs(db: DbOrTx, ids: string[]): Promise<Map<string, RequestRef>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const found = await db
    .select({
      id: customerRequests.id,
      number: customerRequests.number,
      subject: customerRequests.subject,
      contactId: customerRequests.contactId,
      locationId: customerRequests.locationId,
      assigneeId: customerRequests.assigneeId,
      type: customerRequests.type,
      source: customerRequests.source,
      campaign: customerRequests.campaign,
    })
    .from(customerRequests)
    .where(inArray(customerRequests.id, unique));
  return new Map(found.map((r) => [r.id, r]));
}

/** What a complaint case takes from its request: the customer's words, the car and where it belongs. */
export async function requestForComplaint(db: DbOrTx, id: string) {
  const [row] = await db
    .select({
      id: customerRequests.id,
      number: customerRequests.number,
      type: customerRequests.type,
      subject: customerRequests.subject,
      message: customerRequests.message,
      contactId: customerRequests.contactId,
      locationId: customerRequests.locationId,
      vehicleId: customerRequests.vehicleId,
      assigneeId: customerRequests.assigneeId,
      receivedAt: customerRequests.receivedAt,
    })
    .from(customerRequests)
    .where(inArray(customerRequests.id, [id]));
  return row ?? null;
}
