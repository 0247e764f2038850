export { CalendarSubscriptionModal } from './CalendarSubscriptionModal';
export { InvitationButton } from './InvitationButton';
