import {
  IconCalendarEvent,
  IconSteeringWheel,
  IconPrinter,
  IconSpeakerphone,
  IconChartBar,
  IconAlertTriangle,
  IconMessageChatbot,
  IconCar,
  IconLayoutDashboard,
  IconMessageCircle,
  IconMessages,
  IconRoute,
  IconSettings,
  IconTool,
  IconUsers,
  type Icon,
} from '@tabler/icons-react';
import type { Role } from '@shared/org/enums';
import { can } from '@shared/auth/policies';

export interface NavItem {
  to: string;
  labelKey:
    | 'dashboard'
    | 'customers'
    | 'requests'
    | 'messages'
    | 'serviceTickets'
    | 'board'
    | 'calendar'
    | 'sales'
    | 'testDrives'
    | 'complaints'
    | 'reports'
    | 'campaigns'
    | 'letters'
    | 'rules'
    | 'admin';
  icon: Icon;
  /** Whether a role sees the item; every role when left out. */
  shownTo?: (role: Role) => boolean;
}

/** The main navigation; new modules add their entry here. */
export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/', labelKey: 'dashboard', icon: IconLayoutDashboard },
  { to: '/customers', labelKey: 'customers', icon: IconUsers },
  { to: '/requests', labelKey: 'requests', icon: IconMessages },
  { to: '/messages', labelKey: 'messages', icon: IconMessageCircle },
  { to: '/board', labelKey: 'board', icon: IconMessageChatbot },
  { to: '/service-tickets', labelKey: 'serviceTickets', icon: IconTool },
  { to: '/calendar', labelKey: 'calendar', icon: IconCalendarEvent },
  { to: '/sales', labelKey: 'sales', icon: IconCar, shownTo: (role) => can(role, 'sales.work') },
  {
    to: '/test-drives',
    labelKey: 'testDrives',
    icon: IconSteeringWheel,
    shownTo: (role) => can(role, 'sales.testDrives.schedule'),
  },
  {
    to: '/complaints',
    labelKey: 'complaints',
    icon: IconAlertTriangle,
    shownTo: (role) => can(role, 'complaints.work'),
  },
  { to: '/reports', labelKey: 'reports', icon: IconChartBar, shownTo: (role) => can(role, 'reports.read') },
  { to: '/campaigns', labelKey: 'campaigns', icon: IconSpeakerphone, shownTo: (role) => can(role, 'campaigns.manage') },
  { to: '/letters', labelKey: 'letters', icon: IconPrinter, shownTo: (role) => can(role, 'lifecycle.printLetters') },
  // Staff read the assignment rules there; managers reach them through the administration.
  {
    to: '/admin/assignment',
    labelKey: 'rules',
    icon: IconRoute,
    shownTo: (role) => can(role, 'assignment.rules.read') && !can(role, 'administration.open'),
  },
  { to: '/admin', labelKey: 'admin', icon: IconSettings, shownTo: (role) => can(role, 'administration.open') },
];

export function navItemsFor(role: Role) {
  return NAV_ITEMS.filter((item) => !item.shownTo || item.shownTo(role));
}
