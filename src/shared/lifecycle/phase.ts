/**
 * The phase of a customer's vehicle in its life with the dealer (seed 002): counted in whole
 * months since delivery. Month 1 is the first month after the handover.
 *   phase 1 "Kennenlernen"      months 1–6
 *   phase 2 "Nutzung"           months 7–28
 *   phase 3 "Neuorientierung"   months 29–36
 *   "after36"                   from month 37
 */
export const LIFECYCLE_PHASES = ['getting_to_know', 'usage', 'reorientation', 'after36'] as const;
export type LifecyclePhase = (typeof LIFECYCLE_PHASES)[number];

/** The last month (inclusive) of each phase; after36 has none. */
export const PHASE_LAST_MONTH: Record<Exclude<LifecyclePhase, 'after36'>, number> = {
  getting_to_know: 6,
  usage: 28,
  reorientation: 36,
};

/** Parses 'YYYY-MM-DD' into its parts; calendar dates only, no time zone involved. */
function parts(day: string): [number, number, number] {
  const [y, m, d] = day.split('-').map(Number);
  return [y!, m!, d!];
}

/**
 * Whole months elapsed from `delivered` to `today` (both calendar days in Europe/Berlin), as a
 * person counts them: 2026-01-31 → 2026-02-28 is 0 months, → 2026-03-01 is 1 month.
 */
export function monthsSince(delivered: string, today: string): number {
  const [y1, m1, d1] = parts(delivered);
  const [y2, m2, d2] = parts(today);
  let months = (y2 - y1) * 12 + (m2 - m1);
  if (d2 < d1) months -= 1;
  return months;
}

/** The running month since delivery, starting at 1 on the delivery day; 0 before delivery. */
export function monthOfOwnership(delivered: string, today: string): number {
  if (today < delivered) return 0;
  return monthsSince(delivered, today) + 1;
}

/** The phase on `today` of a vehicle delivered on `delivered`, or null before delivery. */
export function lifecyclePhase(delivered: string, today: string): LifecyclePhase | null {
  const month = monthOfOwnership(delivered, today);
  if (month === 0) return null;
  if (month <= PHASE_LAST_MONTH.getting_to_know) return 'getting_to_know';
  if (month <= PHASE_LAST_MONTH.usage) return 'usage';
  if (month <= PHASE_LAST_MONTH.reorientation) return 'reorientation';
  return 'after36';
}

/** The most advanced of several vehicles' phases (what the customer record shows). */
export function mostAdvancedPhase(phases: (LifecyclePhase | null)[]): LifecyclePhase | null {
  let best = -1;
  for (const p of phases) if (p) best = Math.max(best, LIFECYCLE_PHASES.indexOf(p));
  return best < 0 ? null : LIFECYCLE_PHASES[best]!;
}
