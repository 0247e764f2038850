import { Button, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChecklist, IconLogin, IconLogout, IconUserCheck, IconUsersGroup } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useShellWork } from '@web/app/shell-work';
import { useCheckIn, useCheckOut, useDutyLive, useMyDuty } from './queries';

const time = (iso: string) =>
  new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', timeStyle: 'short' }).format(new Date(iso));

/**
 * Check-in in the header: "Im Dienst · München seit 07:58" while on duty,
 * otherwise "Einchecken" (one click with one location; a choice with several).
 * Shown to users of locations that use check-in, or while a shift is open.
 */
export function DutyButton() {
  const { t } = useTranslation();
  useDutyLive();
  const duty = useMyDuty(useShellWork('shell'));
  const checkIn = useCheckIn();
  const checkOut = useCheckOut();
  const failed = () => notifications.show({ color: 'red', message: t('duty.failed') });
  if (!duty.data) return null;
  const { current, locations } = duty.data;
  if (!current && !locations.some((l) => l.usesCheckIn)) return null;
  const busy = checkIn.isPending || checkOut.isPending;

  if (!current && locations.length === 1) {
    return (
      <Button
        size="xs"
        variant="light"
        leftSection={<IconLogin size={16} />}
        loading={busy}
        onClick={() => checkIn.mutate(locations[0]!.id, { onError: failed })}
      >
        {t('duty.checkIn')}
      </Button>
    );
  }

  const others = locations.filter((l) => l.id !== current?.location.id);
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          size="xs"
          variant={current ? 'filled' : 'light'}
          color={current ? 'teal' : undefined}
          leftSection={current ? <IconUserCheck size={16} /> : <IconLogin size={16} />}
          loading={busy}
        >
          {current
            ? t('duty.onDuty', { location: current.location.name, since: time(current.checkedInAt) })
            : t('duty.checkIn')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {others.length > 0 && <Menu.Label>{current ? t('duty.moveTo') : t('duty.checkInAt')}</Menu.Label>}
        {others.map((l) => (
          <Menu.Item
            key={l.id}
            leftSection={<IconLogin size={16} />}
            onClick={() => checkIn.mutate(l.id, { onError: failed })}
          >
            {l.name}
          </Menu.Item>
        ))}
        {current && (
          <Menu.Item
            leftSection={<IconLogout size={16} />}
            onClick={() => checkOut.mutate(undefined, { onError: failed })}
          >
            {t('duty.checkOut')}
          </Menu.Item>
        )}
        <Menu.Divider />
        <Menu.Item component={Link} to="/duty" leftSection={<IconUsersGroup size={16} />}>
          {t('duty.whoIsOnDuty')}
        </Menu.Item>
        <Menu.Item component={Link} to="/checks" leftSection={<IconChecklist size={16} />}>
          {t('dailyChecks.title')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
