import { ActionIcon, Badge, Button, CopyButton, Grid, Group, Paper, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconArrowsExchange, IconCarOff, IconCheck, IconCopy, IconEdit } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ApiError } from '@web/ui/api';
import { useCurrentUser } from '@web/app/auth';
import { ErrorState } from '@web/ui/components/ErrorState';
import { StatusPage } from '@web/ui/components/StatusPage';
import { PageLoader } from '@web/app/shell/PageLoader';
import { canEditCustomers } from '../customers/permissions';
import { Timeline } from '../customers/timeline/Timeline';
import type { Vehicle } from '../customers/types';
import { useVehicle } from './queries';
import { TransferDialog } from './TransferDialog';
import { VehicleFacts, VehicleOwners } from './VehicleFacts';
import { VehicleFormModal } from './VehicleFormModal';
import { VehicleMileage } from './VehicleMileage';

/** /vehicles/:id — data, who owns and drives it (and did before), and its history. */
export default function VehiclePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const vehicle = useVehicle(id);

  if (vehicle.isPending) return <PageLoader />;
  if (vehicle.isError) {
    if (vehicle.error instanceof ApiError && [400, 404].includes(vehicle.error.status)) {
      return (
        <StatusPage
          icon={<IconCarOff />}
          title={t('vehicles.notFoundTitle')}
          description={t('vehicles.notFoundText')}
          action={{ label: t('customers.record.toList'), to: '/customers' }}
        />
      );
    }
    return <ErrorState error={vehicle.error} onRetry={() => void vehicle.refetch()} />;
  }
  return <VehicleRecord vehicle={vehicle.data} />;
}

function Mono({ value, label }: { value: string; label: string }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      <Text ff="monospace" fw={600} size="sm" aria-label={label}>
        {value}
      </Text>
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? t('common.copied') : t('common.copy')} withArrow>
            <ActionIcon
              size="xs"
              variant="subtle"
              color={copied ? 'teal' : 'gray'}
              onClick={copy}
              aria-label={t('common.copy')}
            >
              {copied ? <IconCheck size={12} /> : <IconCopy size={12} />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}

function VehicleRecord({ vehicle }: { vehicle: Vehicle }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const canEdit = canEditCustomers(me.role);
  const [editing, setEditing] = useState(false);
  const [transferring, setTransferring] = useState(false);
  // Notes taken here go to the current owner's (or keeper's) record, tagged with this vehicle.
  const noteContact = vehicle.contacts.find((link) => link.role === 'owner') ?? vehicle.contacts[0];

  return (
    <>
      <Paper withBorder radius="md" p="lg" mb="md">
        <Group justify="space-between" align="flex-start">
          <Stack gap={6}>
            <Group gap="sm">
              <Title order={2}>
                {vehicle.make} {vehicle.model}
              </Title>
              {vehicle.plate && (
                <Badge size="lg" variant="outline" color="dark" radius="sm" ff="monospace" tt="none">
                  {vehicle.plate}
                </Badge>
              )}
            </Group>
            {vehicle.variant && <Text c="dimmed">{vehicle.variant}</Text>}
            <Group gap="xl" mt={4}>
              <Stack gap={0}>
                <Text size="xs" c="dimmed">
                  {t('vehicles.fields.vin')}
                </Text>
                {vehicle.vin ? (
                  <Mono value={vehicle.vin} label={t('vehicles.fields.vin')} />
                ) : (
                  <Text size="sm">{t('common.none')}</Text>
                )}
              </Stack>
            </Group>
          </Stack>
          {canEdit && (
            <Group gap="xs">
              <Button
                variant="default"
                leftSection={<IconArrowsExchange size={16} />}
                onClick={() => setTransferring(true)}
              >
                {t('vehicles.transfer.title')}
              </Button>
              <Button variant="default" leftSection={<IconEdit size={16} />} onClick={() => setEditing(true)}>
                {t('common.edit')}
              </Button>
            </Group>
          )}
        </Group>
      </Paper>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <Paper withBorder radius="md" p="md">
              <Title order={4} mb="sm">
                {t('vehicles.data')}
              </Title>
              <VehicleFacts vehicle={vehicle} />
            </Paper>
            <Paper withBorder radius="md" p="md">
              <Title order={4} mb="sm">
                {t('vehicles.mileage.title')}
              </Title>
              <VehicleMileage vehicleId={vehicle.id} canEdit={canEdit} />
            </Paper>
            <Paper withBorder radius="md" p="md">
              <Title order={4} mb="sm">
                {t('vehicles.owners')}
              </Title>
              <VehicleOwners vehicle={vehicle} />
            </Paper>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Paper withBorder radius="md" p="md">
            <Title order={4} mb="sm">
              {t('customers.record.tabs.timeline')}
            </Title>
            <Timeline
              path={`/vehicles/${vehicle.id}/timeline`}
              noteContactId={canEdit ? noteContact?.contactId : undefined}
              noteVehicleId={vehicle.id}
            />
          </Paper>
        </Grid.Col>
      </Grid>
      <VehicleFormModal opened={editing} onClose={() => setEditing(false)} vehicle={vehicle} />
      <TransferDialog vehicle={vehicle} opened={transferring} onClose={() => setTransferring(false)} />
    </>
  );
}
