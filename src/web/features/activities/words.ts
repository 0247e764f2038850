import type { TFunction } from 'i18next';
import { APPOINTMENT_TYPES, REMINDER_LEAD_MINUTES, type ActivityType } from '@shared/activities/enums';
import type { Activity } from '@shared/activities/schemas';
import { currentLocale } from '@web/i18n';
import { dateFormat } from '@web/ui/format';
import { berlinParts, hhmm, TIME_ZONE } from './time';

export const isAppointmentType = (type: ActivityType) => APPOINTMENT_TYPES.includes(type);

/** "15 Minuten vorher", "1 Tag vorher", "keine Erinnerung" … for the lead-time select. */
export function reminderOptions(t: TFunction) {
  const label = (minutes: number) => {
    if (minutes === 0) return t('activity.reminders.atTime');
    if (minutes % 1440 === 0) return t('activity.reminders.days', { count: minutes / 1440 });
    if (minutes % 60 === 0) return t('activity.reminders.hours', { count: minutes / 60 });
    return t('activity.reminders.minutes', { count: minutes });
  };
  return [
    { value: 'none', label: t('activity.reminders.none') },
    ...REMINDER_LEAD_MINUTES.map((minutes) => ({ value: String(minutes), label: label(minutes) })),
  ];
}

const intlLocale = () => (currentLocale() === 'de' ? 'de-DE' : 'en-GB');

/** "Di., 10.03." */
export function formatShortDay(day: string) {
  return dateFormat(intlLocale(), {
    weekday: 'short',
    day: '2-digit',
    month: '2-digit',
    timeZone: 'UTC',
  }).format(new Date(`${day}T12:00:00Z`));
}

/** "Di., 10.03.2026" */
export function formatDay(day: string) {
  return dateFormat(intlLocale(), {
    weekday: 'short',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${day}T12:00:00Z`));
}

/** When an activity is due, as a person says it: "Di., 10.03.2026, 14:00–15:00" or "Di., 10.03.2026, ganztägig". */
export function formatWhen(activity: Pick<Activity, 'allDay' | 'dueOn' | 'startsAt' | 'endsAt'>, t: TFunction) {
  if (activity.allDay && activity.dueOn) return `${formatDay(activity.dueOn)}, ${t('activity.allDayLabel')}`;
  const start = berlinParts(activity.startsAt);
  const end = activity.endsAt ? berlinParts(activity.endsAt) : null;
  const endText = end
    ? end.day === start.day
      ? `–${hhmm(end.minutes)}`
      : ` – ${formatDay(end.day)} ${hhmm(end.minutes)}`
    : '';
  return `${formatDay(start.day)}, ${hhmm(start.minutes)}${endText}`;
}

export { TIME_ZONE };
