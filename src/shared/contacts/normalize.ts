// Full metadata: the default (min) set only checks lengths, would accept "0171 12" and cannot
// tell a mobile number from a landline.
import {
  type CountryCode,
  getCountryCallingCode,
  isSupportedCountry,
  parsePhoneNumberFromString,
} from 'libphonenumber-js/max';
import type { PhoneKind } from './enums';

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

/**
 * A number written without "+", "00" or a trunk 0 is a local number (at most 8 digits in
 * Germany) or an international one whose "+" was left off, as many systems write E.164.
 * From this many digits on it cannot be a local number.
 */
const MIN_BARE_INTERNATIONAL_DIGITS = 9;
/** "+49 (0) 30 …", "0049(0)30…", "49(0)30…": the trunk 0 written for national callers. */
const TRUNK_AFTER_COUNTRY_CODE = /^(\+|00)?\s*(\d{1,3})\s*\(0\)\s*/;
/** Nothing but what people put between digits. */
const PHONE_CHARACTERS = /^[\d\s()/.\-–]+$/;

/**
 * Parses a phone number as people and systems in `region` (default Germany) write it:
 * "0171 1234567", "+49 171 1234567", "0049 171 1234567", "+49 (0) 30 1234567", "030/1234567",
 * "(030) 1234567", "089 123456-42" (the extension stays part of the number).
 *
 * One rule for every place a number comes in (contact forms, intake, imports, telephony,
 * caller id, search). A country code without "+" is read only where it is unambiguous:
 * - "49(0)30 1234567": a country code followed by the trunk "(0)";
 * - "4915791234567", "492111234567": the region's own country code, and too many digits for a
 *   local number; a national number would start with its trunk 0;
 * - "3212345678": another country's code, when the number is valid with it and not valid as a
 *   national number of the region with the trunk 0 restored ("15791234567" stays the German
 *   mobile 0157 91234567 whose 0 was forgotten).
 */
export function parsePhone(raw: string, region: CountryCode = 'DE'): ParsedPhone {
  const trimmed = raw.trim();
  // A country we have no numbering plan for (a typo in a setting): read as German.
  if (!isSupportedCountry(region)) region = 'DE';
  const international = internationalWithoutPlus(trimmed, region);
  const text = international ?? trimmed.replace(TRUNK_AFTER_COUNTRY_CODE, '$1$2 ').replace(/^00/, '+');
  const parsed = parsePhoneNumberFromString(text, region);
  if (!parsed || !parsed.isPossible()) return { raw: trimmed, e164: null, valid: false };
  return { raw: trimmed, e164: parsed.number, valid: parsed.isValid() };
}

/** "+<digits>" when `text` is an international number written without its "+" (see parsePhone); else null. */
export function internationalWithoutPlus(text: string, region: CountryCode = 'DE'): string | null {
  if (!isSupportedCountry(region)) region = 'DE';
  if (!PHONE_CHARACTERS.test(text) || /^[\s(]*0/.test(text)) return null;
  const trunk = TRUNK_AFTER_COUNTRY_CODE.exec(text);
  if (trunk) return `+${trunk[2]} ${text.slice(trunk[0].length)}`;
  const digits = phoneDigits(text);
  if (digits.length < MIN_BARE_INTERNATIONAL_DIGITS) return null;
  const asInternational = parsePhoneNumberFromString(`+${digits}`);
  if (!asInternational?.isValid()) return null;
  if (digits.startsWith(getCountryCallingCode(region))) return `+${digits}`;
  const asNational = parsePhoneNumberFromString(`0${digits}`, region);
  return asNational?.isValid() ? null : `+${digits}`;
}

/** Digits only, for suffix matching of "the last digits" a caller reads out. */
export const phoneDigits = (value: string) => value.replace(/\D+/g, '');

export type LineType = 'mobile' | 'landline';

/**
 * Mobile or landline, as the numbering plan says (German 015x/016x/017x are mobile, so is
 * Austria's 0664); null where it cannot tell: service and shared-cost numbers, VoIP ranges,
 * countries whose mobile and fixed ranges overlap, numbers that do not parse.
 */
export function lineTypeOf(e164: string | null): LineType | null {
  if (!e164) return null;
  const type = parsePhoneNumberFromString(e164)?.getType();
  return type === 'MOBILE' ? 'mobile' : type === 'FIXED_LINE' ? 'landline' : null;
}

/**
 * The kind to file a number under when its sender did not say, or said only "phone": what the
 * numbering plan knows, else landline. A number filed as landline that is a mobile is a mobile.
 */
export function phoneKindFor(e164: string | null, stated?: PhoneKind | null): PhoneKind {
  const line = lineTypeOf(e164);
  if (!stated) return line ?? 'landline';
  return stated === 'landline' && line === 'mobile' ? 'mobile' : stated;
}

/** Formats E.164 for German eyes: +49 171 1234567 → 0171 1234567; foreign numbers stay international. */
export function formatPhone(e164: string | null, raw: string): string {
  if (!e164) return raw;
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return raw;
  return parsed.country === 'DE' ? parsed.formatNational() : parsed.formatInternational();
}
