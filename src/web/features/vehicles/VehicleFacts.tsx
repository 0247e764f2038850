import { VehiclePhaseBadge } from '@web/features/lifecycle/PhaseBadge';
import { Anchor, Badge, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatEuro } from '@shared/sales/money';
import { formatDate, isPast } from '../customers/format';
import type { Vehicle } from '../customers/types';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500} component="div">
        {children}
      </Text>
    </Stack>
  );
}

/** `expires`: a date that ends something (warranty) is struck through once it has passed. */
function DateFact({ label, value, expires = false }: { label: string; value: string | null; expires?: boolean }) {
  const { t } = useTranslation();
  const expired = expires && isPast(value);
  return (
    <Fact label={label}>
      {value ? (
        <Text span size="sm" fw={500} c={expired ? 'dimmed' : undefined} td={expired ? 'line-through' : undefined}>
          {formatDate(value)}
        </Text>
      ) : (
        t('common.none')
      )}
    </Fact>
  );
}

/** The vehicle's data: what service and sales ask for before calling (R3.2). */
export function VehicleFacts({ vehicle }: { vehicle: Vehicle }) {
  const { t } = useTranslation();
  const none = t('common.none');
  return (
    <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="md" verticalSpacing="md">
      <Fact label={t('vehicles.fields.fuel')}>{vehicle.fuel ? t(`vehicles.fuel.${vehicle.fuel}`) : none}</Fact>
      <DateFact label={t('vehicles.fields.firstRegistration')} value={vehicle.firstRegistration} />
      <Fact label={t('vehicles.fields.mileageKm')}>
        {vehicle.mileageKm !== null ? `${vehicle.mileageKm.toLocaleString('de-DE')}\u00a0km` : none}
        {vehicle.mileageDate && (
          <Text size="xs" c="dimmed">
            ({formatDate(vehicle.mileageDate)})
          </Text>
        )}
      </Fact>
      <Fact label={t('vehicles.fields.deliveryDate')}>
        {vehicle.deliveryDate ? formatDate(vehicle.deliveryDate) : none}
        {vehicle.deliveryDate && (
          <div>
            <VehiclePhaseBadge deliveryDate={vehicle.deliveryDate} />
          </div>
        )}
      </Fact>
      <DateFact label={t('vehicles.fields.warrantyEnd')} value={vehicle.warrantyEnd} expires />
      <Fact label={t('vehicles.fields.serviceContract')}>
        {vehicle.serviceContract ? (
          <Badge color={isPast(vehicle.serviceContractUntil) ? 'gray' : 'teal'} variant="light" tt="none">
            {vehicle.serviceContractUntil
              ? t('vehicles.contractUntil', { date: formatDate(vehicle.serviceContractUntil) })
              : t('vehicles.contractYes')}
          </Badge>
        ) : (
          t('vehicles.noContract')
        )}
      </Fact>
      <Fact label={t('vehicles.fields.financingType')}>
        {t(`vehicles.financing.${vehicle.financingType}`)}
        {vehicle.financingType !== 'none' && (
          <Text size="xs" c="dimmed">
            {[
              vehicle.financingBank,
              vehicle.financingContractNumber &&
                `${t('vehicles.fields.financingContractNumber')} ${vehicle.financingContractNumber}`,
              vehicle.financingResidualCents !== null &&
                vehicle.financingResidualCents !== undefined &&
                `${t('vehicles.fields.financingResidual')} ${formatEuro(vehicle.financingResidualCents)}`,
              vehicle.financingEnd && t('vehicles.endsOn', { date: formatDate(vehicle.financingEnd) }),
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        )}
      </Fact>
      {vehicle.notes && (
        <Fact label={t('vehicles.fields.notes')}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {vehicle.notes}
          </Text>
        </Fact>
      )}
    </SimpleGrid>
  );
}

/** Current owner, keeper and drivers, and who had the car before. */
export function VehicleOwners({ vehicle }: { vehicle: Vehicle }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      {vehicle.contacts.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('vehicles.noOwner')}
        </Text>
      )}
      {vehicle.contacts.map((link) => (
        <Group key={link.id} gap="xs" justify="space-between" wrap="nowrap">
          <Stack gap={0}>
            <Anchor component={Link} to={`/customers/${link.contactId}`} fw={600} size="sm">
              {link.displayName}
            </Anchor>
            <Text size="xs" c="dimmed">
              <Text span ff="monospace" size="xs">
                {link.customerNumber}
              </Text>{' '}
              · {t('vehicles.since', { date: formatDate(link.validFrom) })}
            </Text>
          </Stack>
          <Badge variant="light" tt="none">
            {t(`vehicles.role.${link.role}`)}
          </Badge>
        </Group>
      ))}
      {vehicle.history.length > 0 && (
        <>
          <Text size="xs" fw={700} c="dimmed" tt="uppercase" mt="xs">
            {t('vehicles.previous')}
          </Text>
          {vehicle.history.map((link) => (
            <Group key={link.id} gap="xs" justify="space-between" wrap="nowrap" opacity={0.7}>
              <Stack gap={0}>
                <Anchor component={Link} to={`/customers/${link.contactId}`} size="sm" c="dimmed">
                  {link.displayName}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {formatDate(link.validFrom)} – {formatDate(link.validTo)}
                </Text>
              </Stack>
              <Badge variant="outline" color="gray" tt="none">
                {t(`vehicles.role.${link.role}`)}
              </Badge>
            </Group>
          ))}
        </>
      )}
    </Stack>
  );
}
