import { type CodedFieldError, fieldError } from '@shared/errors/codes';

/**
 * Cell values as German dealer files write them, turned into what the API
 * schemas expect. Each returns undefined for an empty cell and throws a
 * CellError with a message in words and a code when the value cannot be understood.
 */
export class CellError extends Error {
  constructor(
    message: string,
    readonly coded: CodedFieldError,
  ) {
    super(message);
  }
}

const blank = (v: string | undefined): v is undefined => v === undefined || v.trim() === '';

const pad = (n: number) => String(n).padStart(2, '0');

function isoDate(year: number, month: number, day: number): string {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    throw new CellError('is not a calendar date', { code: 'invalid_date' });
  }
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** Two-digit years: up to the current year's two digits in this century, else the last. */
const fullYear = (yy: number, now: Date) => (yy <= now.getUTCFullYear() % 100 ? 2000 + yy : 1900 + yy);

/** "15.03.2019", "15.3.19", "2019-03-15", "03/2019" and "03.2019" (month only: the 1st), Excel serials. */
export function parseDate(value: string | undefined, now: Date): string | undefined {
  if (blank(value)) return undefined;
  const v = value.trim();
  let m = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/.exec(v);
  if (m) {
    const y = Number(m[3]);
    return isoDate(m[3]!.length === 2 ? fullYear(y, now) : y, Number(m[2]), Number(m[1]));
  }
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(v);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[./](\d{4})$/.exec(v);
  if (m) return isoDate(Number(m[2]), Number(m[1]), 1);
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v);
  if (m) return isoDate(Number(m[3]), Number(m[1]), Number(m[2]));
  if (/^\d{5}$/.test(v)) {
    // Excel day serial (days since 1899-12-30), when a date cell was exported as a number.
    const date = new Date(Date.UTC(1899, 11, 30) + Number(v) * 86_400_000);
    return date.toISOString().slice(0, 10);
  }
  throw new CellError('expected a date like 15.03.2019', { code: 'invalid_date' });
}

/** "45.000", "45000 km", "45 000", "45,000" → 45000; decimals are rounded. */
export function parseInteger(value: string | undefined): number | undefined {
  if (blank(value)) return undefined;
  const v = value.replace(/\s|km/gi, '');
  let normalized: string;
  if (/^\d{1,3}([.,]\d{3})+$/.test(v)) normalized = v.replace(/[.,]/g, '');
  else normalized = v.replace(',', '.');
  const n = Number(normalized);
  if (!Number.isFinite(n)) throw new CellError('expected a number', { code: 'invalid_number' });
  return Math.round(n);
}

/**
 * Euro amounts as banks write them: "12.345,67", "12345,67 €", "EUR 12.345", "12,345.67"
 * → cents. A single point before exactly three digits groups thousands.
 */
export function parseEuroCents(value: string | undefined): number | undefined {
  if (blank(value)) return undefined;
  const v = value.replace(/\s|€|eur(o)?/gi, '');
  let normalized: string | null = null;
  if (/^\d{1,3}(\.\d{3})*(,\d{1,2})?$/.test(v) || /^\d+(,\d{1,2})?$/.test(v))
    normalized = v.replace(/\./g, '').replace(',', '.');
  else if (/^\d{1,3}(,\d{3})*(\.\d{1,2})?$/.test(v) || /^\d+\.\d{1,2}$/.test(v)) normalized = v.replace(/,/g, '');
  const n = normalized === null ? NaN : Number(normalized);
  // A contract's residual value stays far below what the column holds (21 million euros).
  if (!Number.isFinite(n) || n > 20_000_000)
    throw new CellError('expected an amount in euros like 12.345,67', { code: 'invalid_number' });
  return Math.round(n * 100);
}

const lookup =
  <T extends string>(table: Record<string, T>, what: string) =>
  (value: string | undefined): T | undefined => {
    if (blank(value)) return undefined;
    const key = value
      .trim()
      .toLowerCase()
      .replace(/[.\s_-]+/g, '');
    const found = table[key];
    if (!found)
      throw new CellError(`unknown ${what} "${value.trim()}"`, fieldError('unknown_value', { value: value.trim() }));
    return found;
  };

export const parseSalutation = lookup(
  {
    herr: 'mr',
    herrn: 'mr',
    mr: 'mr',
    m: 'mr',
    mannlich: 'mr',
    männlich: 'mr',
    male: 'mr',
    frau: 'ms',
    mrs: 'ms',
    ms: 'ms',
    f: 'ms',
    w: 'ms',
    weiblich: 'ms',
    female: 'ms',
    divers: 'mx',
    d: 'mx',
    mx: 'mx',
    firma: 'none',
    keine: 'none',
    none: 'none',
  } as const,
  'salutation',
);

