import type { ConnectionStatus } from '@server/modules/telephony';
import type { ConnectionRow } from './connection';

/** Push providers hold no link: they are as connected as the connection is enabled. */
export function pushStatus(row: ConnectionRow): ConnectionStatus {
  return row.enabled
    ? { state: 'connected', detail: null, since: row.stateChangedAt ?? row.updatedAt }
    : { state: 'disabled', detail: null, since: row.stateChangedAt ?? row.updatedAt };
}
