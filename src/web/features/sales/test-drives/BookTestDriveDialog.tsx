import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { TimePicker } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchResult } from '@shared/search/schemas';
import { useCurrentUser } from '@web/app/auth';
import { addDays, berlinInstant, hhmm, parseHhmm, toOffsetIso, todayBerlin } from '@web/features/activities/time';
import { useDirectory } from '@web/features/customers/queries';
import { ContactPicker } from '@web/features/vehicles/ContactPicker';
import { reportError, serverFieldErrors } from '@web/ui/form-errors';
import { conflictOf, type Schedule, type SlotConflict, useBookTestDrive, useSchedule } from './queries';
import { conflictInWords, formatTime } from './words';
import { DayField } from '@web/ui/date-fields';

export interface BookingPreset {
  locationId: string;
  demoVehicleId?: string;
  day?: string;
  startMinutes?: number;
  contact?: { id: string; label: string } | null;
  opportunityId?: string | null;
}

interface Props {
  opened: boolean;
  onClose(): void;
  preset: BookingPreset;
}

type Car = Schedule['cars'][number];

/** What keeps a car from the slot, from the schedule already loaded (the server checks again on booking). */
function busyWith(car: Car, from: number, to: number): string | null {
  const booking = car.bookings.find((b) => Date.parse(b.startsAt) < to && Date.parse(b.endsAt) > from);
  if (booking) return `${formatTime(booking.startsAt)}–${formatTime(booking.endsAt)} ${booking.customer}`;
  const block = car.blocks.find((b) => Date.parse(b.startsAt) < to && Date.parse(b.endsAt) > from);
  return block ? block.reason : null;
}

