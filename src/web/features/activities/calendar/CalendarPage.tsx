import {
  ActionIcon,
  Badge,
  Button,
  Center,
  Group,
  Loader,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconCalendarPlus, IconChevronLeft, IconChevronRight, IconInfoCircle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { can } from '@shared/auth/policies';
import { WEEKDAYS } from '@shared/org/enums';
import type { Location } from '@shared/org/schemas';
import { useCurrentUser } from '@web/app/auth';
import { useLocations } from '@web/app/org-queries';
import { useDirectory } from '@web/features/customers/queries';
import { currentLocale } from '@web/i18n';
import { ErrorState } from '@web/ui/components/ErrorState';
import { useActivityDialogs } from '../ActivityDialogs';
import { PlanActivityDialog, type PlanPreset } from '../PlanActivityDialog';
import { useAbsencesBetween, useCalendarRange, useHolidays, type Holiday } from '../queries';
import {
  addDays,
  addMonths,
  berlinInstant,
  parseHhmm,
  startOfMonth,
  startOfWeek,
  todayBerlin,
  weekdayIndex,
} from '../time';
import { formatShortDay } from '../words';
import { MonthGrid, TeamBoard } from './CellGrids';
import type { Column } from './model';
import { TimeGrid } from './TimeGrid';
import classes from './calendar.module.css';
import { useMove } from './use-move';

type View = 'day' | 'week' | 'month';
const VIEWS: View[] = ['day', 'week', 'month'];

/** ISO 8601 week number of a day. */
export function isoWeek(day: string): number {
  const thursday = addDays(day, 3 - weekdayIndex(day));
  const [y, m, d] = thursday.split('-').map(Number) as [number, number, number];
  const jan1 = Date.UTC(y, 0, 1);
  return Math.floor((Date.UTC(y, m - 1, d) - jan1) / (7 * 86_400_000)) + 1;
}

function rangeOf(view: View, date: string): { days: string[]; from: string; to: string } {
  const first = view === 'day' ? date : view === 'week' ? startOfWeek(date) : startOfWeek(startOfMonth(date));
  const count = view === 'day' ? 1 : view === 'week' ? 7 : 42;
  const days = Array.from({ length: count }, (_, i) => addDays(first, i));
  return {
    days,
    from: berlinInstant(first, 0).toISOString(),
    to: berlinInstant(addDays(first, count), 0).toISOString(),
  };
}

function openIntervals(location: Location | undefined, day: string): Array<[number, number]> {
  if (!location) return [[8 * 60, 18 * 60]];
  const intervals = location.openingHours[WEEKDAYS[weekdayIndex(day)]!] ?? [];
  return intervals.map((i) => [parseHhmm(i.from), parseHhmm(i.to)] as [number, number]);
}

function monthTitle(date: string) {
  return new Intl.DateTimeFormat(currentLocale() === 'de' ? 'de-DE' : 'en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date.slice(0, 7)}-15T12:00:00Z`));
}

/** /calendar — my day, week and month; managers also the team's (R2.1, R2.2). */
export function CalendarPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const canPlan = can(me.role, 'activities.plan');
  const isManager = can(me.role, 'activities.team');
  const [params, setParams] = useSearchParams();
  const today = todayBerlin();
  const viewParam = params.get('view') as View | null;
  const teamLocation = isManager ? params.get('team') : null;
  const view: View =
    viewParam && VIEWS.includes(viewParam) && !(teamLocation && viewParam === 'month') ? viewParam : 'week';
  const dateParam = params.get('date');
  const date = dateParam && /^\d{4}-\d{2}-\d{2}$/.test(dateParam) ? dateParam : today;
  const { days, from, to } = rangeOf(view, date);
  const locationId = teamLocation ?? me.homeLocationId;

  const locations = useLocations();
  const location = locations.data?.find((l) => l.id === locationId);
  const directory = useDirectory();
  const range = useCalendarRange(teamLocation ? { from, to, locationId: teamLocation } : { from, to });
  const firstYear = Number(days[0]!.slice(0, 4));
  const lastYear = Number(days[days.length - 1]!.slice(0, 4));
  const holidaysA = useHolidays(locationId, firstYear);
  const holidaysB = useHolidays(lastYear !== firstYear ? locationId : undefined, lastYear);
  const absences = useAbsencesBetween(days[0]!, days[days.length - 1]!, teamLocation ? undefined : me.id);
  const mover = useMove();
  const actions = useActivityDialogs();
  const [planning, setPlanning] = useState<PlanPreset | null>(null);
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 60_000);
    return () => window.clearInterval(timer);
  }, []);

  // A reminder or a link opens one activity: "/calendar?activity=<id>".
  const linked = params.get('activity');
  useEffect(() => {
    if (!linked) return;
    actions.view(linked, () =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          next.delete('activity');
          return next;
        },
        { replace: true },
      ),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [linked]);

  const holidays = new Map<string, string>(
    [...(holidaysA.data ?? []), ...(holidaysB.data ?? [])].map((h: Holiday) => [h.date, h.name]),
  );

  const isAbsent = (userId: string, day: string) =>
    (absences.data ?? []).some((a) => a.user.id === userId && a.startsOn <= day && day <= a.endsOn);

  const column = (day: string, ownerId?: string): Column => ({
    key: ownerId ? `${ownerId}:${day}` : day,
    day,
    ownerId,
    open: openIntervals(location, day),
    holiday: holidays.get(day),
    absent: isAbsent(ownerId ?? me.id, day),
    today: day === today,
  });

  const items = range.data?.items ?? [];
  const people = peopleOf();
  function peopleOf() {
    if (!teamLocation) return [];
    const staff = (directory.data ?? []).filter(
      (entry) =>
        entry.active &&
        entry.role !== 'admin' &&
        can(entry.role, 'activities.plan') &&
        (entry.homeLocationId === teamLocation || entry.locationIds.includes(teamLocation)),
    );
    const known = new Set(staff.map((p) => p.id));
    const others = items.filter((a) => !known.has(a.owner.id)).map((a) => a.owner);
    const all = [...staff.map((p) => ({ id: p.id, displayName: p.displayName })), ...others];
    return all
      .filter((p, i) => all.findIndex((q) => q.id === p.id) === i)
      .sort((a, b) => a.displayName.localeCompare(b.displayName, 'de'));
  }

  function navigate(next: Partial<{ view: View; date: string; team: string | null }>) {
    const values = { view, date, team: teamLocation, ...next };
    const search = new URLSearchParams();
    if (values.view !== 'week') search.set('view', values.view);
    if (values.date !== today) search.set('date', values.date);
    if (values.team) search.set('team', values.team);
    setParams(search);
  }

  function step(direction: 1 | -1) {
    if (view === 'day') navigate({ date: addDays(date, direction) });
    else if (view === 'week') navigate({ date: addDays(date, 7 * direction) });
    else navigate({ date: addMonths(date, direction) });
  }

  function create(target: Column, minutes: number | null) {
    if (!canPlan) return;
    setPlanning(
      minutes === null
        ? { day: target.day, allDay: true, ownerId: target.ownerId }
        : {
            day: target.day,
            startMinutes: minutes,
            endMinutes: minutes + 60,
            type: 'appointment',
            ownerId: target.ownerId,
          },
    );
  }

  const dayHeader = (day: string, personName?: string, absent?: boolean) => {
    const holiday = holidays.get(day);
    return (
      <Stack gap={0}>
        {personName && (
          <Text size="sm" fw={600} truncate>
            {personName}
          </Text>
        )}
        {!personName && (
          <Group gap={6} wrap="nowrap">
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {formatShortDay(day).split(',')[0]}
            </Text>
            <span className={classes.dayNumber}>{Number(day.slice(8))}</span>
          </Group>
        )}
        {holiday && (
          <Text size="10px" c="red.7" fw={500} truncate title={holiday}>
            {holiday}
          </Text>
        )}
        {absent && (
          <Badge size="xs" color="yellow" variant="light" w="fit-content">
            {t('calendar.absent')}
          </Badge>
        )}
      </Stack>
    );
  };

  const title =
    view === 'month'
      ? monthTitle(date)
      : view === 'week'
        ? `${formatShortDay(days[0]!)} – ${formatShortDay(days[6]!)} · ${t('calendar.week', { week: isoWeek(days[0]!) })}`
        : formatShortDay(date);
  const overdue = items.filter((a) => a.overdue).length;
  const locationChoices = (locations.data ?? [])
    .filter((l) => me.role === 'admin' || l.id === me.homeLocationId || me.locationIds.includes(l.id))
    .map((l) => ({ value: l.id, label: l.name }));

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="md">
        <Stack gap={2}>
          <Title order={2}>{t('calendar.title')}</Title>
          <Text c="dimmed" size="sm">
            {t('calendar.subtitle')}
          </Text>
        </Stack>
        <Group gap="sm">
          {isManager && (
            <SegmentedControl
              value={teamLocation ? 'team' : 'mine'}
              onChange={(value) =>
                navigate({
                  team: value === 'team' ? (locationChoices[0]?.value ?? me.homeLocationId) : null,
                  view: value === 'team' && view === 'month' ? 'week' : view,
                })
              }
              data={[
                { value: 'mine', label: t('calendar.mine') },
                { value: 'team', label: t('calendar.team') },
              ]}
            />
          )}
          {teamLocation && (
            <Select
              aria-label={t('calendar.location')}
              data={locationChoices}
              value={teamLocation}
              allowDeselect={false}
              w={280}
              onChange={(value) => value && navigate({ team: value })}
            />
          )}
          {canPlan && (
            <Button leftSection={<IconCalendarPlus size={16} />} onClick={() => setPlanning({})}>
              {t('activity.plan')}
            </Button>
          )}
        </Group>
      </Group>

      <Group justify="space-between" gap="sm">
        <Group gap="xs">
          <Button variant="default" onClick={() => navigate({ date: today })}>
            {t('calendar.today')}
          </Button>
          <ActionIcon variant="default" size="lg" aria-label={t('calendar.previous')} onClick={() => step(-1)}>
            <IconChevronLeft size={18} />
          </ActionIcon>
          <ActionIcon variant="default" size="lg" aria-label={t('calendar.next')} onClick={() => step(1)}>
            <IconChevronRight size={18} />
          </ActionIcon>
          <Text fw={600} size="lg" ml="xs" data-testid="calendar-title">
            {title}
          </Text>
          {range.isFetching && <Loader size="xs" />}
          {overdue > 0 && (
            <Badge color="red" variant="light">
              {t('calendar.overdueCount', { count: overdue })}
            </Badge>
          )}
        </Group>
        <Group gap="xs">
          {canPlan && (
            <Tooltip label={t('calendar.slotHint')}>
              <IconInfoCircle size={18} color="var(--mantine-color-gray-5)" />
            </Tooltip>
          )}
          <SegmentedControl
            value={view}
            onChange={(value) => navigate({ view: value as View })}
            data={VIEWS.filter((v) => !(teamLocation && v === 'month')).map((v) => ({
              value: v,
              label: t(`calendar.views.${v}`),
            }))}
          />
        </Group>
      </Group>

      {range.isError ? (
        <ErrorState error={range.error} onRetry={() => void range.refetch()} />
      ) : range.isPending ? (
        <Center py={80}>
          <Loader />
        </Center>
      ) : (
        <>
          {items.length === 0 && (
            <Text size="sm" c="dimmed" data-testid="calendar-empty">
              {teamLocation && people.length === 0
                ? t('calendar.emptyTeam')
                : `${t('calendar.empty')}. ${canPlan ? t('calendar.emptyText') : ''}`}
            </Text>
          )}
          {view === 'month' && (
            <MonthGrid
              columns={days.map((day) => column(day))}
              month={date.slice(0, 7)}
              activities={items}
              mover={mover}
              onOpen={(a) => actions.view(a.id)}
              onCreate={(c) => create(c, null)}
              onShowDay={(day) => navigate({ view: 'day', date: day })}
            />
          )}
          {view !== 'month' && !teamLocation && (
            <TimeGrid
              columns={days.map((day) => column(day))}
              header={(c) => dayHeader(c.day, undefined, c.absent)}
              activities={items}
              mover={mover}
              now={now}
              onOpen={(a) => actions.view(a.id)}
              onCreate={create}
            />
          )}
          {view === 'day' && teamLocation && (
            <TimeGrid
              columns={people.map((person) => column(date, person.id))}
              header={(c) => dayHeader(c.day, people.find((p) => p.id === c.ownerId)?.displayName, c.absent)}
              activities={items}
              mover={mover}
              now={now}
              minColumnWidth={150}
              onOpen={(a) => actions.view(a.id)}
              onCreate={create}
            />
          )}
          {view === 'week' && teamLocation && (
            <TeamBoard
              people={people}
              days={days}
              cellOf={(personId, day) => column(day, personId)}
              header={(day) => dayHeader(day)}
              activities={items}
              mover={mover}
              onOpen={(a) => actions.view(a.id)}
              onCreate={(c) => create(c, null)}
            />
          )}
        </>
      )}
      <PlanActivityDialog opened={Boolean(planning)} preset={planning ?? undefined} onClose={() => setPlanning(null)} />
      {actions.dialogs}
    </Stack>
  );
}
