import { Affix, AppShell, Stack } from '@mantine/core';
import { useElementSize, useHotkeys, useMediaQuery } from '@mantine/hooks';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ReminderCard } from './ReminderCard';
import type { ReminderCards } from './use-reminder-cards';

/** The theme's md breakpoint: from here on the cards have a column of their own beside the page. */
const BESIDE_FROM = '(min-width: 62em)';
/** What the page under the bottom strip needs to scroll past it; read by the app shell. */
const RESERVED_HEIGHT_VAR = '--call-cards-height';

/** The shortcut that puts the focus on the newest reminder's first button, from anywhere on the page. */
export const REMINDER_SHORTCUT = 'alt+R';

/**
 * The reminder cards, newest first, announced to screen readers as they arrive. They come
 * after the page in the tab order; Alt+R jumps to the newest from wherever the user is.
 */
export function ReminderStack({ reminders }: { reminders: ReminderCards }) {
  const { t } = useTranslation();
  useHotkeys(
    [
      [
        REMINDER_SHORTCUT,
        () => document.querySelector<HTMLElement>('[data-reminder-id] button:not([disabled])')?.focus(),
        { usePhysicalKeys: true },
      ],
    ],
    [],
  );
  if (reminders.cards.length === 0) return null;
  return (
    <Stack
      gap="xs"
      role="region"
      aria-label={t('reminders.region')}
      aria-live="polite"
      aria-keyshortcuts="Alt+R"
      mb="xs"
    >
      {reminders.cards.map((notification) => (
        <ReminderCard
          key={notification.id}
          notification={notification}
          onClose={() => reminders.remove(notification.id)}
        />
      ))}
    </Stack>
  );
}

/**
 * Where the reminder cards go while no call card is open (with calls, they sit at the
 * top of the call cards' column): like those, never over the page — beside it on a wide
 * screen, along the bottom of a narrow one, with as much room reserved under the page.
 */
export function ReminderDock({ children }: { children: ReactNode }) {
  const beside = useMediaQuery(BESIDE_FROM, false) ?? false;
  if (beside) {
    return (
      <AppShell.Aside
        p="xs"
        withBorder={false}
        style={{ overflowY: 'auto', background: 'var(--mantine-color-gray-0)' }}
      >
        {children}
      </AppShell.Aside>
    );
  }
  return <BottomStrip>{children}</BottomStrip>;
}

function BottomStrip({ children }: { children: ReactNode }) {
  const { ref, height } = useElementSize();
  useEffect(() => {
    const root = document.documentElement.style;
    root.setProperty(RESERVED_HEIGHT_VAR, `${Math.ceil(height)}px`);
    return () => {
      root.removeProperty(RESERVED_HEIGHT_VAR);
    };
  }, [height]);
  return (
    <Affix position={{ bottom: 0, left: 0, right: 0 }} zIndex={250}>
      <div
        ref={ref}
        style={{
          maxHeight: '33dvh',
          overflowY: 'auto',
          padding: 6,
          background: 'var(--mantine-color-body)',
          boxShadow: '0 -4px 16px rgba(0, 0, 0, 0.12)',
        }}
      >
        {children}
      </div>
    </Affix>
  );
}
