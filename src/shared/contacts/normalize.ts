// Full metadata: the default (min) set only checks lengths and would accept "0171 12".
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

/**
 * Folds a name for matching so that Müller, Mueller and Muller become the same
 * "muller": lower case, German transliterations (ae/oe/ue) folded like the
 * umlauts, ß → ss, accents stripped, punctuation to single spaces.
 * Applied to stored names and to queries alike.
 */
export function normalizeName(value: string): string {
  return value
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ae/g, 'a')
    .replace(/oe/g, 'o')
    .replace(/ue/g, 'u')
    .replace(/[^a-z0-9@.+]+/g, ' ')
    .trim();
}

export interface ParsedPhone {
  raw: string;
  /** E.164 (+4917112345678), or null when the number cannot be understood. */
  e164: string | null;
  valid: boolean;
}

/** Parses a phone number as a German user types it; +CC numbers from abroad too. */
export function parsePhone(raw: string, region: CountryCode = 'DE'): ParsedPhone {
  const trimmed = raw.trim();
  const parsed = parsePhoneNumberFromString(trimmed.replace(/^00/, '+'), region);
  if (!parsed || !parsed.isPossible()) return { raw: trimmed, e164: null, valid: false };
  return { raw: trimmed, e164: parsed.number, valid: parsed.isValid() };
}

/** Digits only, for suffix matching of "the last digits" a caller reads out. */
export const phoneDigits = (value: string) => value.replace(/\D+/g, '');

/** Formats E.164 for German eyes: +49 171 1234567 → 0171 1234567; foreign numbers stay international. */
export function formatPhone(e164: string | null, raw: string): string {
  if (!e164) return raw;
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return raw;
  return parsed.country === 'DE' ? parsed.formatNational() : parsed.formatInternational();
}
