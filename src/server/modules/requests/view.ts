import type { z } from 'zod';
import { OPEN_STATUSES } from '@shared/requests/enums';
import type { Attempt, CustomerRequest, RequestEvent } from '@shared/requests/schemas';
import { NotFoundError } from '@server/http/errors';
import type { RequestsContext } from './context';
import { proposeNextStep } from './next-step';
import * as repo from './repo';
import { presentSubmitted } from './submitted-view';

type UserRefs = Map<string, { id: string; displayName: string }>;
const refOf = (users: UserRefs, id: string | null) => (id ? (users.get(id) ?? null) : null);
const iso = (d: Date | null) => d?.toISOString() ?? null;

export const isOpen = (status: repo.RequestRow['status']) => OPEN_STATUSES.includes(status);

/** Open, not yet contacted, and past its deadline. */
export const isOverdue = (row: Pick<repo.RequestRow, 'status' | 'firstContactedAt' | 'firstContactDueAt'>, now: Date) =>
  isOpen(row.status) && !row.firstContactedAt && row.firstContactDueAt !== null && row.firstContactDueAt < now;

export const vehicleLabel = (v: { make: string; model: string; plate: string | null }) =>
  [v.make, v.model].join(' ') + (v.plate ? ` (${v.plate})` : '');

/**
 * Whose words the message is. The phone system files a missed call itself, with a text of its own
 * ("Anruf am … nicht angenommen"); a phone request a colleague took carries their name, and leads
 * from forms and portals carry the customer's text.
 */
const messageFrom = (row: Pick<repo.RequestRow, 'channel' | 'createdBy' | 'createdByApiKeyId'>) =>
  row.channel === 'phone' && !row.createdBy && row.createdByApiKeyId ? ('system' as const) : ('customer' as const);

/** The request as the detail view shows it: with its attempts and the proposed next step. */
export function createRequestView(ctx: RequestsContext) {
  const { deps, org, contacts, vehicles } = ctx;

  async function present(row: repo.RequestRow): Promise<CustomerRequest> {
    const attempts = await repo.listAttempts(deps.db, row.id);
    const [users, contactRefs, blocked, contact, location, vehicle] = await Promise.all([
      org.userRefs(
        [row.assigneeId, row.onBehalfOfId, ...attempts.map((a) => a.userId)].filter((v): v is string => Boolean(v)),
      ),
      contacts.refs([row.contactId]),
      contacts.blockedIds([row.contactId]),
      contacts.get(row.contactId).catch(() => null),
      org.getLocation(row.locationId),
      row.vehicleId ? vehicles.get(row.vehicleId).catch(() => null) : Promise.resolve(null),
    ]);
    const now = deps.clock.now();
    const ref = contactRefs.get(row.contactId);
    const phones = contact?.phones ?? [];
    const nextStep = proposeNextStep({
      attempts: attempts.map((a) => ({ at: a.at, channel: a.channel, outcome: a.outcome })),
      phoneValid: phones.some((p) => p.valid),
      status: row.status,
      calendar: { openingHours: location.openingHours, federalState: location.federalState },
      now,
    });
    return {
      id: row.id,
      number: row.number,
      type: row.type,
      channel: row.channel,
      source: row.source,
      campaign: row.campaign,
      locationId: row.locationId,
      brand: row.brand,
      department: row.department,
      subject: row.subject,
      message: row.message,
      messageFrom: messageFrom(row),
      contact: {
        id: row.contactId,
        displayName: ref?.displayName ?? '',
        customerNumber: ref?.customerNumber ?? '',
        blocked: blocked.has(row.contactId),
      },
      vehicle: vehicle ? { id: vehicle.id, label: vehicleLabel(vehicle) } : null,
      vehicleInterest: row.vehicleInterest ?? null,
      priority: row.priority,
      callbackFrom: iso(row.callbackFrom),
      callbackTo: iso(row.callbackTo),
      status: row.status,
      outcome: row.outcome,
      lostReason: row.lostReason,
      assignee: refOf(users, row.assigneeId),
      onBehalfOf: refOf(users, row.onBehalfOfId),
      receivedAt: row.receivedAt.toISOString(),
      firstContactDueAt: iso(row.firstContactDueAt),
      firstContactedAt: iso(row.firstContactedAt),
      overdue: isOverdue(row, now),
      escalatedAt: iso(row.escalatedAt),
      closedAt: iso(row.closedAt),
      attempts: attempts.map((a): z.infer<typeof Attempt> => ({
        id: a.id,
        at: a.at.toISOString(),
        channel: a.channel,
        outcome: a.outcome,
        note: a.note,
        user: refOf(users, a.userId),
        emailId: a.emailId,
      })),
      nextStep,
      submitted: await presentSubmitted(ctx, row, contact),
      version: row.version,
    };
  }

  async function loadRow(id: string): Promise<repo.RequestRow> {
    const row = await repo.findRequest(deps.db, id);
    if (!row) throw new NotFoundError('Request');
    return row;
  }

  async function events(id: string): Promise<Array<z.infer<typeof RequestEvent>>> {
    const list = await repo.listEvents(deps.db, id);
    const users = await org.userRefs(list.map((e) => e.actorId).filter((v): v is string => Boolean(v)));
    return list.map((e) => ({
      id: e.id,
      at: e.at.toISOString(),
      kind: e.kind,
      actor: refOf(users, e.actorId),
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      data: e.data ?? null,
    }));
  }

  return { present, loadRow, events };
}
