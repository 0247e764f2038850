import type { CountryCode } from 'libphonenumber-js/max';
import { parsePhone, phoneDigits } from '../../../shared/contacts/normalize';
import { isWithheld } from '../../../shared/telephony/numbers';
import type { CallParty } from './ports';

/**
 * Fewer digits than this is an extension or a short number (110, 112, 11833):
 * never a customer's line, never looked up.
 */
const MIN_EXTERNAL_DIGITS = 6;

/** The country numbers of a connection are read in: its settings may say, else Germany. */
export function countryOf(settings: Record<string, unknown> | null | undefined): CountryCode {
  const country = settings?.country;
  return typeof country === 'string' && /^[A-Z]{2}$/.test(country) ? (country as CountryCode) : 'DE';
}

/**
 * Reads a number as a PBX sent it, in any notation. Withheld, internal and
 * short numbers (anonymous, 21, 110, **610) keep their raw value but get no
 * E.164, so caller identification leaves them alone.
 */
export function readNumber(raw: string | null | undefined, country: CountryCode = 'DE'): CallParty {
  const value = raw?.trim() ?? '';
  if (isWithheld(value)) return { raw: value === '' ? null : value, e164: null };
  const digits = phoneDigits(value);
  if (/[*#]/.test(value) || digits.length < MIN_EXTERNAL_DIGITS || /[a-z]/i.test(value)) {
    return { raw: value, e164: null, extension: /^\d+$/.test(value) ? value : null };
  }
  const parsed = parsePhone(value, country);
  return { raw: value, e164: parsed.e164 };
}

/** Whether an E.164 number is one a customer could call from: long enough to look up. */
export const isLookupable = (e164: string | null | undefined): e164 is string =>
  typeof e164 === 'string' && /^\+[1-9]\d{6,15}$/.test(e164);
