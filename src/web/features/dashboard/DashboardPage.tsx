import { Badge, Card, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { MissingChecksAlert } from '@web/features/duty/MissingChecksAlert';
import { IconMapPin, IconPhone } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '@web/app/auth';
import { ErrorState } from '@web/ui/components/ErrorState';
import { berlinHour, formatLongDate } from '@web/ui/format';
import { useLocations } from '@web/app/org-queries';
import { canManageRequests } from '../requests/format';
import { displayPhone } from '../telephony/phone-display';
import { ActivitiesToday } from './ActivitiesToday';
import { ManagerOverview } from './ManagerOverview';
import { QuickLinks } from './QuickLinks';
import { StaffOverview } from './StaffOverview';

function greetingKey(hour: number) {
  if (hour < 11) return 'dashboard.greetingMorning' as const;
  if (hour < 18) return 'dashboard.greetingDay' as const;
  return 'dashboard.greetingEvening' as const;
}

export function DashboardPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const locations = useLocations();
  const firstName = user.displayName.split(' ')[0] ?? user.displayName;

  const mine = (locations.data ?? [])
    .filter((location) => location.id === user.homeLocationId || user.locationIds.includes(location.id))
    .sort((a, b) => Number(b.id === user.homeLocationId) - Number(a.id === user.homeLocationId));

  return (
    <Stack gap="xl">
      <Stack gap={4}>
        <Title order={1} fz={{ base: 26, sm: 32 }}>
          {t(greetingKey(berlinHour()), { name: firstName })}
        </Title>
        <Text c="dimmed" size="lg">
          {t('dashboard.today', { date: formatLongDate(new Date()) })}
        </Text>
      </Stack>

      <MissingChecksAlert />
      {canManageRequests(user.role) && <ManagerOverview />}
      <StaffOverview />
      <ActivitiesToday />

      <section>
        <Title order={2} fz="lg" mb="sm">
          {t('dashboard.quickLinks')}
        </Title>
        <QuickLinks />
      </section>

      <section>
        <Title order={2} fz="lg" mb="sm">
          {t('dashboard.locations')}
        </Title>
        {locations.isPending && (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
            <Skeleton height={110} />
            <Skeleton height={110} />
          </SimpleGrid>
        )}
        {locations.isError && <ErrorState error={locations.error} onRetry={() => void locations.refetch()} />}
        {locations.isSuccess && mine.length === 0 && <Text c="dimmed">{t('dashboard.noLocations')}</Text>}
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {mine.map((location) => (
            <Card key={location.id} withBorder radius="md" padding="lg">
              <Group justify="space-between" align="flex-start" mb={6} wrap="nowrap">
                <Text fw={600}>{location.name}</Text>
                {location.id === user.homeLocationId && (
                  <Badge variant="light" size="sm" tt="none" style={{ flexShrink: 0 }}>
                    {t('dashboard.homeLocation')}
                  </Badge>
                )}
              </Group>
              <Group gap={6} c="dimmed" wrap="nowrap">
                <IconMapPin size={15} />
                <Text size="sm">
                  {location.street}, {location.postalCode} {location.city}
                </Text>
              </Group>
              <Group gap={6} c="dimmed" mt={4} wrap="nowrap">
                <IconPhone size={15} />
                <Text size="sm">{displayPhone(location.phone)}</Text>
              </Group>
            </Card>
          ))}
        </SimpleGrid>
      </section>
    </Stack>
  );
}
