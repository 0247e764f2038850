// The public face of notifications: the event bus, live events and in-app notifications.
export { createEventBus, type EventBus, type Unsubscribe } from './event-bus';
export {
  createNotificationsService,
  EVENTS_CHANNEL,
  type LiveEvent,
  type LiveListener,
  type NotificationInput,
  type NotificationsService,
} from './service';
