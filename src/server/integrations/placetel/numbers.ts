import type { CountryCode } from 'libphonenumber-js/max';
import { internationalWithoutPlus, parsePhone } from '@shared/contacts/normalize';
import type { CallParty } from '@server/modules/telephony';
import { isShortNumber, isWithheld } from '@shared/telephony/numbers';
import { type ConnectionRow, textSetting } from '../telephony-push/connection';

/** The country Placetel's national numbers are read in: settings.country, else Germany. */
export function placetelCountry(row: ConnectionRow): CountryCode {
  const country = textSetting(row, 'country')?.toUpperCase();
  return country && /^[A-Z]{2}$/.test(country) ? (country as CountryCode) : 'DE';
}

/**
 * Placetel sends numbers in national format (0221123456) and only sometimes
 * international (+49…, 0049…). A national number needs its trunk 0; a number
 * without it is read only when it is unambiguously international without its
 * "+" (the shared rule of parsePhone). Short numbers (21, 110, **610)
 * are internal or special and not looked up; a SIP user is one of our extensions.
 */
export function placetelParty(value: string | undefined, country: CountryCode): CallParty | undefined {
  if (value === undefined) return undefined;
  if (isWithheld(value)) return { raw: value, e164: null };
  if (value.includes('@')) return { raw: value, e164: null, extension: value };
  const compact = value.replace(/[\s\-/().]/g, '');
  if (!/^\+?\d+$/.test(compact) || isShortNumber(compact)) return { raw: value, e164: null };
  if (!compact.startsWith('+') && !compact.startsWith('0') && !internationalWithoutPlus(compact, country)) {
    return { raw: value, e164: null };
  }
  return { raw: value, e164: parsePhone(compact, country).e164 };
}
