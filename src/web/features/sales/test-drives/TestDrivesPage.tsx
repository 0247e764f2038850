import {
  ActionIcon,
  Alert,
  Box,
  Button,
  Group,
  Loader,
  Select,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '@shared/auth/policies';
import { useCurrentUser } from '@web/app/auth';
import { useLocations } from '@web/app/org-queries';
import { addDays, berlinInstant, hhmm, toOffsetIso, todayBerlin } from '@web/features/activities/time';
import { describeProblem } from '@web/ui/form-errors';
import { BookTestDriveDialog, type BookingPreset } from './BookTestDriveDialog';
import { type Schedule, useSchedule } from './queries';
import { TestDriveDrawer } from './TestDriveDrawer';
import { DayField } from '@web/ui/date-fields';

/** The hours the grid shows; bookings outside still appear in the hour they touch. */
const HOURS = Array.from({ length: 12 }, (_, i) => 8 + i);

type Car = Schedule['cars'][number];

function inHour<T extends { startsAt: string; endsAt: string }>(items: T[], from: number, to: number): T | undefined {
  return items.find((i) => Date.parse(i.startsAt) < to && Date.parse(i.endsAt) > from);
}

/** "Probefahrten": the location's demo cars × the hours of a day, blocks shaded; a free hour books. */
export function TestDrivesPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const locations = useLocations();
  const [locationId, setLocationId] = useState<string>(me.homeLocationId);
  const [day, setDay] = useState(todayBerlin());
  const [booking, setBooking] = useState<BookingPreset | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const schedule = useSchedule(
    locationId,
    toOffsetIso(berlinInstant(day, 0)),
    toOffsetIso(berlinInstant(addDays(day, 1), 0)),
  );
  const mayBook = can(me.role, 'sales.testDrives.book');
  const mine = (locations.data ?? []).filter(
    (l) => me.role === 'admin' || me.locationIds.includes(l.id) || l.id === me.homeLocationId,
  );

  function cell(car: Car, hour: number) {
    const from = berlinInstant(day, hour * 60).getTime();
    const to = berlinInstant(day, (hour + 1) * 60).getTime();
    const booked = inHour(car.bookings, from, to);
    if (booked) {
      return (
        <Button size="compact-xs" variant="light" fullWidth onClick={() => setOpenId(booked.id)}>
          {booked.customer}
        </Button>
      );
    }
    const block = car.blocks.find((b) => Date.parse(b.startsAt) < to && Date.parse(b.endsAt) > from);
    if (block) {
      return (
        <Tooltip label={t('testDrives.page.blocked', { reason: block.reason })}>
          <Box
            bg="gray.3"
            h={24}
            style={{ borderRadius: 4 }}
            aria-label={t('testDrives.page.blocked', { reason: block.reason })}
          />
        </Tooltip>
      );
    }
    if (!mayBook) return null;
    return (
      <ActionIcon
        variant="subtle"
        aria-label={t('testDrives.page.freeSlot', { car: car.label, time: hhmm(hour * 60) })}
        onClick={() => setBooking({ locationId, demoVehicleId: car.id, day, startMinutes: hour * 60 })}
      >
        <IconPlus size={14} />
      </ActionIcon>
    );
  }

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('testDrives.page.title')}</Title>
        {mayBook && <Button onClick={() => setBooking({ locationId, day })}>{t('testDrives.book.open')}</Button>}
      </Group>
      <Group align="flex-end">
        <Select
          label={t('testDrives.page.location')}
          data={mine.map((l) => ({ value: l.id, label: l.name }))}
          value={locationId}
          onChange={(v) => v && setLocationId(v)}
          allowDeselect={false}
        />
        <ActionIcon
          variant="default"
          size="lg"
          aria-label={t('testDrives.page.previous')}
          onClick={() => setDay(addDays(day, -1))}
        >
          <IconChevronLeft size={16} />
        </ActionIcon>
        <DayField label={t('testDrives.page.day')} value={day} onChange={(next) => next && setDay(next)} />
        <ActionIcon
          variant="default"
          size="lg"
          aria-label={t('testDrives.page.next')}
          onClick={() => setDay(addDays(day, 1))}
        >
          <IconChevronRight size={16} />
        </ActionIcon>
        <Button variant="subtle" onClick={() => setDay(todayBerlin())}>
          {t('testDrives.page.today')}
        </Button>
      </Group>
      {schedule.isLoading && <Loader />}
      {schedule.error && <Alert color="red">{describeProblem(schedule.error)}</Alert>}
      {schedule.data && schedule.data.cars.length === 0 && <Text c="dimmed">{t('testDrives.page.empty')}</Text>}
      {schedule.data && schedule.data.cars.length > 0 && (
        <Table.ScrollContainer minWidth={900}>
          <Table withColumnBorders>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('testDrives.page.car')}</Table.Th>
                {HOURS.map((h) => (
                  <Table.Th key={h}>{hhmm(h * 60)}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {schedule.data.cars.map((car) => (
                <Table.Tr key={car.id}>
                  <Table.Th>{car.label}</Table.Th>
                  {HOURS.map((h) => (
                    <Table.Td key={h}>{cell(car, h)}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {booking && <BookTestDriveDialog opened onClose={() => setBooking(null)} preset={booking} />}
      <TestDriveDrawer id={openId} onClose={() => setOpenId(null)} />
    </Stack>
  );
}

export default TestDrivesPage;
