import { Tabs } from '@mantine/core';
import {
  IconBeach,
  IconBuildingStore,
  IconClockHour4,
  IconKey,
  IconPhone,
  IconRoute,
  IconTemplate,
  IconUsers,
} from '@tabler/icons-react';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import type { Role } from '../../../shared/org/enums';
import { useCurrentUser } from '../../app/auth';
import { PageLoader } from '../../app/shell/PageLoader';

const ADMINS: readonly Role[] = ['admin'];
const MANAGERS: readonly Role[] = ['admin', 'manager'];
const EVERYONE: readonly Role[] = ['admin', 'manager', 'sales', 'service', 'reception', 'parts'];

/** Managers set up lead management (rules, absences, templates); the rest is for admins. Staff read the rules. */
const TABS = [
  { value: 'users', icon: IconUsers, roles: ADMINS },
  { value: 'locations', icon: IconBuildingStore, roles: ADMINS },
  { value: 'api-keys', icon: IconKey, roles: ADMINS },
  { value: 'assignment', icon: IconRoute, roles: EVERYONE },
  { value: 'absences', icon: IconBeach, roles: MANAGERS },
  { value: 'templates', icon: IconTemplate, roles: MANAGERS },
  { value: 'telephony', icon: IconPhone, roles: MANAGERS },
  { value: 'deadlines', icon: IconClockHour4, roles: MANAGERS },
] as const;

const LABEL_KEYS = {
  users: 'admin.tabs.users',
  locations: 'admin.tabs.locations',
  'api-keys': 'admin.tabs.apiKeys',
  assignment: 'assignment.tabs.rules',
  absences: 'assignment.tabs.absences',
  templates: 'templates.tab',
  telephony: 'telephonyAdmin.tab',
  deadlines: 'deadlines.tab',
} as const;

export default function AdminLayout() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { role } = useCurrentUser();
  const tabs = TABS.filter((tab) => tab.roles.includes(role));
  const current = tabs.find((tab) => pathname.startsWith(`/admin/${tab.value}`))?.value ?? null;

  return (
    <>
      <Tabs value={current} onChange={(value) => value && void navigate(`/admin/${value}`)} mb="xl">
        <Tabs.List aria-label={t('admin.title')}>
          {tabs.map((tab) => (
            <Tabs.Tab key={tab.value} value={tab.value} leftSection={<tab.icon size={16} />}>
              {t(LABEL_KEYS[tab.value])}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Suspense fallback={<PageLoader />}>
        <Outlet />
      </Suspense>
    </>
  );
}
