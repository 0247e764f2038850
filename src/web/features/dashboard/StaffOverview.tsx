import { Anchor, Badge, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconPhoneCall } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { StaffHome } from '@shared/requests/home';
import { ErrorState } from '@web/ui/components/ErrorState';
import { useStaffHome } from './queries';
import { RequestPreview } from './RequestPreview';
import { StatTile } from './StatTile';

/** "Mein Tag": what is overdue or due today, who is on the line, how my week went. */
export function StaffOverview() {
  const { t } = useTranslation();
  const home = useStaffHome(true);

  return (
    <section aria-labelledby="home-my-day">
      <Title order={2} fz="lg" mb="sm" id="home-my-day">
        {t('dashboard.myDay')}
      </Title>
      {home.isPending ? (
        <SimpleGrid cols={{ base: 2, md: 4 }}>
          {[0, 1, 2, 3].map((n) => (
            <Skeleton key={n} height={86} />
          ))}
        </SimpleGrid>
      ) : home.isError ? (
        <ErrorState error={home.error} onRetry={() => void home.refetch()} />
      ) : (
        <MyDay home={home.data} />
      )}
    </section>
  );
}

function MyDay({ home }: { home: StaffHome }) {
  const { t } = useTranslation();
  const calm = home.overdue.count === 0 && home.dueToday.count === 0;
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <StatTile
          label={t('dashboard.overdue')}
          value={home.overdue.count}
          to="/requests?overdue=true"
          tone={home.overdue.count > 0 ? 'alert' : undefined}
        />
        <StatTile label={t('dashboard.dueToday')} value={home.dueToday.count} to="/requests?due=today" />
        <StatTile
          label={t('dashboard.callbacksOverdue')}
          value={home.overdue.callbacks}
          to="/requests?overdue=true&type=callback"
          tone={home.overdue.callbacks > 0 ? 'alert' : undefined}
        />
        <StatTile
          label={t('dashboard.callbacksDueToday')}
          value={home.dueToday.callbacks}
          to="/requests?due=today&type=callback"
        />
      </SimpleGrid>
      {calm ? (
        <Paper withBorder radius="md" p="md">
          <Text fw={600}>{t('dashboard.calmTitle')}</Text>
          <Text size="sm" c="dimmed">
            {t('dashboard.calmText')}
          </Text>
        </Paper>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <RequestPreview
            title={t('dashboard.overdueList')}
            items={home.overdue.items}
            count={home.overdue.count}
            to="/requests?overdue=true"
            empty={t('dashboard.nothingOverdue')}
          />
          <RequestPreview
            title={t('dashboard.dueTodayList')}
            items={home.dueToday.items}
            count={home.dueToday.count}
            to="/requests?due=today"
            empty={t('dashboard.nothingDueToday')}
          />
        </SimpleGrid>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <LiveCalls calls={home.liveCalls} />
        <Paper withBorder radius="md" p="md">
          <Text fw={600} mb="xs">
            {t('dashboard.myWeek')}
          </Text>
          <SimpleGrid cols={3}>
            <Figure label={t('dashboard.weekReceived')} value={home.week.received} />
            <Figure label={t('dashboard.weekContacted')} value={home.week.contacted} />
            <Figure label={t('dashboard.weekDone')} value={home.week.done} />
          </SimpleGrid>
        </Paper>
      </SimpleGrid>
    </Stack>
  );
}

function Figure({ label, value }: { label: string; value: number }) {
  return (
    <div>
      <Text fz={24} fw={700} lh={1.2}>
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </div>
  );
}

function LiveCalls({ calls }: { calls: StaffHome['liveCalls'] }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="md">
      <Text fw={600} mb="xs">
        {t('dashboard.liveCalls')}
      </Text>
      {calls.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('dashboard.noLiveCalls')}
        </Text>
      ) : (
        <Stack gap={6}>
          {calls.map((call) => {
            const caller = call.contact?.displayName ?? call.number ?? t('telephony.pop.withheld');
            return (
              <Group key={call.id} gap="xs" wrap="nowrap">
                <IconPhoneCall size={16} />
                {call.contact ? (
                  <Anchor component={Link} to={`/customers/${call.contact.id}`} size="sm" fw={600}>
                    {caller}
                  </Anchor>
                ) : (
                  <Text size="sm" fw={600}>
                    {caller}
                  </Text>
                )}
                <Badge size="sm" variant="light" tt="none">
                  {t(`telephony.pop.state.${call.state}`)}
                </Badge>
              </Group>
            );
          })}
        </Stack>
      )}
    </Paper>
  );
}
