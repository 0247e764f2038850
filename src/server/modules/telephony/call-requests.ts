import type { RequestType } from '@shared/requests/enums';
import { formatPhone } from '@shared/contacts/normalize';
import type { NewCustomer } from '@shared/requests/schemas';
import type { SubmittedCustomer } from '@shared/requests/submitted';
import type { Deps } from '@server/deps';
import type { Tx } from '@server/db/client';
import type { Actor } from '@server/http/access';
import type { OrgService } from '@server/modules/org';
import type { RequestsService } from '@server/modules/requests';
import * as repo from './repo';
import { syncCallTimeline } from './timeline';

/** A new contact for an unknown caller: a name and the number it called from. */
export const newCaller = (fields: Partial<NewCustomer> & { lastName: string; phone: string | null }): NewCustomer => ({
  salutation: 'none',
  firstName: null,
  companyName: null,
  street: null,
  postalCode: null,
  city: null,
  email: null,
  ...fields,
});

/** What the phone system told us about the caller: the number, as the customer's details on the request. */
const callerAsSubmitted = (call: repo.CallRow): SubmittedCustomer => ({
  salutation: null,
  firstName: null,
  lastName: null,
  fullName: null,
  companyName: null,
  phones: [{ number: formatPhone(call.fromNumber, call.fromRaw ?? ''), kind: null, e164: call.fromNumber }],
  emails: [],
  address: null,
});

export interface CallRequestPlan {
  type: RequestType;
  subject: string;
  message: string | null;
  contactId: string | null;
  /** For an unknown caller: the new contact, with the caller's number. */
  customer: NewCustomer | null;
  callbackFrom?: Date | null;
  callbackTo?: Date | null;
  /** Other customers the caller may be (a shared number), kept on the request to choose from. */
  otherContactIds?: string[];
  /** Overrides the assignment rules (a tracking number's routing target). */
  assigneeId?: string | null;
  /** A location to fall back on when neither line nor tracking number has one. */
  fallbackLocationId?: string | null;
}

export type CallRequestOutcome =
  { created: true; requestId: string } | { created: false; reason: 'already' | 'skipped' };

/**
 * Takes a request in from a call through the requests module's intake (the
 * one path every channel uses: assignment, deadline, alerts, history) and
 * links it to the call, in one transaction with the call row locked, so a
 * call never gets two requests. `proceed` may decide under the lock that
 * nothing is to be made after all.
 */
export function createCallRequests(deps: Deps, requests: RequestsService, org: OrgService) {
  async function locationFor(call: repo.CallRow, plan: Pick<CallRequestPlan, 'fallbackLocationId'>): Promise<string> {
    const tracking = call.trackingNumberId ? await repo.findTrackingNumber(deps.db, call.trackingNumberId) : undefined;
    const chosen = tracking?.locationId ?? call.locationId ?? plan.fallbackLocationId;
    if (chosen) return chosen;
    const locations = await org.listLocations();
    return (locations.find((l) => l.active) ?? locations[0])!.id;
  }

  const requestFromCall = async function requestFromCall(
    actor: Actor,
    call: repo.CallRow,
    plan: CallRequestPlan,
    proceed: (tx: Tx, locked: repo.CallRow) => Promise<boolean> = async () => true,
  ): Promise<CallRequestOutcome> {
    const prepared = await requests.prepareIntake(
      actor,
      {
        type: plan.type,
        channel: 'phone',
        source: call.source,
        campaign: call.campaign,
        locationId: await locationFor(call, plan),
        subject: plan.subject,
        message: plan.message,
        contactId: plan.contactId,
        customer: plan.contactId ? null : plan.customer,
        callbackFrom: plan.callbackFrom ?? null,
        callbackTo: plan.callbackTo ?? null,
        assigneeId: plan.assigneeId ?? null,
        receivedAt: call.startedAt,
        ...(plan.contactId && plan.otherContactIds?.length
          ? { otherContactIds: plan.otherContactIds, submittedCustomer: callerAsSubmitted(call) }
          : {}),
      },
      { lenientPhones: true },
    );
    return deps.db.transaction(async (tx) => {
      const locked = (await repo.findCall(tx, call.id, true))!;
      if (locked.requestId) return { created: false, reason: 'already' } as const;
      if (!(await proceed(tx, locked))) return { created: false, reason: 'skipped' } as const;
      const { row } = await requests.commitIntake(tx, prepared);
      const updated = await repo.updateCall(
        tx,
        call.id,
        { requestId: row.id, contactId: locked.contactId ?? row.contactId },
        deps.clock.now(),
      );
      await syncCallTimeline(tx, updated);
      return { created: true, requestId: row.id } as const;
    });
  };
  /** The location a request from the call belongs to: the tracking number's, the line's, else the fallback. */
  return Object.assign(requestFromCall, { locationFor });
}

export type RequestFromCall = ReturnType<typeof createCallRequests>;
