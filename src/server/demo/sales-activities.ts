import type { ActivityType } from '@shared/activities/enums';
import type { NewActivityRow } from '@server/modules/activities';
import type { Opp } from './sales-rows';

/** A sales appointment or call in the consultant's calendar (test drive, delivery, next step), as a complete row. */
export function activityRow(
  id: string,
  now: Date,
  opp: Opp,
  {
    type,
    subject,
    startsAt,
    endsAt,
    done,
  }: { type: ActivityType; subject: string; startsAt: Date; endsAt: Date | null; done: boolean },
): NewActivityRow {
  const created = new Date(Math.min(startsAt.getTime() - 2 * 86_400_000, now.getTime()));
  return {
    id,
    type,
    status: done ? 'done' : 'open',
    subject,
    note: null,
    priority: 'normal',
    ownerId: opp.ownerId,
    createdById: opp.ownerId,
    locationId: opp.locationId,
    contactId: opp.contactId,
    vehicleId: null,
    requestId: null,
    allDay: false,
    dueOn: null,
    startsAt,
    endsAt,
    place: type === 'test_drive' || type === 'delivery' ? 'Ausstellungsraum' : null,
    reminderMinutesBefore: null,
    remindAt: null,
    result: done ? 'kept' : null,
    resultNote: null,
    completedAt: done ? (endsAt ?? startsAt) : null,
    completedById: done ? opp.ownerId : null,
    cancelledAt: null,
    cancelledById: null,
    cancelReason: null,
    followUpOfId: null,
    sequence: 0,
    version: done ? 2 : 1,
    createdAt: created,
    updatedAt: done ? (endsAt ?? startsAt) : created,
  };
}
