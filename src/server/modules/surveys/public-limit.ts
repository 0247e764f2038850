import type { FastifyRequest } from 'fastify';
import { TooManyRequestsError } from '@server/http/errors';

/**
 * A bound on the public survey routes per client address: enough for a customer reloading the page
 * and sending it, far too few to guess tokens (2^192 of them) or flood the intake. Kept in memory per
 * process on purpose: a second instance only doubles an already small allowance, and nothing else
 * needs to read it.
 */
export function createPublicLimit(perMinute = 30, now: () => number = Date.now) {
  const windows = new Map<string, { start: number; count: number }>();
  return function check(request: FastifyRequest): void {
    const t = now();
    if (windows.size > 10_000) for (const [k, w] of windows) if (t - w.start >= 60_000) windows.delete(k);
    const w = windows.get(request.ip);
    if (!w || t - w.start >= 60_000) {
      windows.set(request.ip, { start: t, count: 1 });
      return;
    }
    w.count += 1;
    if (w.count > perMinute) throw new TooManyRequestsError('Too many requests. Please wait a minute.', 60);
  };
}
