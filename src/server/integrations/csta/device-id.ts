import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { CallParty } from '@server/modules/telephony';
import { isWithheld } from '@shared/telephony/numbers';
import { child, type XmlNode } from './xml';

export interface NumberContext {
  /** The country the PBX stands in: its national numbers are read in it. */
  country: CountryCode;
  /** Digit strings up to this length are extensions of the PBX, never looked up. */
  extensionMaxLength: number;
  /** The digits the PBX needs for an outside line ("0"); it reports dialled numbers with them. */
  outsideLinePrefix?: string;
}

export const defaultNumberContext: NumberContext = { country: 'DE', extensionMaxLength: 6 };

type NatureOfAddress = 'international' | 'national' | 'unknown';

interface DeviceAddress {
  digits: string;
  nature: NatureOfAddress;
  /** The address as written, without separators. */
  dialled: string;
}

/**
 * Reads a CSTA device identifier as PBXs write it:
 * `N<+302118840100>;noa=nk;…` (number in angle brackets, parameters after),
 * `N<0891234567>`, `<sip:+4989123456@pbx>`, `tel:+49…`, `+4989…`, `21`.
 */
export function parseDeviceId(
  raw: string | null | undefined,
  context: NumberContext = defaultNumberContext,
): CallParty {
  const value = (raw ?? '').trim();
  // `N<…>Line71001;displayNumber=+49 211 8840100`: the PBX says which number to show.
  const display = /;\s*displayNumber=([^;]*)/i.exec(value)?.[1]?.trim();
  if (display) {
    const inner = readParty(value.slice(0, value.search(/;\s*displayNumber=/i)), context);
    if (inner.e164 || inner.extension) return { ...inner, raw: display };
    const shown = readParty(display, context);
    return { ...shown, raw: display };
  }
  return readParty(value, context);
}

function readParty(value: string, context: NumberContext): CallParty {
  if (isWithheld(value)) return { raw: value || null, e164: null, extension: null };
  const address = readAddress(value);
  if (!address || isWithheld(address.digits)) return { raw: value, e164: null, extension: null };
  const { digits, nature } = address;

  if (nature === 'unknown' && /^[0-9*#]+$/.test(digits) && !digits.startsWith('0')) {
    if (digits.length <= context.extensionMaxLength || /[*#]/.test(digits)) {
      return { raw: value, e164: null, extension: digits };
    }
  }
  let e164 = toE164(digits, nature, context.country);
  const prefix = context.outsideLinePrefix;
  if (!e164 && prefix && address.dialled.startsWith(prefix) && address.dialled.length > prefix.length) {
    // "00891234567" is no international number but "0" for the line and 089…
    const withoutPrefix = readAddress(address.dialled.slice(prefix.length));
    if (withoutPrefix) e164 = toE164(withoutPrefix.digits, withoutPrefix.nature, context.country);
  }
  return { raw: value, e164, extension: null };
}

function readAddress(value: string): DeviceAddress | null {
  // Vendor form: an optional type letter, the address in angle brackets, then ;parameters.
  const bracketed = /^([A-Za-z])?<([^>]*)>(.*)$/.exec(value);
  const inner = bracketed ? bracketed[2]! : value.split(';')[0]!;
  const parameters = parseParameters(bracketed ? bracketed[3]! : value.slice(inner.length));
  let address = inner.trim();

  const uri = /^(sips?|tel):([^@;]*)/i.exec(address);
  if (uri) address = decodeURIComponent(uri[2]!);
  // Visual separators PBXs and people put into numbers: "+49 (89) 123-456".
  address = address.replace(/[\s().\-/]/g, '');
  if (address === '') return null;

  let nature = natureFromParameter(parameters.get('noa') ?? parameters.get('ton'));
  const dialled = address;
  if (address.startsWith('+')) return { digits: address.slice(1), nature: 'international', dialled };
  if (address.startsWith('00')) return { digits: address.slice(2), nature: 'international', dialled };
  if (!/^[0-9*#]+$/.test(address)) return { digits: address, nature, dialled };
  if (nature === 'unknown' && address.startsWith('0')) nature = 'national';
  return { digits: address, nature, dialled };
}

function parseParameters(rest: string): Map<string, string> {
  const parameters = new Map<string, string>();
  for (const part of rest.split(';')) {
    const [key, ...valueParts] = part.split('=');
    if (key?.trim()) parameters.set(key.trim().toLowerCase(), valueParts.join('=').trim().toLowerCase());
  }
  return parameters;
}

function natureFromParameter(value: string | undefined): NatureOfAddress {
  if (!value) return 'unknown';
  if (/^(int|intl|international|inter)/.test(value)) return 'international';
  if (/^(nat|national)/.test(value)) return 'national';
  // nk (not known), unknown, subscriber, …: the digits decide.
  return 'unknown';
}

function toE164(digits: string, nature: NatureOfAddress, country: CountryCode): string | null {
  if (!/^\d+$/.test(digits)) return null;
  const valid = (candidate: string, region?: CountryCode) => {
    const parsed = parsePhoneNumberFromString(candidate, region);
    return parsed?.isValid() ? parsed.number : null;
  };
  const possible = (candidate: string, region?: CountryCode) => {
    const parsed = parsePhoneNumberFromString(candidate, region);
    return parsed?.isPossible() ? parsed.number : null;
  };
  if (nature === 'international') return valid(`+${digits}`) ?? possible(`+${digits}`);
  if (nature === 'national') return valid(digits, country) ?? possible(digits, country);
  // Without a hint and without a trunk prefix, PBXs send the canonical number
  // without "+" ("4989…", "302118…"); only when that is no number is it read as national.
  return valid(`+${digits}`) ?? valid(digits, country);
}

const ABSENT_DEVICE = ['notKnown', 'restricted', 'notRequired', 'notSpecified'];

/**
 * The device id inside a device element of an event or response:
 * `<callingDevice><deviceIdentifier>…</deviceIdentifier></callingDevice>`,
 * `<callingDevice><notKnown/></callingDevice>`, `<callingDevice>21</callingDevice>`,
 * or a connection's `<deviceID>`.
 */
export function deviceIdOf(node: XmlNode | undefined): string | null {
  if (!node) return null;
  for (const name of ['deviceIdentifier', 'deviceID', 'deviceObject', 'staticID', 'dynamicID']) {
    const found = child(node, name);
    if (found) return found.children.length > 0 ? deviceIdOf(found) : found.text;
  }
  if (node.children.some((c) => ABSENT_DEVICE.includes(c.name))) return null;
  // One more level: <newDestination><deviceIDType><deviceIdentifier>… in some editions.
  for (const c of node.children) {
    const nested = deviceIdOf(c);
    if (nested) return nested;
  }
  return node.text || null;
}
