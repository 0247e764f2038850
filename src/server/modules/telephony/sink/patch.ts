import type { CallEvent } from '../ports';
import type * as repo from '../repo';
import type { CallProgress } from '../state';
import { union } from './numbers';
import type { PreparedEvent } from './prepare';

/**
 * What the event changes on its call: its progress, and what it tells for the
 * first time (parties, numbers, who answered, why it ended, the tracking number
 * dialled, the caller's contact). What the call knows already is kept.
 */
export function eventPatch(
  current: repo.CallRow,
  event: CallEvent,
  pre: PreparedEvent,
  progress: CallProgress,
  newUserIds: string[],
): Partial<repo.NewCallRow> {
  const answeredBy = event.answeredBy ? (pre.users.get(event.answeredBy) ?? null) : null;
  const patch: Partial<repo.NewCallRow> = {
    state: progress.state,
    startedAt: progress.startedAt,
    answeredAt: progress.answeredAt,
    endedAt: progress.endedAt,
    durationSeconds: progress.durationSeconds,
    extensions: union(current.extensions, pre.extensions),
    userIds: union(current.userIds, newUserIds),
    fromNumber: current.fromNumber ?? event.from?.e164 ?? null,
    fromRaw: current.fromRaw ?? event.from?.raw ?? null,
    toNumber: current.toNumber ?? event.to?.e164 ?? null,
    toRaw: current.toRaw ?? event.to?.raw ?? null,
    dialledNumber: current.dialledNumber ?? pre.dialled,
    answeredByUserId: current.answeredByUserId ?? answeredBy,
    endCause: current.endCause ?? (event.kind === 'ended' ? (event.cause ?? null) : null),
  };
  const { tracking, identity } = pre;
  if (tracking && !current.trackingNumberId) {
    Object.assign(patch, { trackingNumberId: tracking.id, source: tracking.source, campaign: tracking.campaign });
  }
  if (identity && !current.contactId) {
    const single = identity.matches.length === 1 ? identity.matches[0]!.contactId : null;
    Object.assign(patch, { contactId: single, matchedContactIds: identity.matches.map((m) => m.contactId) });
  }
  return patch;
}
