import type { CallDirection } from '@shared/telephony/enums';
import type { Deps } from '@server/deps';
import { type CallerIdentity, identifyCaller } from '../caller-id';
import type { CallEvent, CallParty } from '../ports';
import * as repo from '../repo';
import { customerNumberOf, union } from './numbers';

const customerParty = (direction: CallDirection, event: CallEvent): CallParty | undefined =>
  direction === 'outbound' ? event.to : direction === 'inbound' ? event.from : undefined;

export type PreparedEvent = Awaited<ReturnType<typeof prepareEvent>>;

/** Reads what an event needs before its transaction: the call, its parent, caller, line and extensions. */
export async function prepareEvent({ db, database }: Pick<Deps, 'db' | 'database'>, event: CallEvent) {
  const key = { provider: event.provider, connectionId: event.connectionId, externalId: event.callId };
  const existing = await repo.findCallByKey(db, key);
  const direction: CallDirection =
    existing?.direction ?? event.direction ?? (event.kind === 'originated' ? 'outbound' : 'inbound');
  const parent =
    event.parentCallId && !existing?.parentCallId
      ? await repo.findCallByKey(db, { ...key, externalId: event.parentCallId })
      : undefined;

  const party = customerParty(direction, event);
  const knownNumber = existing ? customerNumberOf(existing) : null;
  const identity: CallerIdentity | null =
    party?.e164 && party.e164 !== knownNumber && !parent ? await identifyCaller(database, party.e164) : null;

  const dialled = event.dialled ?? (direction === 'inbound' ? (event.to?.e164 ?? null) : null);
  const tracking =
    dialled && !existing?.trackingNumberId && !parent?.trackingNumberId
      ? await repo.activeTrackingNumber(db, dialled)
      : undefined;
  const connection = existing ? undefined : await repo.findConnection(db, event.connectionId);
  const extensions = union(event.extensions ?? [], event.answeredBy ? [event.answeredBy] : []);
  const users = await repo.usersAtExtensions(db, event.connectionId, extensions);
  const knownContact = existing?.contactId ?? parent?.contactId ?? null;
  const contactName =
    identity?.matches.length === 1
      ? identity.matches[0]!.displayName
      : knownContact
        ? await repo.contactDisplayName(db, knownContact)
        : null;
  return { key, existing, direction, parent, identity, dialled, tracking, connection, extensions, users, contactName };
}
