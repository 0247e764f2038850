import type { RequestsContext } from './context';
import { createCommitIntake } from './intake/commit';
import { needsTransaction } from './intake/extras';
import { createPrepareIntake } from './intake/prepare';
import type { RequestJobs } from './jobs';

export { WALK_IN_WAIT_MS } from './intake/deadline';
export type { IntakeInput, IntakeOptions, IntakeResult, PreparedIntake } from './intake/types';

/**
 * Taking a request in, in two commands: prepare reads (references, customer
 * match, assignment, deadline) before any transaction; commit writes the request
 * in one statement, plus the rare extras that need a transaction of their own.
 */
export function createIntake(ctx: RequestsContext, jobs: RequestJobs) {
  return {
    prepare: createPrepareIntake(ctx),
    commit: createCommitIntake(ctx, jobs),
    needsTransaction,
  };
}
