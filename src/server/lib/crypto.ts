import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import argon2 from 'argon2';

/**
 * OWASP's recommended argon2id parameters (19 MiB, 2 iterations). The test suite (Vitest sets
 * VITEST) creates and logs in a few thousand users and hashes with argon2id's cheapest settings
 * instead, 1.5 instead of 64 ms a hash; a hash carries its parameters, so verifying is the same.
 */
const ARGON2_OPTIONS = process.env.VITEST
  ? ({ type: argon2.argon2id, memoryCost: 1_024, timeCost: 1, parallelism: 1 } as const)
  : ({ type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const);

export const hashPassword = (password: string) => argon2.hash(password, ARGON2_OPTIONS);

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** A hash of a password nobody has; verifying against it costs as much as a real check. */
let dummyHash: Promise<string> | undefined;
export const timingDummyHash = () => (dummyHash ??= hashPassword(randomToken(16)));

export const randomToken = (bytes = 32) => randomBytes(bytes).toString('base64url');

export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

/** A readable one-time password: no look-alike characters. */
export function generatePassword(length = 16): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(length);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}
