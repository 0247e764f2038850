import { textProblem } from '../lib/input/storable';
import { ValidationError } from './errors';

/**
 * Keyset cursors are opaque to clients: the last row's sort values, as JSON in
 * base64url. A cursor from another list or sort, a damaged one or one made up
 * is refused with a 400 on `cursor`, not guessed — and never reaches the
 * database, where a value that does not cast would be a 500.
 */
export interface CursorCodec<T> {
  /** The cursor for the next page after the row with these sort values. */
  encode(value: T): string;
  /** The sort values a cursor stands for; a 400 on `cursor` when this list did not make it. */
  decode(cursor: string): T;
}

/** The codec of one list's cursors: `isValid` says what this list's cursors hold. */
export function cursorCodec<T>(isValid: (value: unknown) => value is T): CursorCodec<T> {
  return {
    encode: (value) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url'),
    decode(cursor) {
      let value: unknown;
      try {
        value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
      } catch {
        value = undefined;
      }
      if (!isValid(value)) throw invalidCursor();
      return value;
    },
  };
}

const invalidCursor = () =>
  new ValidationError([{ field: 'cursor', in: 'querystring', code: 'invalid', message: 'is not a valid cursor' }]);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

/** Text the database compares as it is (no NUL, no unpaired surrogate), of a sane length. */
export const isKeyText = (value: unknown): value is string =>
  typeof value === 'string' && value.length <= 1000 && textProblem(value) === null;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// ISO 8601 as JSON writes it, or PostgreSQL's timestamptz text ("2026-03-02 08:00:00.5+01").
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.\d{1,6})?(?:Z|[+-]\d{2}(?::?\d{2})?)?$/;

/** A calendar day that exists: 2026-02-30 does not, and PostgreSQL refuses it. */
function isRealDay(year: string, month: string, day: string): boolean {
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  if (y < 1 || m < 1 || m > 12 || d < 1) return false;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
}

export const isDate = (value: unknown): value is string => {
  const match = typeof value === 'string' ? DATE.exec(value) : null;
  return match !== null && isRealDay(match[1]!, match[2]!, match[3]!);
};

export const isTimestamp = (value: unknown): value is string => {
  const match = typeof value === 'string' ? TIMESTAMP.exec(value) : null;
  if (!match) return false;
  const [, year, month, day, hour, minute, second] = match;
  return isRealDay(year!, month!, day!) && Number(hour) < 24 && Number(minute) < 60 && Number(second) < 60;
};
