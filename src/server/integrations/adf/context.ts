import type { Findings } from './problems.js';

/** What every reader needs: where to report, and "now" for plausibility checks. */
export interface ReadContext {
  findings: Findings;
  now: Date;
}
