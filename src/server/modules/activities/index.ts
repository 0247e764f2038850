// The public face of activities: planned contacts, tasks and appointments (Wiedervorlage) with their reminders.
export {
  type ActivitiesDeps,
  type ActivitiesService,
  type ActivityAuthor,
  type ActivityListener,
  type ActivitySavedListener,
  createActivitiesService,
} from './service';
export { type ActivityRow, type NewActivityRow } from './repo';
export {
  type ActivityFigures,
  activityFigures,
  activitiesSql,
  activityStartsAt,
  appointmentsOverlapping,
} from './read-model';
export { insertActivityChangeRows, insertActivityRows, type NewActivityChangeRow, planAllDayTasksFrom } from './bulk';
export { linkOf as activityLink } from './reminders';
export { addDaysTo, berlinDay, berlinTime, defaultReminderMinutes, reminderTime } from './time';
export { type CalendarService, createCalendarService } from './calendar/service';
