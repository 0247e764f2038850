import type { Activity } from '@shared/activities/schemas';
import type { ActivityPriority, ActivityResult, ActivityStatus, ActivityType } from '@shared/activities/enums';
import type { ActivityRow } from './repo';
import { isOverdue } from './time';

/** Names of the people and records an activity points at, looked up once per list. */
export interface ActivityRefs {
  users: Map<string, string>;
  contacts: Map<string, string>;
  vehicles: Map<string, string>;
  requests: Map<string, string>;
}

const userRef = (refs: ActivityRefs, id: string | null) => (id ? { id, displayName: refs.users.get(id) ?? '—' } : null);
const ref = (map: Map<string, string>, id: string | null) => (id ? { id, label: map.get(id) ?? '—' } : null);

export function presentActivity(row: ActivityRow, refs: ActivityRefs, now: Date): Activity {
  return {
    id: row.id,
    type: row.type as ActivityType,
    status: row.status as ActivityStatus,
    subject: row.subject,
    note: row.note,
    priority: row.priority as ActivityPriority,
    owner: userRef(refs, row.ownerId)!,
    createdBy: userRef(refs, row.createdById),
    locationId: row.locationId,
    contact: ref(refs.contacts, row.contactId),
    vehicle: ref(refs.vehicles, row.vehicleId),
    request: ref(refs.requests, row.requestId),
    allDay: row.allDay,
    dueOn: row.dueOn,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt?.toISOString() ?? null,
    place: row.place,
    reminderMinutesBefore: row.reminderMinutesBefore,
    remindAt: row.remindAt?.toISOString() ?? null,
    overdue: isOverdue(row, now),
    result: row.result as ActivityResult | null,
    resultNote: row.resultNote,
    completedAt: row.completedAt?.toISOString() ?? null,
    completedBy: userRef(refs, row.completedById),
    cancelledAt: row.cancelledAt?.toISOString() ?? null,
    cancelReason: row.cancelReason,
    followUpOfId: row.followUpOfId,
    sequence: row.sequence,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
