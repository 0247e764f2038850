import { Tabs } from '@mantine/core';
import {
  IconBeach,
  IconBuildingStore,
  IconCar,
  IconCalendarRepeat,
  IconClockHour4,
  IconKey,
  IconLetterCase,
  IconMailDown,
  IconMoodSmile,
  IconPhone,
  IconRoute,
  IconTemplate,
  IconTool,
  IconTimeline,
  IconUserCheck,
  IconUsers,
} from '@tabler/icons-react';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useCurrentUser } from '@web/app/auth';
import { PageLoader } from '@web/app/shell/PageLoader';
import { type Action, can } from '@shared/auth/policies';

/** Managers set up lead management (rules, absences, templates); the rest is for admins. Staff read the rules. */
const TABS = [
  { value: 'users', icon: IconUsers, action: 'org.users.manage' },
  { value: 'locations', icon: IconBuildingStore, action: 'org.locations.manage' },
  { value: 'api-keys', icon: IconKey, action: 'auth.apiKeys.manage' },
  { value: 'letterheads', icon: IconLetterCase, action: 'documents.letterheads.read' },
  { value: 'assignment', icon: IconRoute, action: 'assignment.rules.read' },
  { value: 'absences', icon: IconBeach, action: 'administration.open' },
  { value: 'templates', icon: IconTemplate, action: 'administration.open' },
  { value: 'telephony', icon: IconPhone, action: 'administration.open' },
  { value: 'mailboxes', icon: IconMailDown, action: 'mailboxes.read' },
  { value: 'deadlines', icon: IconClockHour4, action: 'administration.open' },
  { value: 'service-processes', icon: IconTool, action: 'administration.open' },
  { value: 'location-rules', icon: IconUserCheck, action: 'org.duty.manage' },
  { value: 'follow-ups', icon: IconCalendarRepeat, action: 'activities.team' },
  { value: 'satisfaction', icon: IconMoodSmile, action: 'surveys.questionnaire.manage' },
  { value: 'lifecycle', icon: IconTimeline, action: 'lifecycle.manage' },
  { value: 'demo-vehicles', icon: IconCar, action: 'sales.demoVehicles.manage' },
] as const satisfies ReadonlyArray<{ value: string; icon: unknown; action: Action }>;

const LABEL_KEYS = {
  users: 'admin.tabs.users',
  locations: 'admin.tabs.locations',
  'api-keys': 'admin.tabs.apiKeys',
  letterheads: 'letterheads.tab',
  assignment: 'assignment.tabs.rules',
  absences: 'assignment.tabs.absences',
  templates: 'templates.tab',
  telephony: 'telephonyAdmin.tab',
  mailboxes: 'mailboxes.tab',
  deadlines: 'deadlines.tab',
  'service-processes': 'serviceTickets.admin.tab',
  'location-rules': 'locationRules.tab',
  'follow-ups': 'followUpRules.tab',
  satisfaction: 'surveys.admin.tab',
  lifecycle: 'lifecycle.tab',
  'demo-vehicles': 'testDrives.admin.title',
} as const;

export default function AdminLayout() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { role } = useCurrentUser();
  const tabs = TABS.filter((tab) => can(role, tab.action));
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
