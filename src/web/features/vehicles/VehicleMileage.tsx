import { Alert, Button, Checkbox, Group, Loader, NumberInput, Stack, Table, Text } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VehicleMileage as Mileage } from '@shared/vehicles/mileage';
import { currentLocale } from '@web/i18n';
import { ApiError, api } from '@web/ui/api';
import { describeError, serverFieldErrors } from '@web/ui/form-errors';
import { formatDate, todayInBerlin } from '../customers/format';

const mileageKey = (id: string) => ['vehicles', 'mileage', id] as const;

/** "März 2027": the month a day falls in, as the estimate is no more exact than that. */
/** Whether the server refused the reading as lower than an earlier one, which may be confirmed. */
const isBelowEarlier = (error: unknown) =>
  error instanceof ApiError && error.errors.some((p) => p.field === 'km' && p.code === 'below_earlier_reading');

const monthOf = (day: string, language: string) =>
  new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );

/** The odometer readings, the kilometres a year estimated from them, and a new reading. */
export function VehicleMileage({ vehicleId, canEdit }: { vehicleId: string; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const mileage = useQuery({
    queryKey: mileageKey(vehicleId),
    queryFn: ({ signal }) => api.get<Mileage>(`/vehicles/${vehicleId}/mileage`, signal),
  });
  const [readOn, setReadOn] = useState(todayInBerlin());
  const [km, setKm] = useState<number | ''>('');
  const [confirmLower, setConfirmLower] = useState(false);
  // Stays up once the server asked for it, so ticking it does not make it vanish.
  const [askLower, setAskLower] = useState(false);
  const record = useMutation({
    mutationFn: () => api.post<Mileage>(`/vehicles/${vehicleId}/mileage`, { readOn, km, confirmLower }),
    onSuccess: (data) => {
      queryClient.setQueryData(mileageKey(vehicleId), data);
      void queryClient.invalidateQueries({ queryKey: ['vehicles', 'detail', vehicleId] });
      setKm('');
      setConfirmLower(false);
      setAskLower(false);
    },
    onError: (error) => {
      if (isBelowEarlier(error)) setAskLower(true);
    },
  });
  const errors = record.isError ? serverFieldErrors(record.error) : {};
  const number = (value: number) => value.toLocaleString(i18n.language);

  if (mileage.isPending) return <Loader size="sm" />;
  if (mileage.isError) return <Text c="red">{describeError(mileage.error)}</Text>;
  const data = mileage.data;

  return (
    <Stack gap="sm">
      {data.kmPerYear !== null ? (
        <Text>
          {t('vehicles.mileage.perYear', { km: number(data.kmPerYear) })}
          {data.nextService &&
            `, ${t('vehicles.mileage.nextService', {
              km: number(data.nextService.km),
              month: monthOf(data.nextService.expectedOn, i18n.language),
            })}`}
          <Text span size="xs" c="dimmed" ml="xs">
            ({t(`vehicles.mileage.basis.${data.basis ?? 'readings'}`)})
          </Text>
        </Text>
      ) : (
        <Text c="dimmed" size="sm">
          {t('vehicles.mileage.noEstimate')}
        </Text>
      )}
      {data.readings.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('vehicles.mileage.empty')}
        </Text>
      ) : (
        <Table>
          <Table.Tbody>
            {data.readings.slice(0, 5).map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{formatDate(r.readOn)}</Table.Td>
                <Table.Td ta="right">{number(r.km)} km</Table.Td>
                <Table.Td c="dimmed">{t(`vehicles.mileage.source.${r.source}`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {canEdit && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            record.mutate();
          }}
        >
          <Group align="flex-end" gap="xs">
            <DateInput
              label={t('vehicles.mileage.readOn')}
              value={readOn}
              valueFormat="DD.MM.YYYY"
              locale={currentLocale()}
              maxDate={todayInBerlin()}
              onChange={(value) => setReadOn(value ?? todayInBerlin())}
              error={Boolean(errors.readOn)}
              w={150}
            />
            <NumberInput
              label={t('vehicles.mileage.km')}
              value={km}
              min={0}
              max={2_000_000}
              allowDecimal={false}
              suffix=" km"
              thousandSeparator={i18n.language === 'de' ? '.' : ','}
              decimalSeparator={i18n.language === 'de' ? ',' : '.'}
              onChange={(v) => {
                setKm(typeof v === 'number' ? v : '');
                // A confirmation is for the number it was given for.
                setConfirmLower(false);
              }}
              error={Boolean(errors.km)}
              w={150}
            />
            <Button type="submit" loading={record.isPending} disabled={km === ''}>
              {t('vehicles.mileage.record')}
            </Button>
          </Group>
          {/* Under the row, not under the narrow field, so the fields and the button stay in line. */}
          {(errors.readOn || errors.km) && (
            <Text c="red" size="sm" mt={4} role="alert">
              {errors.readOn ?? errors.km}
            </Text>
          )}
          {askLower && (
            <Checkbox
              mt="xs"
              label={t('vehicles.mileage.confirmLower')}
              checked={confirmLower}
              onChange={(e) => setConfirmLower(e.currentTarget.checked)}
            />
          )}
          {record.isError && Object.keys(errors).length === 0 && (
            <Alert color="red" mt="xs">
              {describeError(record.error)}
            </Alert>
          )}
        </form>
      )}
    </Stack>
  );
}
