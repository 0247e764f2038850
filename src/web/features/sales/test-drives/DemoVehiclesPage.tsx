import {
  Badge,
  Button,
  Divider,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCar, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '@web/app/auth';
import { useLocations } from '@web/app/org-queries';
import { berlinInstant, parseHhmm, toOffsetIso } from '@web/features/activities/time';
import { AddButton } from '@web/ui/admin/AddButton';
import { AdminTable } from '@web/ui/admin/AdminTable';
import { EditModal } from '@web/ui/admin/EditModal';
import { ListState } from '@web/ui/admin/ListState';
import { RowActions } from '@web/ui/admin/RowActions';
import { reportError, serverFieldErrors } from '@web/ui/form-errors';
import { type DemoVehicle, useAddBlock, useDemoVehicles, useRemoveBlock, useSaveDemoVehicle } from './queries';
import { formatDateTime } from './words';
import { completeLocal, DayTimeFields } from '@web/ui/date-fields';

/** Administration → Vorführwagen: a location's demo cars and the times they are away. */
export default function DemoVehiclesPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const locations = useLocations();
  const [locationId, setLocationId] = useState(me.homeLocationId);
  const [editing, setEditing] = useState<DemoVehicle | 'new' | null>(null);
  const cars = useDemoVehicles(locationId, true);
  const mine = (locations.data ?? []).filter(
    (l) => me.role === 'admin' || me.locationIds.includes(l.id) || l.id === me.homeLocationId,
  );
  const items = cars.data?.items;

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Select
          label={t('testDrives.page.location')}
          data={mine.map((l) => ({ value: l.id, label: l.name }))}
          value={locationId}
          onChange={(v) => v && setLocationId(v)}
          allowDeselect={false}
        />
        <AddButton label={t('testDrives.admin.add')} onClick={() => setEditing('new')} />
      </Group>
      <ListState
        query={{ ...cars, data: items }}
        empty={{
          icon: <IconCar />,
          title: t('testDrives.admin.title'),
          text: t('testDrives.admin.empty'),
          actionLabel: t('testDrives.admin.add'),
          onAction: () => setEditing('new'),
        }}
      >
        <AdminTable
          minWidth={700}
          columns={[
            t('testDrives.admin.make'),
            t('testDrives.admin.plate'),
            t('testDrives.admin.mileage'),
            t('testDrives.admin.blocks'),
            t('testDrives.admin.active'),
          ]}
        >
          {items?.map((car) => (
            <Table.Tr key={car.id}>
              <Table.Td>
                {car.make} {car.model} {car.variant ?? ''}
              </Table.Td>
              <Table.Td>{car.plate}</Table.Td>
              <Table.Td>{car.mileageKm ?? '—'}</Table.Td>
              <Table.Td>{car.blocks.length}</Table.Td>
              <Table.Td>
                <Badge color={car.active ? 'green' : 'gray'}>
                  {car.active ? t('testDrives.admin.active') : t('testDrives.admin.inactive')}
                </Badge>
              </Table.Td>
              <Table.Td>
                <RowActions onEdit={() => setEditing(car)} names={{ edit: car.label }} />
              </Table.Td>
            </Table.Tr>
          ))}
        </AdminTable>
      </ListState>
      <EditModal
        editing={editing}
        onClose={() => setEditing(null)}
        titles={{ create: t('testDrives.admin.add'), edit: t('testDrives.admin.edit') }}
      >
        {(car) => (
          <CarForm
            car={car ? (items?.find((c) => c.id === car.id) ?? car) : null}
            locationId={locationId}
            onDone={() => setEditing(null)}
          />
        )}
      </EditModal>
    </Stack>
  );
}

