import type { CountryCode } from 'libphonenumber-js/max';
import type { z } from 'zod';
import { normalizeName, parsePhone, phoneDigits } from '@shared/contacts/normalize';
import type { AddressInput, ContactInput, EmailInput, PhoneInput } from '@shared/contacts/schemas';
import type { FieldError } from '@server/http/errors';

export type ContactCreate = z.output<typeof ContactInput>;
export type PhoneIn = z.output<typeof PhoneInput>;
export type EmailIn = z.output<typeof EmailInput>;
export type AddressIn = z.output<typeof AddressInput>;

export interface PhoneValues {
  kind: PhoneIn['kind'];
  raw: string;
  e164: string | null;
  valid: boolean;
  digitsReversed: string;
  isPrimary: boolean;
  position: number;
}

/** Exactly one primary per list: the first one flagged, else the first one. */
export function withOnePrimary<T extends { isPrimary: boolean }>(items: T[]): Array<T & { position: number }> {
  const primary = Math.max(
    0,
    items.findIndex((i) => i.isPrimary),
  );
  return items.map((item, position) => ({ ...item, isPrimary: position === primary, position }));
}

const reversed = (digits: string) => [...digits].reverse().join('');

/**
 * Parses the typed numbers. In the app an unparseable number is refused; an
 * import keeps it as typed (flagged invalid) so no customer data is lost.
 */
export function preparePhones(
  phones: PhoneIn[],
  options: { allowInvalid?: boolean; field?: string; region?: CountryCode } = {},
): { values: PhoneValues[]; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const values = withOnePrimary(phones).map((p, i) => {
    // Numbers without country code are read in the customer's country (a lead from Salzburg).
    const parsed = parsePhone(p.number, options.region);
    if (parsed.valid && parsed.e164) {
      return {
        ...base(p),
        raw: parsed.raw,
        e164: parsed.e164,
        valid: true,
        digitsReversed: reversed(phoneDigits(parsed.e164)),
      };
    }
    if (!options.allowInvalid) {
      errors.push({
        field: `${options.field ?? 'phones'}.${i}.number`,
        in: 'body',
        code: 'invalid_phone',
        message: 'is not a valid phone number',
      });
    }
    return { ...base(p), raw: parsed.raw, e164: null, valid: false, digitsReversed: reversed(phoneDigits(parsed.raw)) };
  });
  return { values, errors };

  function base(p: PhoneIn & { position: number }) {
    return { kind: p.kind, isPrimary: p.isPrimary, position: p.position };
  }
}

export const prepareEmails = (emails: EmailIn[]) =>
  withOnePrimary(emails).map((e) => ({
    kind: e.kind,
    address: e.address.toLowerCase(),
    isPrimary: e.isPrimary,
    position: e.position,
  }));

export const prepareAddresses = (addresses: AddressIn[]) =>
  withOnePrimary(addresses).map((a) => ({
    kind: a.kind,
    street: a.street,
    postalCode: a.postalCode,
    city: a.city,
    country: a.country,
    isPrimary: a.isPrimary,
    position: a.position,
  }));

export interface NameParts {
  kind: 'person' | 'company';
  title: string | null;
  firstName: string | null;
  lastName: string | null;
  companyName: string | null;
}

/** "Müller, Dr. Hans" for people, the company name for companies. */
export function displayNameOf(c: NameParts): string {
  if (c.kind === 'company') return c.companyName ?? '';
  const given = [c.title, c.firstName].filter(Boolean).join(' ');
  return given ? `${c.lastName ?? ''}, ${given}` : (c.lastName ?? '');
}

/** What the search bar matches: the name, and for contact persons their company's name too. */
export const searchNameOf = (displayName: string, companyName?: string | null) =>
  normalizeName(companyName ? `${displayName} ${companyName}` : displayName);

/** Today's calendar date where the dealers are, as YYYY-MM-DD. */
export const berlinToday = (now: Date) =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Berlin',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
