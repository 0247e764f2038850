import type { Location } from '@shared/org/schemas';
import { dueWithCallbackWindow } from '../callback-window';
import { firstContactDue } from '../sla';
import type { TypeSettingsService } from '../type-settings';
import type { IntakeInput } from './types';

/**
 * A customer at the counter is seen now, not within a working day: the first
 * contact is due at once, with a quarter of an hour's grace before the
 * location's managers hear that nobody has come to the front desk.
 */
export const WALK_IN_WAIT_MS = 15 * 60 * 1000;

/** When the first contact is due: the walk-in's grace, else the type's deadline, moved by a callback window. */
export async function firstContactDeadline(
  typeSettings: TypeSettingsService,
  input: IntakeInput,
  location: Location,
  receivedAt: Date,
  referenceVersion: number | null,
): Promise<Date> {
  const calendar = { openingHours: location.openingHours, federalState: location.federalState };
  return dueWithCallbackWindow(
    input.channel === 'walk_in'
      ? new Date(receivedAt.getTime() + WALK_IN_WAIT_MS)
      : firstContactDue(calendar, receivedAt, await typeSettings.deadlineFor(input.type, referenceVersion)),
    { from: input.callbackFrom ?? null, to: input.callbackTo ?? null },
    receivedAt,
  );
}
