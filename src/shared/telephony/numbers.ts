/**
 * What phone systems send instead of a number when the caller withholds it.
 * Shared so the server never looks such a word up and the web app never shows it as a number.
 */
const WITHHELD_WORDS = new Set(['anonymous', 'unknown', 'restricted', 'withheld', 'private', 'unavailable', 'anonym']);

/** Whether what a phone system sent for the caller stands for "number withheld" (or nothing at all). */
export function isWithheld(raw: string | null | undefined): boolean {
  const value = raw?.trim() ?? '';
  return value === '' || WITHHELD_WORDS.has(value.toLowerCase());
}
