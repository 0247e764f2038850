import type { TelephonyProvider } from '@shared/telephony/enums';
import type { Db } from '@server/db/client';
import { ConflictError, NotFoundError } from '@server/http/errors';
import { type ConnectionRow, findConnection } from '@server/modules/telephony';

export type { ConnectionRow };

/** The connection a provider posts to; only an enabled one of that provider accepts events. */
export async function loadPushConnection(db: Db, id: string, provider: TelephonyProvider): Promise<ConnectionRow> {
  const row = await findConnection(db, id);
  if (!row) throw new NotFoundError('The telephony connection');
  if (row.provider !== provider) {
    throw new ConflictError(`This connection is set up for ${row.provider}, not ${provider}.`);
  }
  if (!row.enabled) throw new ConflictError('This telephony connection is disabled.');
  return row;
}

/** A text setting of a connection, or undefined when unset or not text. */
export function textSetting(row: Pick<ConnectionRow, 'settings'>, name: string): string | undefined {
  const value = row.settings[name];
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}
