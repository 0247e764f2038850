import { Anchor, Badge, Button, Group, Skeleton, Stack, Table, Text } from '@mantine/core';
import { IconCar, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorState } from '@web/ui/components/ErrorState';
import { VehicleFormModal } from '@web/features/vehicles/VehicleFormModal';
import { formatDate, isPast } from '../format';
import { useContactVehicles } from '../queries';

/** A date that has run out (warranty, service contract) is shown dimmed and struck through. */
function DateCell({ value }: { value: string | null }) {
  const { t } = useTranslation();
  if (!value) return <Table.Td c="dimmed">{t('common.none')}</Table.Td>;
  const expired = isPast(value);
  return (
    <Table.Td c={expired ? 'dimmed' : undefined} td={expired ? 'line-through' : undefined}>
      {formatDate(value)}
    </Table.Td>
  );
}

/** The customer's vehicles, current ones first; former ones greyed, with a link to each vehicle page. */
export function CustomerVehicles({ contactId, canEdit }: { contactId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const vehicles = useContactVehicles(contactId);
  const [adding, setAdding] = useState(false);
  const sorted = [...(vehicles.data ?? [])].sort((a, b) => Number(b.current) - Number(a.current));

  return (
    <Stack gap="sm">
      {canEdit && (
        <Group justify="flex-end">
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setAdding(true)}>
            {t('vehicles.add')}
          </Button>
        </Group>
      )}
      {vehicles.isPending ? (
        <Skeleton height={96} />
      ) : vehicles.isError ? (
        <ErrorState error={vehicles.error} onRetry={() => void vehicles.refetch()} />
      ) : sorted.length === 0 ? (
        <Stack align="center" gap={6} py="xl">
          <IconCar size={32} color="var(--mantine-color-gray-5)" />
          <Text c="dimmed" size="sm">
            {t('vehicles.none')}
          </Text>
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="xs" fz="sm" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('vehicles.fields.vehicle')}</Table.Th>
                <Table.Th>{t('vehicles.fields.plate')}</Table.Th>
                <Table.Th>{t('vehicles.fields.vin')}</Table.Th>
                <Table.Th>{t('vehicles.fields.firstRegistrationShort')}</Table.Th>
                <Table.Th>{t('vehicles.fields.serviceContractUntil')}</Table.Th>
                <Table.Th>{t('vehicles.fields.warrantyEnd')}</Table.Th>
                <Table.Th>{t('vehicles.fields.role')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sorted.map((vehicle) => (
                <Table.Tr key={vehicle.id} opacity={vehicle.current ? 1 : 0.55}>
                  <Table.Td>
                    <Anchor component={Link} to={`/vehicles/${vehicle.id}`} fw={600} size="sm">
                      {vehicle.make} {vehicle.model}
                    </Anchor>
                    {vehicle.variant && (
                      <Text size="xs" c="dimmed">
                        {vehicle.variant}
                      </Text>
                    )}
                    {!vehicle.current && (
                      <Badge size="xs" color="gray" variant="outline" ml={6}>
                        {t('vehicles.former')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                    {vehicle.plate ?? t('common.none')}
                  </Table.Td>
                  <Table.Td ff="monospace" fz="xs">
                    {vehicle.vin ?? t('common.none')}
                  </Table.Td>
                  <Table.Td>
                    {vehicle.firstRegistration ? formatDate(vehicle.firstRegistration) : t('common.none')}
                  </Table.Td>
                  {vehicle.serviceContract ? (
                    <DateCell value={vehicle.serviceContractUntil} />
                  ) : (
                    <Table.Td c="dimmed">{t('vehicles.noContract')}</Table.Td>
                  )}
                  <DateCell value={vehicle.warrantyEnd} />
                  <Table.Td>
                    <Group gap={4}>
                      {vehicle.roles.map((role) => (
                        <Badge key={role} size="xs" variant="light" tt="none">
                          {t(`vehicles.role.${role}`)}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <VehicleFormModal opened={adding} onClose={() => setAdding(false)} ownerContactId={contactId} />
    </Stack>
  );
}
