import {
  IconArrowsJoin,
  IconBan,
  IconCalendarEvent,
  IconCar,
  IconCarOff,
  IconCircleCheck,
  IconFileInvoice,
  IconSignature,
  IconSteeringWheel,
  IconTargetArrow,
  IconTool,
  IconCopy,
  IconEdit,
  IconMail,
  IconMailbox,
  IconMessage,
  IconMessageCircle,
  IconNote,
  IconPhone,
  IconShieldCheck,
  IconUserPlus,
  IconWalk,
  IconInbox,
  IconPoint,
  IconMoodSmile,
  IconAlertTriangle,
  type Icon,
} from '@tabler/icons-react';
import { TIMELINE_KINDS, type TimelineKind } from '@shared/timeline/kinds';

interface KindLook {
  icon: Icon;
  color: string;
}

const LOOKS: Record<TimelineKind, KindLook> = {
  note: { icon: IconNote, color: 'yellow' },
  contact_created: { icon: IconUserPlus, color: 'teal' },
  contact_changed: { icon: IconEdit, color: 'gray' },
  consent_changed: { icon: IconShieldCheck, color: 'indigo' },
  blocked: { icon: IconBan, color: 'red' },
  unblocked: { icon: IconCircleCheck, color: 'teal' },
  merged: { icon: IconArrowsJoin, color: 'grape' },
  possible_duplicate: { icon: IconCopy, color: 'yellow' },
  vehicle_linked: { icon: IconCar, color: 'blue' },
  vehicle_unlinked: { icon: IconCarOff, color: 'gray' },
  vehicle_changed: { icon: IconCar, color: 'gray' },
  call: { icon: IconPhone, color: 'green' },
  email: { icon: IconMail, color: 'blue' },
  letter: { icon: IconMailbox, color: 'orange' },
  visit: { icon: IconWalk, color: 'cyan' },
  message: { icon: IconMessage, color: 'violet' },
  activity: { icon: IconCalendarEvent, color: 'pink' },
  request: { icon: IconInbox, color: 'pink' },
  opportunity: { icon: IconTargetArrow, color: 'lime' },
  test_drive: { icon: IconSteeringWheel, color: 'cyan' },
  offer: { icon: IconFileInvoice, color: 'blue' },
  purchase_order: { icon: IconSignature, color: 'teal' },
  service_ticket: { icon: IconTool, color: 'orange' },
  survey: { icon: IconMoodSmile, color: 'orange' },
  complaint: { icon: IconAlertTriangle, color: 'red' },
};

const isKnownKind = (kind: string): kind is TimelineKind => (TIMELINE_KINDS as readonly string[]).includes(kind);

/** Icon and colour of an entry; kinds added by later modules get a neutral dot until they are listed here. */
export function kindLook(kind: string): KindLook {
  return isKnownKind(kind) ? LOOKS[kind] : { icon: IconPoint, color: 'gray' };
}

/** The filter chips: what people look for while the customer is on the phone. */
export const FILTER_GROUPS: { key: string; kinds: TimelineKind[]; icon: Icon }[] = [
  { key: 'notes', kinds: ['note'], icon: IconNote },
  { key: 'communication', kinds: ['call', 'email', 'letter', 'visit', 'message'], icon: IconMessageCircle },
  { key: 'requests', kinds: ['request'], icon: IconInbox },
  { key: 'vehicles', kinds: ['vehicle_linked', 'vehicle_unlinked', 'vehicle_changed'], icon: IconCar },
  {
    key: 'changes',
    kinds: ['contact_created', 'contact_changed', 'consent_changed', 'blocked', 'unblocked', 'merged'],
    icon: IconEdit,
  },
];
export { isKnownKind };
