export { CalendarSubscription, CalendarSubscriptionModal } from './CalendarSubscription';
export { InvitationButton } from './InvitationButton';
