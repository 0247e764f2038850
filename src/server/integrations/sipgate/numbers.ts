import { parsePhone } from '@shared/contacts/normalize';
import type { CallParty } from '@server/modules/telephony';
import { isShortNumber, isWithheld } from '@shared/telephony/numbers';

/** sipgate's own users and devices: e0 (web phone), w0 (user), p0 (phone), g0 (group)… */
const SIPGATE_ID = /^[a-z]\d+$/i;

/**
 * sipgate sends numbers in E.164 without the plus: 4921188401000 is
 * +4921188401000, not a national number. `anonymous` is a withheld number.
 * Too short to be international (110, 21) means internal or special: not looked up.
 */
export function sipgateParty(value: string | undefined): CallParty | undefined {
  if (value === undefined) return undefined;
  if (isWithheld(value)) return { raw: value, e164: null };
  if (SIPGATE_ID.test(value)) return { raw: value, e164: null, extension: value };
  const digits = value.replace(/^\+/, '');
  if (!/^[1-9]\d{0,14}$/.test(digits) || isShortNumber(digits)) return { raw: value, e164: null };
  return { raw: value, e164: parsePhone(`+${digits}`).e164 };
}
