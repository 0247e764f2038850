import type { Deps } from '@server/deps';
import type { EventBus } from '@server/modules/notifications';
import { createConnectionsAdmin } from './connections';
import { createExtensionsAdmin } from './extensions';
import { createTrackingNumbersAdmin } from './tracking-numbers';

export type TelephonyAdminService = ReturnType<typeof createTelephonyAdminService>;

/** Setting up the phone systems: connections, who sits at which extension, tracking numbers (R0.3). */
export function createTelephonyAdminService(deps: Deps, events: EventBus) {
  return {
    connections: createConnectionsAdmin(deps, events),
    extensions: createExtensionsAdmin(deps, events),
    trackingNumbers: createTrackingNumbersAdmin(deps),
  };
}