/** Books a demo car for a customer: the car list shows which cars are free in the chosen slot. */
export function BookTestDriveDialog({ opened, onClose, preset }: Props) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const directory = useDirectory();
  const book = useBookTestDrive();
  const [day, setDay] = useState(preset.day ?? todayBerlin());
  const [start, setStart] = useState(hhmm(preset.startMinutes ?? 10 * 60));
  const [end, setEnd] = useState(hhmm((preset.startMinutes ?? 10 * 60) + 60));
  const [carId, setCarId] = useState<string | null>(preset.demoVehicleId ?? null);
  const [contact, setContact] = useState<{ id: string; label: string } | null>(preset.contact ?? null);
  const [picked, setPicked] = useState<SearchResult | null>(null);
  const [consultantId, setConsultantId] = useState<string | null>(me.id);
  const [invite, setInvite] = useState<string>('none');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState<SlotConflict | null>(null);

  const schedule = useSchedule(
    preset.locationId,
    toOffsetIso(berlinInstant(day, 0)),
    toOffsetIso(berlinInstant(addDays(day, 1), 0)),
  );
  const startMinutes = parseHhmm(start);
  const endMinutes = parseHhmm(end);
  const slot =
    Number.isNaN(startMinutes) || Number.isNaN(endMinutes)
      ? null
      : { from: berlinInstant(day, startMinutes), to: berlinInstant(day, endMinutes) };

  const carOptions = (schedule.data?.cars ?? []).map((car) => {
    const busy = slot ? busyWith(car, slot.from.getTime(), slot.to.getTime()) : null;
    return {
      value: car.id,
      label: busy
        ? `${car.label} – ${t('testDrives.book.busy', { what: busy })}`
        : `${car.label} – ${t('testDrives.book.free')}`,
    };
  });
  const consultants = (directory.data ?? [])
    .filter((u) => u.active && (u.role === 'sales' || u.role === 'manager'))
    .filter((u) => u.homeLocationId === preset.locationId || u.locationIds.includes(preset.locationId))
    .map((u) => ({ value: u.id, label: u.displayName }));
  if (consultantId === me.id && !consultants.some((c) => c.value === me.id)) {
    consultants.unshift({ value: me.id, label: me.displayName });
  }

  function submit() {
    const missing: Record<string, string> = {};
    if (!contact) missing.contactId = t('validation.required');
    if (!carId) missing.demoVehicleId = t('validation.required');
    if (!slot) missing.startsAt = t('validation.required');
    else if (slot.to <= slot.from) missing.endsAt = t('validation.endsBeforeStart');
    setErrors(missing);
    setConflict(null);
    if (Object.keys(missing).length || !slot) return;
    book.mutate(
      {
        contactId: contact!.id,
        opportunityId: preset.opportunityId ?? null,
        consultantId: consultantId ?? undefined,
        demoVehicleId: carId,
        startsAt: toOffsetIso(slot.from),
        endsAt: toOffsetIso(slot.to),
        note: note || null,
        invite,
      },
      {
        onSuccess: (booked) => {
          notifications.show({ color: 'green', message: t('testDrives.book.done') });
          for (const warning of booked.warnings) {
            notifications.show({
              color: 'yellow',
              message: t('testDrives.book.consultantBusy', {
                subject: warning.subject,
                time: formatTime(warning.startsAt),
              }),
            });
          }
          if (booked.invitation?.problem) {
            notifications.show({
              color: 'yellow',
              message: t('testDrives.book.notInvited', { problem: booked.invitation.problem }),
            });
          }
          onClose();
        },
        onError: (error) => {
          const found = conflictOf(error);
          if (found) setConflict(found);
          else {
            setErrors(serverFieldErrors(error) as Record<string, string>);
            reportError(error);
          }
        },
      },
    );
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t('testDrives.book.title')} size="lg">
      <Stack>
        {preset.contact ? (
          <Text>
            {t('testDrives.book.customer')}: <strong>{preset.contact.label}</strong>
          </Text>
        ) : (
          <ContactPicker
            label={t('testDrives.book.customer')}
            value={picked}
            onChange={(result) => {
              setPicked(result);
              setContact(result ? { id: result.id, label: result.title } : null);
            }}
            error={errors.contactId}
          />
        )}
        <SimpleGrid cols={3}>
          <DayField label={t('testDrives.book.day')} value={day} onChange={setDay} withAsterisk />
          <TimePicker
            format="24h"
            label={t('testDrives.book.from')}
            hoursInputLabel={t('common.timeOf', { field: t('testDrives.book.from') })}
            minutesInputLabel={t('common.minutesOf', { field: t('testDrives.book.from') })}
            value={start}
            onChange={(next) => setStart(next.slice(0, 5))}
            error={errors.startsAt}
            withAsterisk
          />
          <TimePicker
            format="24h"
            label={t('testDrives.book.to')}
            hoursInputLabel={t('common.timeOf', { field: t('testDrives.book.to') })}
            minutesInputLabel={t('common.minutesOf', { field: t('testDrives.book.to') })}
            value={end}
            onChange={(next) => setEnd(next.slice(0, 5))}
            error={errors.endsAt}
            withAsterisk
          />
        </SimpleGrid>
        {conflict && (
          <Alert color="red" role="alert" title={t('testDrives.book.taken')}>
            {conflictInWords(conflict)}
          </Alert>
        )}
        <Select
          label={t('testDrives.book.car')}
          data={carOptions}
          value={carId}
          onChange={setCarId}
          error={errors.demoVehicleId}
          nothingFoundMessage={t('testDrives.book.noCars')}
          placeholder={schedule.isLoading ? t('common.loading') : undefined}
          withAsterisk
        />
        <Select
          label={t('testDrives.book.consultant')}
          data={consultants}
          value={consultantId}
          onChange={setConsultantId}
          error={errors.consultantId}
        />
        <Select
          label={t('testDrives.book.invite')}
          data={(['none', 'consent', 'asked'] as const).map((v) => ({
            value: v,
            label: t(`testDrives.book.inviteOptions.${v}`),
          }))}
          value={invite}
          onChange={(v) => setInvite(v ?? 'none')}
          allowDeselect={false}
        />
        <Textarea
          label={t('testDrives.book.note')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={errors.note}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={book.isPending}>
            {t('testDrives.book.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