function CarForm({ car, locationId, onDone }: { car: DemoVehicle | null; locationId: string; onDone(): void }) {
  const { t } = useTranslation();
  const save = useSaveDemoVehicle();
  const [values, setValues] = useState({
    make: car?.make ?? '',
    model: car?.model ?? '',
    variant: car?.variant ?? '',
    plate: car?.plate ?? '',
    vin: car?.vin ?? '',
    mileageKm: car?.mileageKm ?? ('' as number | string),
    active: car?.active ?? true,
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (key: keyof typeof values) => (e: { currentTarget: { value: string } }) =>
    setValues({ ...values, [key]: e.currentTarget.value });

  function submit() {
    const body = {
      ...(car ? {} : { locationId }),
      make: values.make,
      model: values.model,
      variant: values.variant || null,
      plate: values.plate,
      vin: values.vin || null,
      mileageKm: values.mileageKm === '' ? null : Number(values.mileageKm),
      active: values.active,
    };
    save.mutate(
      { id: car?.id, body },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('testDrives.admin.saved') });
          onDone();
        },
        onError: (error) => {
          setErrors(serverFieldErrors(error) as Record<string, string>);
          reportError(error);
        },
      },
    );
  }

  return (
    <Stack>
      <SimpleGrid cols={2}>
        <TextInput
          label={t('testDrives.admin.make')}
          value={values.make}
          onChange={set('make')}
          error={errors.make}
          withAsterisk
        />
        <TextInput
          label={t('testDrives.admin.model')}
          value={values.model}
          onChange={set('model')}
          error={errors.model}
          withAsterisk
        />
        <TextInput
          label={t('testDrives.admin.variant')}
          value={values.variant}
          onChange={set('variant')}
          error={errors.variant}
        />
        <TextInput
          label={t('testDrives.admin.plate')}
          value={values.plate}
          onChange={set('plate')}
          error={errors.plate}
          withAsterisk
        />
        <TextInput label={t('testDrives.admin.vin')} value={values.vin} onChange={set('vin')} error={errors.vin} />
        <NumberInput
          label={t('testDrives.admin.mileage')}
          value={values.mileageKm}
          onChange={(v) => setValues({ ...values, mileageKm: v })}
          min={0}
          error={errors.mileageKm}
        />
      </SimpleGrid>
      <Switch
        label={t('testDrives.admin.active')}
        checked={values.active}
        onChange={(e) => setValues({ ...values, active: e.currentTarget.checked })}
      />
      <Group justify="flex-end">
        <Button onClick={submit} loading={save.isPending}>
          {t('common.save')}
        </Button>
      </Group>
      {car && <Blocks car={car} />}
    </Stack>
  );
}

function Blocks({ car }: { car: DemoVehicle }) {
  const { t } = useTranslation();
  const add = useAddBlock();
  const remove = useRemoveBlock();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  // The times are Berlin wall-clock times whatever the browser's zone.
  const asInstant = (value: string) => {
    const local = completeLocal(value);
    return local ? toOffsetIso(berlinInstant(local.slice(0, 10), parseHhmm(local.slice(11)))) : '';
  };

  return (
    <Stack gap="xs">
      <Divider label={t('testDrives.admin.blocks')} />
      {car.blocks.length === 0 && <Text c="dimmed">{t('testDrives.admin.noBlocks')}</Text>}
      {car.blocks.map((b) => (
        <Group key={b.id} justify="space-between">
          <Text size="sm">
            {formatDateTime(b.startsAt)} – {formatDateTime(b.endsAt)}: {b.reason}
          </Text>
          <Button
            size="compact-sm"
            variant="subtle"
            color="red"
            leftSection={<IconTrash size={14} />}
            onClick={() => remove.mutate({ id: car.id, blockId: b.id }, { onError: (e) => reportError(e) })}
          >
            {t('testDrives.admin.removeBlock')}
          </Button>
        </Group>
      ))}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DayTimeFields
          label={t('testDrives.admin.blockFrom')}
          value={from}
          onChange={setFrom}
          error={errors.startsAt}
        />
        <DayTimeFields label={t('testDrives.admin.blockTo')} value={to} onChange={setTo} error={errors.endsAt} />
        <TextInput
          label={t('testDrives.admin.blockReason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={errors.reason}
        />
      </SimpleGrid>
      <Group justify="flex-end">
        <Button
          variant="default"
          loading={add.isPending}
          onClick={() =>
            add.mutate(
              { id: car.id, body: { startsAt: asInstant(from), endsAt: asInstant(to), reason } },
              {
                onSuccess: () => {
                  setFrom('');
                  setTo('');
                  setReason('');
                  setErrors({});
                },
                onError: (error) => {
                  setErrors(serverFieldErrors(error) as Record<string, string>);
                  reportError(error);
                },
              },
            )
          }
        >
          {t('testDrives.admin.addBlock')}
        </Button>
      </Group>
    </Stack>
  );
}
