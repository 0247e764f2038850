import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchResult } from '@shared/search/schemas';
import { VEHICLE_ROLES, type VehicleRole } from '@shared/vehicles/enums';
import { reportError } from '@web/ui/form-errors';
import { currentLocale } from '@web/i18n';
import { berlinStartOfDay, todayInBerlin } from '../customers/format';
import type { Vehicle } from '../customers/types';
import { ContactPicker } from './ContactPicker';
import { useTransferVehicle } from './queries';

interface TransferDialogProps {
  vehicle: Vehicle;
  opened: boolean;
  onClose(): void;
}

/** Halterwechsel: the current owner (or keeper, driver…) hands over to another customer on a given day. */
export function TransferDialog({ vehicle, opened, onClose }: TransferDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('vehicles.transfer.title')} size="md">
      {opened && <TransferForm vehicle={vehicle} onClose={onClose} />}
    </Modal>
  );
}

function TransferForm({ vehicle, onClose }: { vehicle: Vehicle; onClose(): void }) {
  const { t } = useTranslation();
  const transfer = useTransferVehicle(vehicle.id);
  const [contact, setContact] = useState<SearchResult | null>(null);
  const [role, setRole] = useState<VehicleRole>('owner');
  const [day, setDay] = useState<string | null>(todayInBerlin());
  const [error, setError] = useState<string | null>(null);
  const current = vehicle.contacts.filter((link) => link.role === role);

  async function submit() {
    if (!contact) {
      setError(t('vehicles.transfer.pickContact'));
      return;
    }
    const today = todayInBerlin();
    try {
      await transfer.mutateAsync({
        toContactId: contact.id,
        role,
        // "Today" means now; an earlier day is recorded from its start.
        ...(day && day !== today ? { at: berlinStartOfDay(day) } : {}),
      });
      notifications.show({ color: 'teal', message: t('vehicles.transfer.done', { name: contact.title }) });
      onClose();
    } catch (failure) {
      reportError(failure);
    }
  }

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {current.length > 0
          ? t('vehicles.transfer.current', {
              role: t(`vehicles.role.${role}`),
              names: current.map((link) => link.displayName).join(', '),
            })
          : t('vehicles.transfer.noCurrent', { role: t(`vehicles.role.${role}`) })}
      </Text>
      <ContactPicker
        label={t('vehicles.transfer.to')}
        value={contact}
        onChange={(picked) => {
          setContact(picked);
          setError(null);
        }}
        error={error}
      />
      <Group grow>
        <Select
          label={t('vehicles.fields.role')}
          allowDeselect={false}
          data={VEHICLE_ROLES.map((value) => ({ value, label: t(`vehicles.role.${value}`) }))}
          value={role}
          onChange={(value) => value && setRole(value as VehicleRole)}
        />
        <DateInput
          label={t('vehicles.transfer.at')}
          valueFormat="DD.MM.YYYY"
          locale={currentLocale()}
          maxDate={todayInBerlin()}
          value={day}
          onChange={setDay}
        />
      </Group>
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button onClick={() => void submit()} loading={transfer.isPending}>
          {t('vehicles.transfer.submit')}
        </Button>
      </Group>
    </Stack>
  );
}
