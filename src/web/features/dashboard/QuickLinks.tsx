import { Group, SimpleGrid, Text, ThemeIcon, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCurrentUser } from '@web/app/auth';
import { navItemsFor } from '@web/app/shell/navigation';
import classes from './QuickLinks.module.css';

const HINT_KEYS = {
  dashboard: 'dashboard.customersHint',
  customers: 'dashboard.customersHint',
  requests: 'dashboard.requestsHint',
  messages: 'messages.inbox.hint',
  board: 'board.hint',
  calendar: 'dashboard.calendarHint',
  testDrives: 'dashboard.testDrivesHint',
  complaints: 'dashboard.complaintsHint',
  reports: 'dashboard.reportsHint',
  campaigns: 'dashboard.campaignsHint',
  letters: 'dashboard.lettersHint',
  rules: 'dashboard.rulesHint',
  sales: 'dashboard.salesHint',
  admin: 'dashboard.adminHint',
  serviceTickets: 'serviceTickets.list.description',
} as const;

/** One tile per module the user can open; the dashboard itself is left out. */
export function QuickLinks() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const items = navItemsFor(user.role).filter((item) => item.to !== '/');

  return (
    <SimpleGrid cols={{ base: 1, xs: 2, lg: 3 }} spacing="md">
      {items.map((item) => (
        <UnstyledButton key={item.to} component={Link} to={item.to} className={classes.tile}>
          <Group gap="md" wrap="nowrap">
            <ThemeIcon size={42} radius="md" variant="light" aria-hidden>
              <item.icon size={22} stroke={1.7} />
            </ThemeIcon>
            <div>
              <Text fw={600}>{t(`nav.${item.labelKey}`)}</Text>
              <Text size="sm" c="dimmed" lh={1.3}>
                {t(HINT_KEYS[item.labelKey])}
              </Text>
            </div>
          </Group>
        </UnstyledButton>
      ))}
    </SimpleGrid>
  );
}
