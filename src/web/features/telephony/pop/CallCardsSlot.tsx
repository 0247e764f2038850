import { useEffect, useState, type ReactNode } from 'react';
import type { ScreenPop as ScreenPopComponent } from './ScreenPop';
import type { LivePops } from './use-live-pops';

/**
 * The cards and what they show (phone number metadata above all) are a chunk of their own: most page
 * loads see no call, and the first screen should not wait for them. They load with the first call, or
 * a while after the page has settled so that the first call's card is not delayed by the download.
 */
const PRELOAD_AFTER_MS = 5000;

let loaded: typeof ScreenPopComponent | undefined;
let loading: Promise<typeof ScreenPopComponent> | undefined;

export function loadScreenPop(): Promise<typeof ScreenPopComponent> {
  loading ??= import('./ScreenPop').then(
    (module) => (loaded = module.ScreenPop),
    (error: unknown) => {
      // A failed download (network gone for a moment) is tried again with the next call.
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** Mounted once in the app shell where the call cards go; `above` shares their place (reminder cards). */
export function CallCardsSlot({ cards, above }: { cards: LivePops; above?: ReactNode }) {
  const [ScreenPop, setScreenPop] = useState(() => loaded);
  const wanted = cards.pops.length > 0;

  useEffect(() => {
    if (ScreenPop) return;
    const show = () =>
      loadScreenPop().then(
        (component) => setScreenPop(() => component),
        () => undefined,
      );
    if (wanted) {
      void show();
      return;
    }
    const timer = setTimeout(() => void show(), PRELOAD_AFTER_MS);
    return () => clearTimeout(timer);
  }, [ScreenPop, wanted]);

  return ScreenPop ? <ScreenPop cards={cards} above={above} /> : null;
}
