import { Anchor, Group, Paper, Progress, Select, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ManagerHome } from '@shared/requests/home';
import { useCurrentUser } from '@web/app/auth';
import { ErrorState } from '@web/ui/components/ErrorState';
import { useLocations } from '@web/app/org-queries';
import { pctColor } from '../reports/pct-color';
import { useManagerHome } from './queries';
import { StatTile } from './StatTile';

// recharts is large: the chart loads after the figures, never with the first screen.
const TrendChart = lazy(() => import('../reports/TrendChart'));

/** The manager's view of one location: the work now, today's leads, the week, eight weeks at a glance. */
export function ManagerOverview() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const locations = useLocations();
  const [locationId, setLocationId] = useState<string | null>(null);
  const home = useManagerHome(locationId, true);
  const mine = (locations.data ?? []).filter(
    (l) => user.role === 'admin' || l.id === user.homeLocationId || user.locationIds.includes(l.id),
  );

  return (
    <section aria-labelledby="home-location">
      <Group justify="space-between" align="flex-end" mb="sm">
        <Title order={2} fz="lg" id="home-location">
          {home.data
            ? t('dashboard.locationTitle', { name: home.data.location.name })
            : t('dashboard.locationTitleShort')}
        </Title>
        {mine.length > 1 && (
          <Select
            aria-label={t('requests.fields.location')}
            data={mine.map((l) => ({ value: l.id, label: l.name }))}
            value={locationId ?? home.data?.location.id ?? null}
            onChange={(value) => value && setLocationId(value)}
            allowDeselect={false}
            w={280}
          />
        )}
      </Group>
      {home.isPending ? (
        <SimpleGrid cols={{ base: 2, md: 3 }}>
          {[0, 1, 2].map((n) => (
            <Skeleton key={n} height={86} />
          ))}
        </SimpleGrid>
      ) : home.isError ? (
        <ErrorState error={home.error} onRetry={() => void home.refetch()} />
      ) : (
        <LocationFigures home={home.data} />
      )}
    </section>
  );
}

function LocationFigures({ home }: { home: ManagerHome }) {
  const { t } = useTranslation();
  const at = `scope=location&locationId=${home.location.id}`;
  const report = (from: string, groupBy: string) =>
    `/reports?from=${from}&to=${home.today}&groupBy=${groupBy}&locationId=${home.location.id}`;
  const pct = home.week.contactedWithinOneWorkingDayPct;

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, md: 3 }}>
        <StatTile label={t('dashboard.open')} value={home.open} to={`/requests?${at}`} />
        <StatTile
          label={t('dashboard.overdue')}
          value={home.overdue}
          to={`/requests?${at}&overdue=true`}
          tone={home.overdue > 0 ? 'alert' : undefined}
        />
        <StatTile
          label={t('dashboard.unassigned')}
          value={home.unassigned}
          to={`/requests?${at}&unassigned=true`}
          tone={home.unassigned > 0 ? 'warn' : undefined}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder radius="md" p="md">
          <Group justify="space-between" mb="xs" wrap="nowrap">
            <Text fw={600}>{t('dashboard.leadsToday', { count: home.leadsToday.received })}</Text>
            <Anchor component={Link} to={report(home.today, 'source')} size="sm">
              {t('dashboard.toReport')}
            </Anchor>
          </Group>
          {home.leadsToday.bySource.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('dashboard.noLeadsToday')}
            </Text>
          ) : (
            <Stack gap={4}>
              {home.leadsToday.bySource.map((source) => (
                <Group key={source.key} justify="space-between" wrap="nowrap">
                  <Text size="sm" truncate>
                    {source.label}
                  </Text>
                  <Text size="sm" fw={600}>
                    {source.received}
                  </Text>
                </Group>
              ))}
            </Stack>
          )}
        </Paper>
        <Paper withBorder radius="md" p="md">
          <Group justify="space-between" mb="xs" wrap="nowrap">
            <Text fw={600}>{t('dashboard.oneDayThisWeek')}</Text>
            <Anchor component={Link} to={report(home.week.from, 'location')} size="sm">
              {t('dashboard.toReport')}
            </Anchor>
          </Group>
          {pct === null ? (
            <Text size="sm" c="dimmed">
              {t('dashboard.noRequestsThisWeek')}
            </Text>
          ) : (
            <>
              <Text fz={30} fw={700} lh={1.2} c={`${pctColor(pct)}.8`}>
                {t('dashboard.percent', { value: Math.round(pct) })}
              </Text>
              <Progress value={pct} color={pctColor(pct)} my={6} aria-hidden />
              <Text size="sm" c="dimmed">
                {t('dashboard.oneDayOf', {
                  contacted: home.week.contactedWithinOneWorkingDay,
                  received: home.week.received,
                })}
              </Text>
            </>
          )}
        </Paper>
      </SimpleGrid>
      <Paper withBorder radius="md" p="md">
        <Text fw={600} mb="xs">
          {t('reports.trend.title')}
        </Text>
        <Suspense fallback={<Skeleton height={260} />}>
          <TrendChart trend={home.trend} />
        </Suspense>
      </Paper>
    </Stack>
  );
}
