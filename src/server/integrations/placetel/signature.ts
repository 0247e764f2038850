import { createHmac, timingSafeEqual } from 'node:crypto';
import { ConflictError, UnauthorizedError } from '@server/http/errors';
import type { ConnectionRow } from '../telephony-push/connection';

export const SIGNATURE_HEADER = 'x-placetel-signature';

export const placetelSignature = (secret: string, rawBody: Buffer) =>
  createHmac('sha256', secret).update(rawBody).digest('hex');

/**
 * Placetel signs every post with HMAC-SHA256 over the raw body, keyed with
 * the secret set in both places. Without a valid signature nothing is taken:
 * anyone could otherwise fake calls and screen pops.
 */
export function verifyPlacetelSignature(row: ConnectionRow, rawBody: Buffer, header: string | undefined): void {
  if (!row.secret) {
    throw new ConflictError(
      'This Placetel connection has no secret to check signatures with; set the same one as in Placetel.',
    );
  }
  if (!header) throw new UnauthorizedError('The X-PLACETEL-SIGNATURE header is missing.');
  const expected = Buffer.from(placetelSignature(row.secret, rawBody), 'hex');
  const given = /^[0-9a-f]{64}$/i.test(header.trim()) ? Buffer.from(header.trim(), 'hex') : null;
  if (!given || !timingSafeEqual(given, expected)) {
    throw new UnauthorizedError('The X-PLACETEL-SIGNATURE does not match the body.');
  }
}
