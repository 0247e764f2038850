import { useState } from 'react';

/**
 * True from the first time `opened` is: a dialog whose code loads on demand is mounted when first opened and
 * stays mounted, so that it closes with its transition and opens again at once.
 */
export function useOpenedOnce(opened: boolean): boolean {
  const [once, setOnce] = useState(opened);
  if (opened && !once) setOnce(true);
  return once || opened;
}
