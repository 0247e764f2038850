import 'dayjs/locale/de';
import {
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { DateInput, TimeInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconCar, IconInbox, IconUser } from '@tabler/icons-react';
import { useMemo, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ACTIVITY_PRIORITIES,
  ACTIVITY_TYPES,
  type ActivityPriority,
  type ActivityType,
} from '@shared/activities/enums';
import { ActivityInput, type Activity } from '@shared/activities/schemas';
import { useCurrentUser } from '@web/app/auth';
import { useDirectory } from '@web/features/customers/queries';
import { currentLocale } from '@web/i18n';
import { ApiError } from '@web/ui/api';
import { reportError, serverFieldErrors, zodValidate } from '@web/ui/form-errors';
import { usePlanActivity, useUpdateActivity } from './queries';
import { addDays, berlinInstant, berlinParts, hhmm, parseHhmm, toOffsetIso, todayBerlin } from './time';
import { isAppointmentType, reminderOptions } from './words';

export interface LinkRef {
  id: string;
  label: string;
}

/** What the caller already knows: the customer, vehicle or request, a slot clicked in the calendar … */
export interface PlanPreset {
  contact?: LinkRef | null;
  vehicle?: LinkRef | null;
  request?: LinkRef | null;
  type?: ActivityType;
  subject?: string;
  ownerId?: string;
  day?: string;
  /** Minutes after midnight (Berlin); leaves "all day" off. */
  startMinutes?: number;
  endMinutes?: number;
  allDay?: boolean;
}

interface Values {
  type: ActivityType;
  subject: string;
  note: string;
  priority: ActivityPriority;
  ownerId: string;
  allDay: boolean;
  day: string;
  startTime: string;
  endTime: string;
  place: string;
  reminder: string;
}

/** The form's fields by the API's names, so the server's field errors land where the user looks. */
const FIELD_OF: Record<string, keyof Values> = {
  dueOn: 'day',
  startsAt: 'startTime',
  endsAt: 'endTime',
  reminderMinutesBefore: 'reminder',
};

function toFormErrors(errors: Record<string, string>) {
  const mapped: Record<string, string> = {};
  for (const [field, message] of Object.entries(errors)) mapped[FIELD_OF[field] ?? field] ??= message;
  return mapped;
}

function timing(values: Values, withEnd: boolean) {
  if (values.allDay) return { allDay: true, dueOn: values.day || undefined, endsAt: null };
  const start = parseHhmm(values.startTime);
  const end = parseHhmm(values.endTime);
  return {
    allDay: false,
    startsAt: values.day && !Number.isNaN(start) ? toOffsetIso(berlinInstant(values.day, start)) : undefined,
    endsAt:
      withEnd && values.day && !Number.isNaN(end) && values.endTime
        ? toOffsetIso(berlinInstant(values.day, end))
        : null,
  };
}

function toBody(values: Values, withEnd: boolean) {
  return {
    type: values.type,
    subject: values.subject,
    note: values.note.trim() || null,
    priority: values.priority,
    ownerId: values.ownerId || undefined,
    ...timing(values, withEnd),
    place: withEnd ? values.place.trim() || null : null,
    reminderMinutesBefore: values.reminder === 'none' ? null : Number(values.reminder),
  };
}

function nextFullHour(now = new Date()) {
  const { minutes } = berlinParts(now);
  return Math.min(Math.floor(minutes / 60) * 60 + 60, 23 * 60);
}

function initialValues(me: string, preset: PlanPreset, activity?: Activity): Values {
  if (activity) {
    const start = berlinParts(activity.startsAt);
    const end = activity.endsAt ? berlinParts(activity.endsAt) : null;
    return {
      type: activity.type,
      subject: activity.subject,
      note: activity.note ?? '',
      priority: activity.priority,
      ownerId: activity.owner.id,
      allDay: activity.allDay,
      day: activity.allDay ? (activity.dueOn ?? start.day) : start.day,
      startTime: activity.allDay ? hhmm(9 * 60) : hhmm(start.minutes),
      endTime: end ? hhmm(end.minutes) : '',
      place: activity.place ?? '',
      reminder: activity.reminderMinutesBefore === null ? 'none' : String(activity.reminderMinutesBefore),
    };
  }
  const type = preset.type ?? 'call';
  const appointment = isAppointmentType(type);
  const start = preset.startMinutes ?? nextFullHour();
  return {
    type,
    subject: preset.subject ?? '',
    note: '',
    priority: 'normal',
    ownerId: preset.ownerId ?? me,
    allDay: preset.allDay ?? (preset.startMinutes === undefined && !appointment),
    day: preset.day ?? todayBerlin(),
    startTime: hhmm(start),
    endTime: hhmm(Math.min(preset.endMinutes ?? start + 60, 24 * 60 - 1)),
    place: '',
    reminder: appointment ? '15' : '0',
  };
}

interface PlanActivityDialogProps {
  opened: boolean;
  onClose(): void;
  preset?: PlanPreset;
  /** Editing an open activity instead of planning a new one. */
  activity?: Activity;
  onSaved?(activity: Activity): void;
}

/** Plan or edit a call, task or appointment (R2.1): Enter saves, Esc closes. */
export function PlanActivityDialog({ opened, onClose, preset, activity, onSaved }: PlanActivityDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={activity ? t('activity.editTitle') : t('activity.plan')}
      size="lg"
      radius="md"
    >
      {opened && <PlanForm preset={preset ?? {}} activity={activity} onClose={onClose} onSaved={onSaved} />}
    </Modal>
  );
}

