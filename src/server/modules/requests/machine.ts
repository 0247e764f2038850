import type { RequestsContext } from './context';
import type { createIntake } from './intake';
import { refOf } from './machine/body';
import { createFindLocation, createJsonIntake } from './machine/json';
import { createMachineTakeIn } from './machine/take-in';

export { hashBody } from './machine/body';
export type { MachineLead, StoredAnswer } from './machine/types';

/**
 * Machine intake (web forms, portals, ADF): resends recognised by the
 * sender's id, retries by the Idempotency-Key, both inside the one
 * transaction that takes the leads in, so concurrent duplicates cannot slip through.
 */
export function createMachineIntake(ctx: RequestsContext, intake: ReturnType<typeof createIntake>) {
  const findLocation = createFindLocation(ctx);
  const takeIn = createMachineTakeIn(ctx, intake);

  async function resolveLocation(locationId: string | undefined, locationCode: string | undefined): Promise<string> {
    if (locationId) return locationId;
    return (await findLocation(locationCode)).id;
  }

  return { takeIn, takeInJson: createJsonIntake(ctx, takeIn), resolveLocation, refOf };
}
