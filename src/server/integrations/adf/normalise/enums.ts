import type { AdfLead, AdfPhone, AdfVehicle } from '../../../../shared/intake/adf.js';

/**
 * Enumerations are matched case-insensitively, ignoring blanks, hyphens and underscores, with
 * the English and German synonyms that portals use. The DTD's own spelling maps to itself.
 */
const fold = (value: string) =>
  value
    .toLowerCase()
    .replace(/[\s_\-./]+/g, '')
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue');

function lookup<T extends string>(table: Record<T, string[]>): (raw: string) => T | null {
  const index = new Map<string, T>();
  for (const [value, synonyms] of Object.entries(table) as [T, string[]][]) {
    index.set(fold(value), value);
    for (const s of synonyms) index.set(fold(s), value);
  }
  return (raw) => index.get(fold(raw)) ?? null;
}

export const interestOf = lookup<AdfVehicle['interest']>({
  buy: ['purchase', 'kauf', 'kaufen', 'kaufinteresse', 'finance', 'finanzierung'],
  lease: ['leasing', 'leasen'],
  sell: ['verkauf', 'verkaufen', 'ankauf'],
  'trade-in': ['tradein', 'trade', 'inzahlungnahme', 'inzahlunggabe', 'in zahlung'],
  'test-drive': ['testdrive', 'probefahrt'],
});

export const vehicleStatusOf = lookup<NonNullable<AdfVehicle['status']>>({
  new: ['neu', 'neuwagen', 'nw'],
  used: ['gebraucht', 'gebrauchtwagen', 'gw', 'occasion', 'preowned', 'jahreswagen', 'vorfuehrwagen', 'demo'],
});

export const prospectStatusOf = lookup<AdfLead['status']>({
  new: ['neu'],
  resend: ['resent', 'resubmit', 'repeat', 'duplicate', 'update', 'erneut'],
});

export const phoneKindOf = lookup<AdfPhone['kind']>({
  mobile: ['cellphone', 'cell', 'cellular', 'mobil', 'mobile phone', 'mobiltelefon', 'handy', 'smartphone'],
  landline: [
    'voice',
    'phone',
    'telephone',
    'home',
    'work',
    'office',
    'business',
    'telefon',
    'festnetz',
    'privat',
    'geschaeftlich',
    'buero',
  ],
  fax: ['telefax', 'facsimile'],
  other: ['pager', 'other', 'sonstige'],
});

export const contactTimeOf = lookup<NonNullable<AdfPhone['preferredTime']>>({
  morning: ['vormittag', 'vormittags', 'morgens', 'am'],
  afternoon: ['nachmittag', 'nachmittags', 'mittags', 'pm'],
  evening: ['abend', 'abends'],
  day: ['tagsueber', 'daytime', 'ganztags', 'anytime'],
  nopreference: ['none', 'any', 'egal', 'keine', 'keinepraeferenz', 'no preference', 'jederzeit'],
});

/** "1", "true", "yes", "ja", "x" → true; anything else (absent, "0") → false. */
export const isTruthy = (raw: string | null) => raw !== null && /^(1|true|yes|y|ja|j|x)$/i.test(raw.trim());

/** Country names and ISO-3 codes seen in German leads; two-letter codes are taken as ISO 3166 alpha-2. */
const COUNTRIES: Record<string, string> = {
  d: 'DE',
  deu: 'DE',
  deutschland: 'DE',
  germany: 'DE',
  bundesrepublikdeutschland: 'DE',
  a: 'AT',
  aut: 'AT',
  oesterreich: 'AT',
  austria: 'AT',
  ch: 'CH',
  che: 'CH',
  schweiz: 'CH',
  switzerland: 'CH',
  nld: 'NL',
  niederlande: 'NL',
  netherlands: 'NL',
  fra: 'FR',
  frankreich: 'FR',
  france: 'FR',
  pol: 'PL',
  polen: 'PL',
  poland: 'PL',
  lux: 'LU',
  luxemburg: 'LU',
  luxembourg: 'LU',
  bel: 'BE',
  belgien: 'BE',
  belgium: 'BE',
  dnk: 'DK',
  daenemark: 'DK',
  denmark: 'DK',
};

export function countryOf(raw: string): string {
  const folded = fold(raw);
  if (COUNTRIES[folded]) return COUNTRIES[folded];
  if (/^[a-z]{2}$/.test(folded)) return folded.toUpperCase();
  return raw.trim();
}
