import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Compares a secret the caller sent with ours in constant time. Hashing both
 * first gives equal lengths, so not even the secret's length leaks.
 */
export function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}
