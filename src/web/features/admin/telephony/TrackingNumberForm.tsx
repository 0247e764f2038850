import { Button, Group, MultiSelect, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { REQUEST_CHANNELS, type RequestChannel } from '@shared/requests/enums';
import { TrackingNumberInput } from '@shared/telephony/schemas';
import { reportError, zodValidate } from '@web/ui/form-errors';
import { useLocations } from '@web/app/org-queries';
import { type TrackingNumberItem, useSaveTrackingNumber, useUserDirectory } from './queries';

interface Values {
  number: string;
  label: string;
  source: string;
  campaign: string;
  channel: RequestChannel;
  listingRef: string;
  locationId: string | null;
  routeUserId: string | null;
  routeGroupUserIds: string[];
  active: boolean;
}

const toBody = (v: Values) => ({ ...v, locationId: v.locationId || null, routeUserId: v.routeUserId || null });

interface TrackingNumberFormProps {
  trackingNumber: TrackingNumberItem | null;
  onClose(): void;
}

export function TrackingNumberForm({ trackingNumber: tn, onClose }: TrackingNumberFormProps) {
  const { t } = useTranslation();
  const users = useUserDirectory();
  const locations = useLocations();
  const save = useSaveTrackingNumber();
  const form = useForm<Values>({
    mode: 'uncontrolled',
    initialValues: {
      number: tn?.number ?? '',
      label: tn?.label ?? '',
      source: tn?.source ?? '',
      campaign: tn?.campaign ?? '',
      channel: tn?.channel ?? 'phone',
      listingRef: tn?.listingRef ?? '',
      locationId: tn?.locationId ?? null,
      routeUserId: tn?.routeUser?.id ?? null,
      routeGroupUserIds: tn?.routeGroup.map((u) => u.id) ?? [],
      active: tn?.active ?? true,
    },
    validate: zodValidate<Values>(TrackingNumberInput, toBody),
  });
  const userOptions = (users.data ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.displayName }));

  async function handleSubmit(values: Values) {
    try {
      const saved = await save.mutateAsync({ id: tn?.id, body: toBody(values) });
      notifications.show({ color: 'teal', message: t('telephonyAdmin.tracking.saved', { number: saved.number }) });
      onClose();
    } catch (error) {
      reportError(error, form);
    }
  }

  return (
    <form onSubmit={form.onSubmit((values) => void handleSubmit(values))} noValidate>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('telephonyAdmin.tracking.number')}
            withAsterisk
            inputMode="tel"
            data-autofocus
            key={form.key('number')}
            {...form.getInputProps('number')}
          />
          <TextInput
            label={t('telephonyAdmin.tracking.label')}
            withAsterisk
            key={form.key('label')}
            {...form.getInputProps('label')}
          />
          <TextInput
            label={t('telephonyAdmin.tracking.source')}
            description={t('telephonyAdmin.tracking.sourceHint')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            withAsterisk
            key={form.key('source')}
            {...form.getInputProps('source')}
          />
          <TextInput
            label={t('telephonyAdmin.tracking.campaign')}
            key={form.key('campaign')}
            {...form.getInputProps('campaign')}
          />
          <Select
            label={t('telephonyAdmin.tracking.channel')}
            allowDeselect={false}
            data={REQUEST_CHANNELS.map((c) => ({ value: c, label: t(`requests.channel.${c}`) }))}
            key={form.key('channel')}
            {...form.getInputProps('channel')}
          />
          <TextInput
            label={t('telephonyAdmin.tracking.listing')}
            key={form.key('listingRef')}
            {...form.getInputProps('listingRef')}
          />
          <Select
            label={t('telephonyAdmin.tracking.location')}
            clearable
            data={(locations.data ?? []).map((l) => ({ value: l.id, label: l.name }))}
            key={form.key('locationId')}
            {...form.getInputProps('locationId')}
          />
          <Select
            label={t('telephonyAdmin.tracking.routeUser')}
            clearable
            searchable
            data={userOptions}
            key={form.key('routeUserId')}
            {...form.getInputProps('routeUserId')}
          />
        </SimpleGrid>
        <MultiSelect
          label={t('telephonyAdmin.tracking.routeGroup')}
          description={t('telephonyAdmin.tracking.routeGroupHint')}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          searchable
          data={userOptions}
          key={form.key('routeGroupUserIds')}
          {...form.getInputProps('routeGroupUserIds')}
        />
        <Switch
          label={t('common.active')}
          key={form.key('active')}
          {...form.getInputProps('active', { type: 'checkbox' })}
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {tn ? t('common.save') : t('common.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