/** Whether a salutation cell says the row is a company ("Firma"). */
export const salutationMeansCompany = (value: string | undefined) => !blank(value) && /^firma$/i.test(value.trim());

export const parseKind = lookup(
  {
    person: 'person',
    privat: 'person',
    privatkunde: 'person',
    private: 'person',
    p: 'person',
    firma: 'company',
    company: 'company',
    unternehmen: 'company',
    gewerbe: 'company',
    gewerbekunde: 'company',
    business: 'company',
    org: 'company',
    f: 'company',
  } as const,
  'kind (expected Person or Firma)',
);

export const parseFuel = lookup(
  {
    benzin: 'petrol',
    benziner: 'petrol',
    super: 'petrol',
    petrol: 'petrol',
    gasoline: 'petrol',
    otto: 'petrol',
    diesel: 'diesel',
    hybrid: 'hybrid',
    vollhybrid: 'hybrid',
    mildhybrid: 'hybrid',
    pluginhybrid: 'plugin_hybrid',
    plugin: 'plugin_hybrid',
    phev: 'plugin_hybrid',
    elektro: 'electric',
    electric: 'electric',
    ev: 'electric',
    bev: 'electric',
    strom: 'electric',
    lpg: 'lpg',
    autogas: 'lpg',
    cng: 'cng',
    erdgas: 'cng',
    wasserstoff: 'hydrogen',
    hydrogen: 'hydrogen',
    sonstige: 'other',
    other: 'other',
  } as const,
  'fuel',
);

export const parseFinancing = lookup(
  {
    keine: 'none',
    none: 'none',
    bar: 'none',
    barkauf: 'none',
    nein: 'none',
    finanzierung: 'financing',
    kredit: 'financing',
    financing: 'financing',
    leasing: 'leasing',
    lease: 'leasing',
  } as const,
  'financing type (expected Leasing, Finanzierung or keine)',
);

/** A bank's words for its products; "Ballon", "3-Wege-Finanzierung" and the like keep a final instalment. */
export const parseContractType = lookup(
  {
    finanzierung: 'financing',
    klassischefinanzierung: 'financing',
    standardfinanzierung: 'financing',
    ratenkredit: 'financing',
    kredit: 'financing',
    darlehen: 'financing',
    autokredit: 'financing',
    financing: 'financing',
    loan: 'financing',
    leasing: 'leasing',
    kilometerleasing: 'leasing',
    restwertleasing: 'leasing',
    privatleasing: 'leasing',
    gewerbeleasing: 'leasing',
    lease: 'leasing',
    ballonfinanzierung: 'balloon',
    ballon: 'balloon',
    schlussratenfinanzierung: 'balloon',
    '3wegefinanzierung': 'balloon',
    dreiwegefinanzierung: 'balloon',
    balloon: 'balloon',
    balloonfinancing: 'balloon',
  } as const,
  'contract type (expected Finanzierung, Leasing or Ballonfinanzierung)',
);

export const parseBoolean = lookup(
  {
    ja: true,
    j: true,
    yes: true,
    y: true,
    x: true,
    true: true,
    wahr: true,
    '1': true,
    nein: false,
    n: false,
    no: false,
    false: false,
    falsch: false,
    '0': false,
  } as unknown as Record<string, never>,
  'yes/no value',
) as (value: string | undefined) => boolean | undefined;

const COUNTRIES: Record<string, string> = {
  deutschland: 'DE',
  germany: 'DE',
  brd: 'DE',
  d: 'DE',
  osterreich: 'AT',
  österreich: 'AT',
  austria: 'AT',
  a: 'AT',
  schweiz: 'CH',
  switzerland: 'CH',
  ch: 'CH',
  niederlande: 'NL',
  netherlands: 'NL',
  frankreich: 'FR',
  france: 'FR',
  polen: 'PL',
  poland: 'PL',
  italien: 'IT',
  italy: 'IT',
  belgien: 'BE',
  luxemburg: 'LU',
  danemark: 'DK',
  dänemark: 'DK',
  tschechien: 'CZ',
  spanien: 'ES',
};

/** "Deutschland", "Germany", "D", "DE" → "DE"; ISO codes pass through. */
export function parseCountry(value: string | undefined): string | undefined {
  if (blank(value)) return undefined;
  const v = value.trim();
  if (/^[A-Za-z]{2}$/.test(v)) return v.toUpperCase();
  const found = COUNTRIES[v.toLowerCase()];
  if (!found) throw new CellError(`unknown country "${v}"`, fieldError('unknown_value', { value: v }));
  return found;
}

export const parseTags = (value: string | undefined): string[] =>
  blank(value)
    ? []
    : value
        .split(/[,;|]/)
        .map((t) => t.trim())
        .filter(Boolean);
