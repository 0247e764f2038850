/**
 * Numbers, years, VINs and codes as portals write them.
 */

/**
 * A money amount or a mileage: "24.990,00 €", "24,990.00", "EUR 24990", "45.000 km".
 * With both separators the later one is the decimal separator; with one kind only, a group of
 * exactly three digits after it means thousands (no price has three decimals).
 */
export function parseAmount(raw: string): number | null {
  const compact = raw.replace(/[\s\u00a0']/g, '');
  const match = /-?\d[\d.,]*/.exec(compact);
  if (!match) return null;
  let digits = match[0].replace(/[.,]$/, '');
  const lastDot = digits.lastIndexOf('.');
  const lastComma = digits.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    digits = digits.split(group).join('').replace(decimal, '.');
  } else if (lastDot >= 0 || lastComma >= 0) {
    const sep = lastDot >= 0 ? '.' : ',';
    const groups = digits.split(sep);
    const thousands = groups.length > 2 || groups.slice(1).every((g) => g.length === 3);
    digits = thousands ? groups.join('') : groups.join('.');
  }
  const value = Number(digits);
  return Number.isFinite(value) ? value : null;
}

/** Currency from the text when there is no currency attribute: "€", "EUR", "CHF", "$". */
export function currencyInText(raw: string): string | null {
  if (/€|\beur\b|\beuro\b/i.test(raw)) return 'EUR';
  const code = /\b(CHF|USD|GBP|PLN|DKK|SEK|CZK)\b/i.exec(raw);
  if (code) return code[1]!.toUpperCase();
  if (/\$/.test(raw)) return 'USD';
  return null;
}

/** A model year: the first four-digit year in the text ("2021", "EZ 03/2021", "2020/2021"). */
export function parseYear(raw: string, now: Date): number | null {
  const match = /\b(19\d{2}|20\d{2})\b/.exec(raw);
  if (!match) return null;
  const year = Number(match[1]);
  return year >= 1900 && year <= now.getUTCFullYear() + 2 ? year : null;
}

/** ISO 3779: 17 characters, digits and capitals without I, O and Q. */
const VIN = /^[A-HJ-NPR-Z0-9]{17}$/;
const VIN_IN_TEXT = /(?<![A-Z0-9])[A-HJ-NPR-Z0-9]{17}(?![A-Z0-9])/gi;

/** The VIN with blanks and hyphens removed and upper-cased; null when it is not 17 valid characters. */
export function normaliseVin(raw: string): string | null {
  const vin = raw.replace(/[\s-]+/g, '').toUpperCase();
  return VIN.test(vin) ? vin : null;
}

/**
 * VINs mentioned in free text. A 17-character run must mix letters and digits to count,
 * so long words and long numbers (an IBAN's digits, a phone number) are not taken for one.
 */
export function vinsInText(text: string): string[] {
  const found = (text.match(VIN_IN_TEXT) ?? []).map((v) => v.toUpperCase());
  return [...new Set(found.filter((v) => /\d/.test(v) && /[A-Z]/.test(v) && /\d.*\d/.test(v)))];
}

/** Plausible e-mail address: one @, a dot in the domain, no blanks. */
export const isEmail = (value: string) => /^[^\s@<>(),;:]+@[^\s@<>(),;:]+\.[a-z]{2,}$/i.test(value);

/** A phone number is usable when it has at least five digits and nothing but phone characters. */
export const isPhoneNumber = (value: string) => /^[+\d\s()/.\-–]+$/.test(value) && value.replace(/\D/g, '').length >= 5;
