import type { DbOrTx } from '@server/db/client';
import type { RequestRow } from './repo';

/** What a module that follows new requests is told, in the intake's transaction. */
export type TakenInListener = (tx: DbOrTx, request: Pick<RequestRow, 'id' | 'type' | 'locationId'>) => Promise<void>;

/**
 * Modules built on requests (complaints: a complaint opens its case) hear of every request taken
 * in, in the transaction that writes it, so the request and what follows from it land together.
 */
export function createTakenInListeners() {
  const listeners: TakenInListener[] = [];
  return {
    register(listener: TakenInListener) {
      listeners.push(listener);
    },
    async notify(tx: DbOrTx, request: Pick<RequestRow, 'id' | 'type' | 'locationId'>) {
      for (const listener of listeners) await listener(tx, request);
    },
  };
}
export type TakenInListeners = ReturnType<typeof createTakenInListeners>;
