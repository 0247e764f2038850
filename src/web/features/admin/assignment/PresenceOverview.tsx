import { Badge, Group, Paper, Select, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconUsersGroup } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '@web/app/auth';
import { ErrorState } from '@web/ui/components/ErrorState';
import { useLocations } from '@web/app/org-queries';
import { formatDate } from '@web/features/customers/format';
import { usePresence } from '@web/features/requests/queries';

/** "Heute anwesend": who of a location is here today, and who stands in for those who are not. */
export function PresenceOverview() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const locations = useLocations();
  const [locationId, setLocationId] = useState(me.homeLocationId);
  const presence = usePresence(locationId);
  const entries = [...(presence.data ?? [])].sort((a, b) => a.user.displayName.localeCompare(b.user.displayName, 'de'));
  const here = entries.filter((entry) => entry.present);
  const away = entries.filter((entry) => !entry.present);

  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" mb="sm">
        <Group gap="xs">
          <IconUsersGroup size={20} />
          <Title order={4}>{t('assignment.presence.title')}</Title>
        </Group>
        <Select
          aria-label={t('requests.fields.location')}
          data={(locations.data ?? []).map((location) => ({ value: location.id, label: location.name }))}
          value={locationId}
          onChange={(value) => value && setLocationId(value)}
          allowDeselect={false}
          w={260}
        />
      </Group>
      {presence.isPending ? (
        <Skeleton height={80} />
      ) : presence.isError ? (
        <ErrorState error={presence.error} onRetry={() => void presence.refetch()} />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Stack gap={4}>
            <Text fw={600} size="sm" c="teal.8">
              {t('assignment.presence.here', { count: here.length })}
            </Text>
            {here.map((entry) => (
              <Group key={entry.user.id} gap={6}>
                <Text size="sm">{entry.user.displayName}</Text>
                <Badge size="xs" variant="light" color="gray" tt="none">
                  {t(`roles.${entry.user.role as 'sales'}`)}
                </Badge>
              </Group>
            ))}
          </Stack>
          <Stack gap={4}>
            <Text fw={600} size="sm" c="orange.8">
              {t('assignment.presence.away', { count: away.length })}
            </Text>
            {away.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('assignment.presence.nobodyAway')}
              </Text>
            )}
            {away.map((entry) => (
              <Stack key={entry.user.id} gap={0}>
                <Text size="sm" fw={600}>
                  {entry.user.displayName}
                  {entry.absence && (
                    <Text span size="sm" fw={400} c="dimmed">
                      {' '}
                      · {t(`assignment.absenceKind.${entry.absence.kind ?? 'other'}`)}{' '}
                      {t('assignment.presence.until', { date: formatDate(entry.absence.endsOn) })}
                    </Text>
                  )}
                </Text>
                <Text size="xs" c="dimmed">
                  {entry.absence?.deputy
                    ? t('requests.walkIn.deputy', { name: entry.absence.deputy.displayName })
                    : t('requests.walkIn.noDeputy')}
                </Text>
              </Stack>
            ))}
          </Stack>
        </SimpleGrid>
      )}
    </Paper>
  );
}
