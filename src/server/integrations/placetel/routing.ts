import type { CountryCode } from 'libphonenumber-js/max';
import type { Db } from '@server/db/client';
import type { CallEvent } from '@server/modules/telephony';
import { extensionsOfConnection } from '@server/modules/telephony';
import { placetelParty } from './numbers';

/**
 * Placetel's IncomingCall names no user while the phone rings, so nobody would see the
 * caller. The call goes to whom the called number routes to: the users mapped to that
 * number on this connection, or else everyone mapped on the connection (its group).
 */
export async function withRoutedExtensions(db: Db, event: CallEvent, country: CountryCode): Promise<CallEvent> {
  if (event.kind !== 'ringing' || event.direction !== 'inbound' || event.extensions?.length) return event;
  const all = await extensionsOfConnection(db, event.connectionId);
  if (all.length === 0) return event;
  const called = event.to?.e164 ?? null;
  const numberOf = (extension: string) => placetelParty(extension, country)?.e164 ?? null;
  const toNumber = all.filter((extension) => called !== null && numberOf(extension) === called);
  // Without a mapping for this number: the SIP users of the connection, not the numbers of other lines.
  const group = all.filter((extension) => numberOf(extension) === null);
  const extensions = toNumber.length > 0 ? toNumber : group.length > 0 ? group : all;
  return { ...event, extensions };
}
