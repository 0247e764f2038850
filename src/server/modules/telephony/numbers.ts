import type { CountryCode } from 'libphonenumber-js/max';
import { parsePhone } from '@shared/contacts/normalize';
import { numberKind } from '@shared/telephony/numbers';
import type { CallParty } from './ports';

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
  const kind = numberKind(value);
  if (kind === 'withheld') return { raw: value === '' ? null : value, e164: null };
  if (kind === 'internal') {
    return { raw: value, e164: null, extension: /^\d+$/.test(value) ? value : null };
  }
  const parsed = parsePhone(value, country);
  return { raw: value, e164: parsed.e164 };
}

/** Whether an E.164 number is one a customer could call from: long enough to look up. */
export const isLookupable = (e164: string | null | undefined): e164 is string =>
  typeof e164 === 'string' && /^\+[1-9]\d{6,15}$/.test(e164);