function PlanForm({
  preset,
  activity,
  onClose,
  onSaved,
}: {
  preset: PlanPreset;
  activity?: Activity;
  onClose(): void;
  onSaved?(activity: Activity): void;
}) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const directory = useDirectory();
  const plan = usePlanActivity();
  const update = useUpdateActivity();
  const [reminderTouched, setReminderTouched] = useState(Boolean(activity));
  const initial = useMemo(() => initialValues(me.id, preset, activity), [me.id, preset, activity]);
  const [showDetails, setShowDetails] = useState(
    isAppointmentType(initial.type) || Boolean(activity?.endsAt) || Boolean(activity?.place),
  );
  const form = useForm<Values>({
    initialValues: initial,
    validate: (values) => {
      const errors = toFormErrors(
        zodValidate<Values>(ActivityInput, (v) => toBody(v, showDetails && !v.allDay))(values),
      );
      if (!values.day) errors.day = t('validation.required');
      return errors;
    },
  });

  const myLocations = new Set([me.homeLocationId, ...me.locationIds]);
  const owners = (directory.data ?? [])
    .filter((entry) => entry.active || entry.id === initial.ownerId)
    .filter(
      (entry) =>
        entry.id === me.id ||
        entry.id === initial.ownerId ||
        [entry.homeLocationId, ...entry.locationIds].some((id) => myLocations.has(id)),
    )
    .sort((a, b) => a.displayName.localeCompare(b.displayName, 'de'))
    .map((entry) => ({ value: entry.id, label: entry.displayName }));
  if (!owners.some((o) => o.value === me.id)) owners.unshift({ value: me.id, label: me.displayName });

  function changeType(value: string | null) {
    if (!value) return;
    const type = value as ActivityType;
    form.setFieldValue('type', type);
    if (!activity && isAppointmentType(type)) {
      setShowDetails(true);
      form.setFieldValue('allDay', false);
    }
    if (!reminderTouched) form.setFieldValue('reminder', isAppointmentType(type) ? '15' : '0');
  }

  async function submit(values: Values) {
    const body = toBody(values, showDetails && !values.allDay);
    try {
      const saved = activity
        ? await update.mutateAsync({ id: activity.id, body: { ...body, version: activity.version } })
        : await plan.mutateAsync({
            ...body,
            contactId: preset.contact?.id ?? null,
            vehicleId: preset.vehicle?.id ?? null,
            requestId: preset.request?.id ?? null,
          });
      notifications.show({ color: 'teal', message: activity ? t('activity.saved') : t('activity.planned') });
      onSaved?.(saved);
      onClose();
    } catch (error) {
      const fieldErrors = toFormErrors(serverFieldErrors(error));
      if (Object.keys(fieldErrors).length > 0) form.setErrors(fieldErrors);
      else if (error instanceof ApiError && error.status === 409)
        notifications.show({ color: 'orange', message: t('activity.conflict') });
      else reportError(error);
    }
  }

  // Enter in a one-line field submits on its own; Ctrl/Cmd+Enter submits from the note, too.
  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      event.currentTarget.requestSubmit();
    }
  }

  const quickDays = [
    { label: t('activity.quick.tomorrow'), days: 1 },
    { label: t('activity.quick.days', { count: 3 }), days: 3 },
    { label: t('activity.quick.days', { count: 5 }), days: 5 },
    { label: t('activity.quick.weeks', { count: 1 }), days: 7 },
    { label: t('activity.quick.weeks', { count: 2 }), days: 14 },
  ];
  const dateProps = { valueFormat: 'DD.MM.YYYY', locale: currentLocale() };
  const links = [
    preset.contact && { icon: <IconUser size={14} />, label: preset.contact.label },
    preset.vehicle && { icon: <IconCar size={14} />, label: preset.vehicle.label },
    preset.request && { icon: <IconInbox size={14} />, label: preset.request.label },
    activity?.contact && { icon: <IconUser size={14} />, label: activity.contact.label },
    activity?.vehicle && { icon: <IconCar size={14} />, label: activity.vehicle.label },
    activity?.request && { icon: <IconInbox size={14} />, label: activity.request.label },
  ].filter(Boolean) as Array<{ icon: ReactNode; label: string }>;

  return (
    <form onSubmit={form.onSubmit(submit)} onKeyDown={onKeyDown} noValidate>
      <Stack gap="sm">
        {links.length > 0 && (
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              {t('activity.links')}:
            </Text>
            {links.map((link) => (
              <Badge key={link.label} variant="light" color="gray" leftSection={link.icon} tt="none" size="lg">
                {link.label}
              </Badge>
            ))}
          </Group>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('activity.type')}
            data={ACTIVITY_TYPES.map((type) => ({ value: type, label: t(`texts.activityType.${type}`) }))}
            allowDeselect={false}
            {...form.getInputProps('type')}
            onChange={changeType}
          />
          <Select
            label={t('activity.owner')}
            data={owners}
            searchable
            allowDeselect={false}
            nothingFoundMessage={t('search.noHits')}
            {...form.getInputProps('ownerId')}
          />
        </SimpleGrid>
        <TextInput
          label={t('activity.subject')}
          placeholder={t('activity.subjectPlaceholder')}
          withAsterisk
          maxLength={200}
          data-autofocus
          {...form.getInputProps('subject')}
        />
        <Switch label={t('activity.allDay')} {...form.getInputProps('allDay', { type: 'checkbox' })} />
        <Group align="flex-start" grow preventGrowOverflow={false} wrap="wrap">
          <DateInput label={t('activity.day')} withAsterisk {...dateProps} {...form.getInputProps('day')} />
          {!form.values.allDay && (
            <TimeInput label={t('activity.start')} withAsterisk {...form.getInputProps('startTime')} />
          )}
          {!form.values.allDay && showDetails && (
            <TimeInput label={t('activity.end')} {...form.getInputProps('endTime')} />
          )}
        </Group>
        {!activity && (
          <Group gap={6}>
            {quickDays.map((quick) => (
              <Button
                key={quick.days}
                size="compact-xs"
                variant="light"
                color="gray"
                onClick={() => form.setFieldValue('day', addDays(todayBerlin(), quick.days))}
              >
                {quick.label}
              </Button>
            ))}
          </Group>
        )}
        {!form.values.allDay && showDetails && (
          <TextInput
            label={t('activity.place')}
            placeholder={t('activity.placePlaceholder')}
            maxLength={200}
            {...form.getInputProps('place')}
          />
        )}
        {!form.values.allDay && !showDetails && (
          <Anchor component="button" type="button" size="sm" onClick={() => setShowDetails(true)}>
            {t('activity.addEndAndPlace')}
          </Anchor>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('activity.reminder')}
            data={reminderOptions(t)}
            allowDeselect={false}
            {...form.getInputProps('reminder')}
            onChange={(value) => {
              setReminderTouched(true);
              if (value) form.setFieldValue('reminder', value);
            }}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('activity.priority')}
            </Text>
            <SegmentedControl
              data={ACTIVITY_PRIORITIES.map((p) => ({ value: p, label: t(`activity.priorities.${p}`) }))}
              {...form.getInputProps('priority')}
            />
          </Stack>
        </SimpleGrid>
        <Textarea label={t('activity.note')} autosize minRows={2} maxRows={6} {...form.getInputProps('note')} />
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={plan.isPending || update.isPending}>
            {activity ? t('common.save') : t('activity.planShort')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
