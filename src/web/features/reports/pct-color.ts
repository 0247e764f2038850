/** The target is 100 % contacted in time (one working day, or the deadline); close misses are amber, the rest red. */
export function pctColor(pct: number | null): string {
  if (pct === null) return 'gray';
  if (pct >= 100) return 'teal';
  if (pct >= 90) return 'yellow';
  return 'red';
}
