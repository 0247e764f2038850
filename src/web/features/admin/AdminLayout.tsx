import { Tabs } from '@mantine/core';
import { IconBuildingStore, IconKey, IconUsers } from '@tabler/icons-react';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { PageLoader } from '../../app/shell/PageLoader';

const TABS = [
  { value: 'users', icon: IconUsers },
  { value: 'locations', icon: IconBuildingStore },
  { value: 'api-keys', icon: IconKey },
] as const;

const LABEL_KEYS = {
  users: 'admin.tabs.users',
  locations: 'admin.tabs.locations',
  'api-keys': 'admin.tabs.apiKeys',
} as const;

export default function AdminLayout() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const current = TABS.find((tab) => pathname.startsWith(`/admin/${tab.value}`))?.value ?? null;

  return (
    <>
      <Tabs value={current} onChange={(value) => value && void navigate(`/admin/${value}`)} mb="xl">
        <Tabs.List aria-label={t('admin.title')}>
          {TABS.map((tab) => (
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
