import {
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Textarea,
  TextInput,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import 'dayjs/locale/de';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { FINANCING_TYPES, FUELS } from '@shared/vehicles/enums';
import { formatPlate, vinProblem } from '@shared/vehicles/normalize';
import { VehicleInput } from '@shared/vehicles/schemas';
import { ApiError } from '@web/ui/api';
import { reportError, zodValidate } from '@web/ui/form-errors';
import { currentLocale } from '@web/i18n';
import { todayInBerlin } from '../customers/format';
import type { Vehicle } from '../customers/types';
import { useSaveVehicle } from './queries';
import { vehicleBody, vehicleValues, type VehicleFormValues } from './vehicle-values';

interface VehicleFormModalProps {
  opened: boolean;
  onClose(): void;
  /** Editing this vehicle; without it a new one is created. */
  vehicle?: Vehicle | null;
  /** New vehicles are linked to this contact as owner. */
  ownerContactId?: string;
}

const validateSchema = zodValidate<VehicleFormValues>(VehicleInput, vehicleBody);

export function VehicleFormModal({ opened, onClose, vehicle, ownerContactId }: VehicleFormModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="xl"
      title={vehicle ? t('vehicles.form.editTitle') : t('vehicles.form.createTitle')}
    >
      {opened && <VehicleForm vehicle={vehicle} ownerContactId={ownerContactId} onClose={onClose} />}
    </Modal>
  );
}

function VehicleForm({ vehicle, ownerContactId, onClose }: Omit<VehicleFormModalProps, 'opened'>) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useSaveVehicle(vehicle?.id);
  const initial = vehicleValues(vehicle);
  const form = useForm<VehicleFormValues>({
    initialValues: initial,
    validate: (values) => {
      const errors = validateSchema(values);
      if (values.vin.trim() && vinProblem(values.vin)) errors.vin ??= t('vehicles.form.vinInvalid');
      if (values.plate.trim() && !formatPlate(values.plate)) errors.plate ??= t('vehicles.form.plateInvalid');
      return errors;
    },
  });
  const values = form.getValues();
  const dateProps = {
    valueFormat: 'DD.MM.YYYY',
    locale: currentLocale(),
    clearable: true,
    placeholder: t('customers.form.datePlaceholder'),
  };

  async function submit(submitted: VehicleFormValues) {
    const body = vehicleBody(submitted);
    // A new reading is dated today; an untouched one keeps its date.
    const mileageDate =
      body.mileageKm !== null && submitted.mileageKm !== initial.mileageKm ? todayInBerlin() : undefined;
    try {
      const result = vehicle
        ? await save.mutateAsync({ ...body, ...(mileageDate ? { mileageDate } : {}), version: vehicle.version })
        : await save.mutateAsync({
            ...body,
            ...(mileageDate ? { mileageDate } : {}),
            contacts: ownerContactId ? [{ contactId: ownerContactId, role: 'owner' }] : [],
          });
      notifications.show({
        color: 'teal',
        message: t(vehicle ? 'vehicles.form.saved' : 'vehicles.form.created', {
          name: `${result.make} ${result.model}`,
        }),
      });
      onClose();
      if (!vehicle && !ownerContactId) void navigate(`/vehicles/${result.id}`);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        notifications.show({ color: 'orange', autoClose: false, message: t('customers.form.versionConflict') });
        return;
      }
      reportError(error, form);
    }
  }

  return (
    <form onSubmit={form.onSubmit((submitted) => void submit(submitted))} noValidate>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={t('vehicles.fields.make')} withAsterisk data-autofocus {...form.getInputProps('make')} />
          <TextInput label={t('vehicles.fields.model')} withAsterisk {...form.getInputProps('model')} />
          <TextInput label={t('vehicles.fields.variant')} {...form.getInputProps('variant')} />
          <TextInput
            label={t('vehicles.fields.plate')}
            placeholder="M-AB 1234"
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            {...form.getInputProps('plate')}
          />
          <TextInput
            label={t('vehicles.fields.vin')}
            placeholder="WVWZZZ1JZXW000001"
            maxLength={30}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', textTransform: 'uppercase' } }}
            {...form.getInputProps('vin')}
          />
          <Select
            label={t('vehicles.fields.fuel')}
            clearable
            data={FUELS.map((fuel) => ({ value: fuel, label: t(`vehicles.fuel.${fuel}`) }))}
            {...form.getInputProps('fuel')}
          />
          <DateInput
            label={t('vehicles.fields.firstRegistration')}
            maxDate={todayInBerlin()}
            {...dateProps}
            {...form.getInputProps('firstRegistration')}
          />
          <NumberInput
            label={t('vehicles.fields.mileageKm')}
            suffix=" km"
            thousandSeparator="."
            decimalSeparator=","
            min={0}
            allowDecimal={false}
            {...form.getInputProps('mileageKm')}
          />
          <DateInput label={t('vehicles.fields.deliveryDate')} {...dateProps} {...form.getInputProps('deliveryDate')} />
          <DateInput label={t('vehicles.fields.warrantyEnd')} {...dateProps} {...form.getInputProps('warrantyEnd')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }} verticalSpacing="xs">
          <Switch
            label={t('vehicles.fields.serviceContract')}
            mt={{ sm: 30 }}
            {...form.getInputProps('serviceContract', { type: 'checkbox' })}
          />
          {values.serviceContract && (
            <DateInput
              label={t('vehicles.fields.serviceContractUntil')}
              {...dateProps}
              {...form.getInputProps('serviceContractUntil')}
            />
          )}
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label={t('vehicles.fields.financingType')}
            allowDeselect={false}
            data={FINANCING_TYPES.map((type) => ({ value: type, label: t(`vehicles.financing.${type}`) }))}
            {...form.getInputProps('financingType')}
          />
          {values.financingType !== 'none' && (
            <>
              <TextInput label={t('vehicles.fields.financingBank')} {...form.getInputProps('financingBank')} />
              <DateInput
                label={t('vehicles.fields.financingEnd')}
                {...dateProps}
                {...form.getInputProps('financingEnd')}
              />
            </>
          )}
        </SimpleGrid>
        <Textarea label={t('vehicles.fields.notes')} autosize minRows={2} {...form.getInputProps('notes')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {vehicle ? t('common.save') : t('vehicles.form.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
