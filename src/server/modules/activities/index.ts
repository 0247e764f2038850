// The public face of activities: planned contacts, tasks and appointments (Wiedervorlage) with their reminders.
export {
  type ActivitiesDeps,
  type ActivitiesService,
  type ActivityAuthor,
  type ActivityListener,
  type ActivitySavedListener,
  createActivitiesService,
} from './service';
export { type ActivityRow } from './repo';
export { type ActivityFigures, activityFigures } from './read-model';
export { linkOf as activityLink } from './reminders';
export { berlinDay, berlinTime } from './time';
export { type CalendarService, createCalendarService } from './calendar/service';
