import type { Location } from '@shared/org/schemas';
import type { RequestsContext } from '../context';
import type { FailField, IntakeInput, IntakeOptions } from './types';

/**
 * The references the request names besides its customer: its location (from
 * memory for this reference version), the vehicle, and an assignee staff chose,
 * who must be active and work at the location. Returns the location, or null
 * once its error is recorded.
 */
export async function checkReferences(
  { org, vehicles }: Pick<RequestsContext, 'org' | 'vehicles'>,
  input: IntakeInput,
  version: number | null,
  options: IntakeOptions,
  fail: FailField,
): Promise<Location | null> {
  const location =
    options.location?.id === input.locationId
      ? options.location
      : ((await org.locationsAt(version)).get(input.locationId) ?? null);
  if (!location) fail('locationId', 'unknown_location', 'unknown location');
  if (input.vehicleId && !(await vehicles.exists(input.vehicleId)))
    fail('vehicleId', 'unknown_vehicle', 'unknown vehicle');
  if (input.assigneeId) {
    const user = await org.getUser(input.assigneeId).catch(() => null);
    if (!user?.active) fail('assigneeId', 'inactive_user', 'must be an active user');
    else if (location && user.role !== 'admin' && !user.locationIds.includes(location.id))
      fail('assigneeId', 'active_colleague_required', 'does not work at this location');
  }
  return location;
}
