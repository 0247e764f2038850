import { registerAdapterFactory } from '@server/modules/telephony';
import { createCstaAdapter } from './csta';
import { createPlacetelAdapter } from './placetel';
import { createSipgateAdapter } from './sipgate';

/**
 * Plugs every phone system we speak into the telephony module's registry.
 * The generic webhook has no adapter: it only posts to us and cannot dial.
 */
export function registerPhoneSystems(): void {
  registerAdapterFactory('csta', (connection, sink, deps) => createCstaAdapter(connection, sink, deps));
  registerAdapterFactory('sipgate', (connection, sink) => createSipgateAdapter(connection, sink));
  registerAdapterFactory('placetel', (connection, sink) => createPlacetelAdapter(connection, sink));
}
