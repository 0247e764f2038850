import type { Activity } from '@shared/activities/schemas';
import { salesUser } from '@web/test/fixtures';

export const ACTIVITY_ID = '3c3c3c3c-0000-4000-8000-000000000001';
export const CUSTOMER = { id: '3c3c3c3c-0000-4000-8000-0000000000c1', label: 'Weber, Klaus' };

export function activityFixture(overrides: Partial<Activity> = {}): Activity {
  return {
    id: ACTIVITY_ID,
    type: 'call',
    status: 'open',
    subject: 'Angebot besprechen',
    note: null,
    priority: 'normal',
    owner: { id: salesUser.id, displayName: salesUser.displayName },
    createdBy: { id: salesUser.id, displayName: salesUser.displayName },
    locationId: salesUser.homeLocationId,
    contact: CUSTOMER,
    vehicle: null,
    request: null,
    allDay: false,
    dueOn: null,
    startsAt: '2026-03-02T10:00:00+01:00',
    endsAt: '2026-03-02T11:00:00+01:00',
    place: null,
    reminderMinutesBefore: 15,
    remindAt: '2026-03-02T09:45:00+01:00',
    overdue: false,
    result: null,
    resultNote: null,
    completedAt: null,
    completedBy: null,
    cancelledAt: null,
    cancelReason: null,
    followUpOfId: null,
    sequence: 0,
    version: 3,
    createdAt: '2026-02-20T09:00:00+01:00',
    updatedAt: '2026-02-20T09:00:00+01:00',
    ...overrides,
  };
}
