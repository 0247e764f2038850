import type { CallEventSink, TelephonyAdapter } from '@server/modules/telephony';
import type { ConnectionRow } from '../telephony-push/connection';
import { pushStatus } from '../telephony-push/status';
import { type ApiDeps, sipgateMakeCall } from './api';

/**
 * A sipgate connection. Events arrive through the push route (sipgateRoutes),
 * so there is nothing to start; the adapter places calls through the REST API.
 */
export function createSipgateAdapter(row: ConnectionRow, _sink: CallEventSink, deps: ApiDeps = {}): TelephonyAdapter {
  return {
    provider: 'sipgate',
    connectionId: row.id,
    start: async () => undefined,
    stop: async () => undefined,
    status: () => pushStatus(row),
    makeCall: (input) => sipgateMakeCall(row, input, deps),
  };
}
