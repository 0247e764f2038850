import { Button, Divider, Group, Select, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { FEDERAL_STATES, WEEKDAYS, type FederalState } from '@shared/org/enums';
import { LocationInput, type Location, type OpeningHours } from '@shared/org/schemas';
import { reportError, zodValidate } from '@web/ui/form-errors';
import { useSaveLocation } from '../queries';
import { OpeningHoursEditor } from './OpeningHoursEditor';

export interface LocationValues {
  name: string;
  code: string;
  street: string;
  postalCode: string;
  city: string;
  phone: string;
  email: string;
  federalState: FederalState | null;
  openingHours: OpeningHours;
  active: boolean;
}

const emptyHours = () => Object.fromEntries(WEEKDAYS.map((day) => [day, []])) as unknown as OpeningHours;

function toBody(values: LocationValues) {
  return { ...values, code: values.code.trim().toUpperCase(), email: values.email.trim() || null };
}

export function LocationForm({ location, onClose }: { location: Location | null; onClose(): void }) {
  const { t } = useTranslation();
  const saveLocation = useSaveLocation();

  const form = useForm<LocationValues>({
    initialValues: {
      name: location?.name ?? '',
      code: location?.code ?? '',
      street: location?.street ?? '',
      postalCode: location?.postalCode ?? '',
      city: location?.city ?? '',
      phone: location?.phone ?? '',
      email: location?.email ?? '',
      federalState: location?.federalState ?? null,
      openingHours: { ...emptyHours(), ...location?.openingHours },
      active: location?.active ?? true,
    },
    validate: zodValidate<LocationValues>(LocationInput, toBody),
  });

  async function handleSubmit(values: LocationValues) {
    try {
      const saved = await saveLocation.mutateAsync({ id: location?.id, body: toBody(values) });
      const key = location ? 'admin.locations.saved' : 'admin.locations.created';
      notifications.show({ color: 'teal', message: t(key, { name: saved.name }) });
      onClose();
    } catch (error) {
      reportError(error, form);
    }
  }

  return (
    <form onSubmit={form.onSubmit((values) => void handleSubmit(values))} noValidate>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t('admin.locations.name')}
            withAsterisk
            data-autofocus
            style={{ gridColumn: 'span 2' }}
            {...form.getInputProps('name')}
          />
          <TextInput
            label={t('admin.locations.code')}
            description={t('admin.locations.codeHint')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            withAsterisk
            maxLength={6}
            styles={{ input: { textTransform: 'uppercase' } }}
            {...form.getInputProps('code')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t('admin.locations.street')}
            withAsterisk
            autoComplete="street-address"
            {...form.getInputProps('street')}
          />
          <TextInput
            label={t('admin.locations.postalCode')}
            withAsterisk
            inputMode="numeric"
            maxLength={5}
            autoComplete="postal-code"
            {...form.getInputProps('postalCode')}
          />
          <TextInput label={t('admin.locations.city')} withAsterisk {...form.getInputProps('city')} />
          <TextInput label={t('admin.locations.phone')} withAsterisk type="tel" {...form.getInputProps('phone')} />
          <TextInput label={t('admin.locations.email')} type="email" {...form.getInputProps('email')} />
          <Select
            label={t('admin.locations.federalState')}
            description={t('admin.locations.federalStateHint')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            withAsterisk
            searchable
            data={FEDERAL_STATES.map((code) => ({ value: code, label: t(`federalStates.${code}`) })).sort((a, b) =>
              a.label.localeCompare(b.label, 'de'),
            )}
            {...form.getInputProps('federalState')}
          />
        </SimpleGrid>

        <Divider mt="xs" />
        <Text fw={600}>{t('admin.locations.openingHours')}</Text>
        <OpeningHoursEditor form={form} />
        <Divider />

        <Switch label={t('admin.locations.activeLabel')} {...form.getInputProps('active', { type: 'checkbox' })} />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={saveLocation.isPending}>
            {location ? t('common.save') : t('common.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
