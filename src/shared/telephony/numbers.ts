/**
 * What phone systems send instead of a number when the caller withholds it
 * (CSTA PBXs say notKnown, notRequired, notSpecified).
 * Shared so the server never looks such a word up and the web app never shows it as a number.
 */
const WITHHELD_WORDS = new Set([
  'anonymous',
  'unknown',
  'restricted',
  'withheld',
  'private',
  'unavailable',
  'anonym',
  'notknown',
  'notrequired',
  'notspecified',
]);

/**
 * Fewer digits than this is an extension or a short number (21, 110, 112, 11833):
 * never a customer's line, never looked up. The one threshold for every phone system.
 */
export const MIN_EXTERNAL_DIGITS = 6;

/** Whether what a phone system sent for the caller stands for "number withheld" (or nothing at all). */
export function isWithheld(raw: string | null | undefined): boolean {
  const value = raw?.trim() ?? '';
  return value === '' || WITHHELD_WORDS.has(value.toLowerCase());
}

/** Whether a string of digits is too short to be anyone's outside line. */
export const isShortNumber = (digits: string): boolean => digits.replace(/\D+/g, '').length < MIN_EXTERNAL_DIGITS;

/**
 * What a number a phone system sent stands for: no number at all, one of our
 * extensions or a short or service number (with letters, * or #, or too few
 * digits), or an outside line worth reading and looking up.
 */
export type NumberKind = 'withheld' | 'internal' | 'external';

export function numberKind(raw: string | null | undefined): NumberKind {
  const value = raw?.trim() ?? '';
  if (isWithheld(value)) return 'withheld';
  if (/[*#]/.test(value) || /[a-z]/i.test(value) || isShortNumber(value)) return 'internal';
  return 'external';
}
