import { ValidationError } from '../../http/errors';

/**
 * Keyset cursors are opaque to clients: the last row's sort values, as JSON in
 * base64url. A cursor from another sort or a damaged one is refused, not guessed.
 */
export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

export function decodeCursor<T>(cursor: string, isValid: (value: unknown) => value is T): T {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  if (!isValid(value))
    throw new ValidationError([{ field: 'cursor', in: 'querystring', message: 'is not a valid cursor' }]);
  return value;
}
