import type * as repo from '../repo';

export const union = <T>(a: readonly T[], b: readonly T[]) => [...new Set([...a, ...b])];

/** The customer's side of a call: who called in, or whom we called. */
export const customerNumberOf = (call: Pick<repo.CallRow, 'direction' | 'fromNumber' | 'toNumber'>) =>
  call.direction === 'outbound' ? call.toNumber : call.direction === 'inbound' ? call.fromNumber : null;
