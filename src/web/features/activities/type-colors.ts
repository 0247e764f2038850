import type { ActivityType } from '@shared/activities/enums';

/** One colour per kind of activity, the same in the calendar, the lists and the badges. */
export const TYPE_COLORS: Record<ActivityType, string> = {
  call: 'blue',
  email: 'cyan',
  letter: 'gray',
  appointment: 'grape',
  test_drive: 'teal',
  offer_follow_up: 'orange',
  delivery: 'green',
  satisfaction_call: 'indigo',
  service_contact: 'yellow',
  repurchase: 'pink',
  other: 'gray',
};
