import { Affix, AppShell, Stack, em } from '@mantine/core';
import { useElementSize, useMediaQuery } from '@mantine/hooks';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { CallCard } from './CallCard';
import type { LivePops } from './use-live-pops';
import classes from './ScreenPop.module.css';

/** Width of the docked column beside the page (the card's 420 px and its padding). */
export const CALL_CARD_COLUMN_WIDTH = 440;
/** From the theme's md breakpoint on, the cards sit in their own column; below it, along the bottom edge. */
const DOCK_BESIDE_FROM = em(992);
/** What the page under the bottom strip needs to scroll past it; read by the app shell. */
const RESERVED_HEIGHT_VAR = '--call-cards-height';

export function useCallCardsBeside() {
  return useMediaQuery(`(min-width: ${DOCK_BESIDE_FROM})`, false) ?? false;
}

/**
 * Mounted once in the app shell: the cards of the user's current calls. They
 * never lie over the page: on a wide screen they take a column of their own
 * (the app shell's aside), on a narrow one a strip along the bottom at most a
 * third of the screen high, with as much room reserved under the page.
 */
export function ScreenPop({ cards }: { cards: LivePops }) {
  const beside = useCallCardsBeside();
  const { pops } = cards;
  if (pops.length === 0) return null;
  const list = <CardList cards={cards} />;
  if (beside) {
    return (
      <AppShell.Aside p="xs" className={classes.column} withBorder={false}>
        {list}
      </AppShell.Aside>
    );
  }
  return <BottomStrip>{list}</BottomStrip>;
}

function CardList({ cards }: { cards: LivePops }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" className={classes.stack} role="region" aria-label={t('telephony.pop.region')}>
      {/* Newest first: the call that rings now is the one in view. */}
      {[...cards.pops].reverse().map((pop) => (
        <CallCard
          key={pop.event.callId}
          pop={pop}
          onMinimise={(minimised) => cards.setMinimised(pop.event.callId, minimised)}
          onDismiss={() => cards.dismiss(pop.event.callId)}
        />
      ))}
    </Stack>
  );
}

function BottomStrip({ children }: { children: React.ReactNode }) {
  const { ref, height } = useElementSize();
  useEffect(() => {
    const root = document.documentElement.style;
    root.setProperty(RESERVED_HEIGHT_VAR, `${Math.ceil(height)}px`);
    return () => root.removeProperty(RESERVED_HEIGHT_VAR);
  }, [height]);
  return (
    <Affix position={{ bottom: 0, left: 0, right: 0 }} zIndex={250}>
      <div ref={ref} className={classes.strip}>
        <div className={classes.stripInner}>{children}</div>
      </div>
    </Affix>
  );
}
