import { AppShell, Burger, Container, Group } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router-dom';
import { useReminderCards } from '@web/features/activities/reminders/use-reminder-cards';
import { LiveStatusBanner } from '@web/features/notifications/LiveStatusBanner';
import { NotificationBell } from '@web/features/notifications/NotificationBell';
import { DutyButton } from '@web/features/duty/DutyButton';
import { SearchSpotlight } from '@web/features/search/SearchSpotlight';
import { CallCardsSlot } from '@web/features/telephony/pop/CallCardsSlot';
import { CALL_CARD_COLUMN_WIDTH } from '@web/features/telephony/pop/dock';
import { useLivePops } from '@web/features/telephony/pop/use-live-pops';
import { Logo } from '@web/ui/components/Logo';
import { MainNav } from './MainNav';
import { PageLoader } from './PageLoader';
import { SearchButton } from './SearchButton';
import { UserMenu } from './UserMenu';

// The reminder cards bring the activity dialogs and the date pickers along: loaded with the first card.
const ReminderStack = lazy(() =>
  import('@web/features/activities/reminders/ReminderDock').then((m) => ({ default: m.ReminderStack })),
);
const ReminderDock = lazy(() =>
  import('@web/features/activities/reminders/ReminderDock').then((m) => ({ default: m.ReminderDock })),
);

export function AppLayout() {
  const { t } = useTranslation();
  const [navOpened, nav] = useDisclosure(false);
  const callCards = useLivePops();
  const reminders = useReminderCards();
  const withCalls = callCards.pops.length > 0;
  const reminderStack =
    reminders.cards.length > 0 ? (
      <Suspense fallback={null}>
        <ReminderStack reminders={reminders} />
      </Suspense>
    ) : null;

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      // Call and reminder cards get a column of their own on wide screens, so they never cover the page's buttons.
      aside={{
        width: CALL_CARD_COLUMN_WIDTH,
        breakpoint: 'md',
        collapsed: { desktop: !withCalls && !reminderStack, mobile: true },
      }}
      padding={{ base: 'md', sm: 'xl' }}
      bg="var(--mantine-color-gray-0)"
    >
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={navOpened} onClick={nav.toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.toggle')} />
            <Link to="/" style={{ color: 'inherit', textDecoration: 'none' }}>
              <Logo />
            </Link>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LiveStatusBanner />
            <DutyButton />
            <SearchButton />
            <NotificationBell />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" aria-label={t('nav.main')}>
        <MainNav onNavigate={nav.close} />
      </AppShell.Navbar>

      {/* On narrow screens the cards run along the bottom: the page may scroll past them. */}
      <AppShell.Main style={{ paddingBottom: 'calc(var(--app-shell-padding) + var(--call-cards-height, 0px))' }}>
        <Container size="xl" px={0}>
          <Suspense fallback={<PageLoader />}>
            <Outlet />
          </Suspense>
        </Container>
      </AppShell.Main>
      <SearchSpotlight />
      <CallCardsSlot cards={callCards} above={reminderStack} />
      {!withCalls && reminderStack && (
        <Suspense fallback={null}>
          <ReminderDock>{reminderStack}</ReminderDock>
        </Suspense>
      )}
    </AppShell>
  );
}
