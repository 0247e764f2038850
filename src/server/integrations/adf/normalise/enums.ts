import { countryCodeOf } from '@shared/contacts/countries.js';
import type { AdfLead, AdfPhone, AdfVehicle } from '@shared/intake/adf.js';

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

/** An ISO 3166 alpha-2 code when the country is recognised ("Deutschland" → "DE"), else as given. */
export function countryOf(raw: string): string {
  return countryCodeOf(raw) ?? raw.trim();
}
