import { Affix, AppShell, Stack, em } from '@mantine/core';
import { useElementSize, useHotkeys, useMediaQuery } from '@mantine/hooks';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CallCard } from './CallCard';
import type { LivePops } from './use-live-pops';
import classes from './ScreenPop.module.css';

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
 * Other cards of the shell (reminders) come in `above` and share the place.
 */
export function ScreenPop({ cards, above }: { cards: LivePops; above?: React.ReactNode }) {
  const beside = useCallCardsBeside();
  const keyboard = useNotePadShortcut(cards);
  const { pops } = cards;
  if (pops.length === 0) return null;
  const list = (
    <>
      {above}
      <CardList cards={cards} onEscape={keyboard.fold} />
    </>
  );
  if (beside) {
    return (
      <AppShell.Aside p="xs" className={classes.column} withBorder={false}>
        {list}
      </AppShell.Aside>
    );
  }
  return <BottomStrip>{list}</BottomStrip>;
}

/** The note pad of a card, once it is on screen (the card may still be loading its body). */
function notePadOf(callId: string): HTMLTextAreaElement | null {
  return document.querySelector<HTMLTextAreaElement>(`[data-call-id="${callId}"] textarea[data-note-pad]`);
}

/** How long the shortcut waits for a folded card's note pad to appear after opening it. */
const NOTE_PAD_WAIT_MS = 3000;

/**
 * Alt+N from anywhere (even while typing in a form) opens the newest card and puts the
 * cursor in its note pad: on a long page the card is otherwise many Tab presses away.
 * Escape in the card folds it and returns the focus to where the user was.
 */
function useNotePadShortcut(cards: LivePops) {
  const returnTo = useRef<HTMLElement | null>(null);
  const { pops, setMinimised } = cards;

  const focusNewest = () => {
    const newest = pops[pops.length - 1];
    if (!newest) return;
    const callId = newest.event.callId;
    const active = document.activeElement;
    if (active instanceof HTMLElement && !active.closest(`[data-call-id="${callId}"]`)) returnTo.current = active;
    if (newest.minimised) setMinimised(callId, false);
    const started = Date.now();
    const tryFocus = () => {
      const pad = notePadOf(callId);
      if (pad) pad.focus();
      else if (Date.now() - started < NOTE_PAD_WAIT_MS) requestAnimationFrame(tryFocus);
    };
    requestAnimationFrame(tryFocus);
  };

  useHotkeys([['alt+N', focusNewest, { usePhysicalKeys: true }]], []);

  const fold = (callId: string) => {
    setMinimised(callId, true);
    const back = returnTo.current;
    returnTo.current = null;
    // Back where the user was; else on the folded card, so the focus is not lost on the page's body.
    requestAnimationFrame(() => {
      if (back?.isConnected) back.focus();
      else document.querySelector<HTMLElement>(`[data-call-id="${callId}"] button`)?.focus();
    });
  };

  return { fold };
}

function CardList({ cards, onEscape }: { cards: LivePops; onEscape(callId: string): void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" className={classes.stack} role="region" aria-label={t('telephony.pop.region')}>
      {/* Newest first: the call that rings now is the one in view. */}
      {[...cards.pops].reverse().map((pop) => (
        <CallCard
          key={pop.event.callId}
          pop={pop}
          onMinimise={(minimised) => cards.setMinimised(pop.event.callId, minimised)}
          onEscape={() => onEscape(pop.event.callId)}
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
    return () => {
      root.removeProperty(RESERVED_HEIGHT_VAR);
    };
  }, [height]);
  return (
    <Affix position={{ bottom: 0, left: 0, right: 0 }} zIndex={250}>
      <div ref={ref} className={classes.strip}>
        <div className={classes.stripInner}>{children}</div>
      </div>
    </Affix>
  );
}
