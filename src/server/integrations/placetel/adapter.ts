import type { CallEventSink, TelephonyAdapter } from '@server/modules/telephony';
import type { ConnectionRow } from '../telephony-push/connection';
import { pushStatus } from '../telephony-push/status';
import { type ApiDeps, placetelMakeCall } from './api';

/**
 * A Placetel connection. Events arrive through the notify route
 * (placetelRoutes), so there is nothing to start; the adapter places calls
 * through the REST API.
 */
export function createPlacetelAdapter(row: ConnectionRow, _sink: CallEventSink, deps: ApiDeps = {}): TelephonyAdapter {
  return {
    provider: 'placetel',
    connectionId: row.id,
    start: async () => undefined,
    stop: async () => undefined,
    status: () => pushStatus(row),
    makeCall: (input) => placetelMakeCall(row, input, deps),
  };
}
