import { NavLink, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { ActivitiesNavBadge } from '@web/features/activities/reminders/ActivitiesNavBadge';
import { BoardNavBadge } from '@web/features/board/BoardNavBadge';
import { RequestsNavBadge } from '@web/features/requests/components/RequestsNavBadge';
import { useCurrentUser } from '../auth';
import { navItemsFor } from './navigation';

export function MainNav({ onNavigate }: { onNavigate(): void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { pathname } = useLocation();

  return (
    <Stack gap={4}>
      {navItemsFor(user.role).map((item) => {
        const active = item.to === '/' ? pathname === '/' : pathname === item.to || pathname.startsWith(`${item.to}/`);
        return (
          <NavLink
            key={item.to}
            component={Link}
            to={item.to}
            label={t(`nav.${item.labelKey}`)}
            leftSection={<item.icon size={20} stroke={1.7} />}
            rightSection={
              item.labelKey === 'requests' ? (
                <RequestsNavBadge />
              ) : item.labelKey === 'board' ? (
                <BoardNavBadge />
              ) : item.labelKey === 'calendar' ? (
                <ActivitiesNavBadge />
              ) : undefined
            }
            active={active}
            aria-current={active ? 'page' : undefined}
            onClick={onNavigate}
            variant="light"
            fw={500}
            style={{ borderRadius: 'var(--mantine-radius-md)' }}
          />
        );
      })}
    </Stack>
  );
}
