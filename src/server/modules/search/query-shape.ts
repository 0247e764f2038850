import { internationalWithoutPlus, normalizeName, parsePhone, phoneDigits } from '@shared/contacts/normalize';
import { normalizePlate, normalizeVin, VIN_PATTERN } from '@shared/vehicles/normalize';

/**
 * What a search-bar query can be, decided from its shape alone so that only
 * the sub-queries that can match run: a plate does not need the trigram scan
 * over a million names, a phone number does not need the name scan.
 */
export interface QueryShape {
  /** normalizeName() of the query; null when it has no letters to match or is clearly an identifier. */
  name: string | null;
  /** Whether the name is long enough for typo tolerance (trigrams say little about "mü"). */
  fuzzy: boolean;
  /** Lower-case e-mail prefix, LIKE-escaped. */
  emailPrefix: string | null;
  /** E.164 of a complete phone number. */
  phoneE164: string | null;
  /** The reversed "last digits" of a number, for the digits_reversed prefix index. */
  phoneSuffixReversed: string | null;
  /** Candidate customer numbers for an exact match ("MUC-100123"); digits alone are tried with every location code. */
  customerNumbers: string[];
  customerNumberDigits: string | null;
  /** Normalised plate prefix ("MAB1234", "MAB"). */
  platePrefix: string | null;
  vin: string | null;
  vinLast7: string | null;
}

/** Digits, spaces and the punctuation people put into phone numbers, nothing else. */
const PHONE_SHAPE = /^\+?[\d\s\-()./]+$/;
const CUSTOMER_NUMBER_SHAPE = /^([A-Za-z]{2,5})[-\s]?(\d{3,})$/;
/** District (1–3 letters) plus up to 2 letters and 4 digits: anything longer is not a plate. */
const PLATE_PREFIX_SHAPE = /^[A-ZÄÖÜ]{1,5}(\d{1,4}[EH]?)?$/;
const MIN_SUFFIX_DIGITS = 4;
/** Below this many characters trigram similarity is unreliable; prefixes alone are searched. */
const MIN_TRIGRAM_LENGTH = 4;

export const escapeLike = (value: string) => value.replace(/[\\%_]/g, '\\$&');

export function shapeOf(query: string): QueryShape {
  const q = query.trim();
  const shape: QueryShape = {
    name: null,
    fuzzy: false,
    emailPrefix: null,
    phoneE164: null,
    phoneSuffixReversed: null,
    customerNumbers: [],
    customerNumberDigits: null,
    platePrefix: null,
    vin: null,
    vinLast7: null,
  };

  if (q.includes('@')) {
    shape.emailPrefix = escapeLike(q.toLowerCase());
    return shape;
  }

  const digits = phoneDigits(q);
  if (PHONE_SHAPE.test(q)) {
    if (digits.length >= MIN_SUFFIX_DIGITS) {
      const phone = parsePhone(q);
      // A number typed with its leading zero or country code matches as a whole; the digits as typed match its end.
      const international = /^(\+|00)/.test(q) || internationalWithoutPlus(q) !== null;
      if (phone.e164 && (international || q.startsWith('0'))) shape.phoneE164 = phone.e164;
      const suffix = phone.e164 && international ? phone.e164.slice(1) : digits.replace(/^0+/, '');
      if (suffix.length >= MIN_SUFFIX_DIGITS) shape.phoneSuffixReversed = [...suffix].reverse().join('');
    }
    if (/^\d{4,10}$/.test(q)) shape.customerNumberDigits = q;
  }

  const customerNumber = CUSTOMER_NUMBER_SHAPE.exec(q);
  if (customerNumber) shape.customerNumbers = [`${customerNumber[1]!.toUpperCase()}-${customerNumber[2]}`];
  if (/^[A-Za-z0-9-]{3,20}$/.test(q)) shape.customerNumbers.push(q.toUpperCase());

  const vin = normalizeVin(q);
  if (VIN_PATTERN.test(vin)) shape.vin = vin;
  else if (/^[A-HJ-NPR-Z0-9]{7}$/.test(vin) && /\d/.test(vin)) shape.vinLast7 = vin;

  const plate = normalizePlate(q);
  if (plate.length >= 2 && PLATE_PREFIX_SHAPE.test(plate) && /^[\p{L}\d\s-]+$/u.test(q)) shape.platePrefix = plate;

  // Names rarely carry digits: a query with digits that looks like an identifier skips the name scan.
  const identifierLike =
    /\d/.test(q) && (PHONE_SHAPE.test(q) || customerNumber || shape.platePrefix || shape.vin || shape.vinLast7);
  const name = normalizeName(q);
  const letters = name.replace(/[^a-z]/g, '');
  if (letters.length >= 2 && !identifierLike) {
    shape.name = name;
    shape.fuzzy = name.length >= MIN_TRIGRAM_LENGTH;
  }
  return shape;
}
