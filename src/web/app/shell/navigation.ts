import {
  IconCalendarEvent,
  IconChartBar,
  IconLayoutDashboard,
  IconMessages,
  IconRoute,
  IconSettings,
  IconUsers,
  type Icon,
} from '@tabler/icons-react';
import type { Role } from '../../../shared/org/enums';

export interface NavItem {
  to: string;
  labelKey: 'dashboard' | 'customers' | 'requests' | 'calendar' | 'reports' | 'rules' | 'admin';
  icon: Icon;
  /** Roles that see the item; all roles when left out. */
  roles?: readonly Role[];
}

/** The main navigation; new modules add their entry here. */
export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/', labelKey: 'dashboard', icon: IconLayoutDashboard },
  { to: '/customers', labelKey: 'customers', icon: IconUsers },
  { to: '/requests', labelKey: 'requests', icon: IconMessages },
  { to: '/calendar', labelKey: 'calendar', icon: IconCalendarEvent },
  { to: '/reports', labelKey: 'reports', icon: IconChartBar, roles: ['admin', 'manager'] },
  // Staff read the assignment rules there; managers reach them through the administration.
  { to: '/admin/assignment', labelKey: 'rules', icon: IconRoute, roles: ['sales', 'service', 'reception', 'parts'] },
  { to: '/admin', labelKey: 'admin', icon: IconSettings, roles: ['admin', 'manager'] },
];

export function navItemsFor(role: Role) {
  return NAV_ITEMS.filter((item) => !item.roles || item.roles.includes(role));
}
