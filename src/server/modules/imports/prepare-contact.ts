import type { z } from 'zod';
import { codeOfIssue, fieldError } from '@shared/errors/codes';
import { ContactInput } from '@shared/contacts/schemas';
import { phoneKindFor } from '@shared/contacts/normalize';
import type { ImportReason } from '@shared/imports/schemas';
import {
  type ContactCreate,
  displayNameOf,
  type PhoneValues,
  prepareAddresses,
  prepareEmails,
  preparePhones,
  searchNameOf,
} from '@server/modules/contacts';
import type { Cell, RowCells } from './cells';
import { parseCountry, parseDate, parseKind, parseSalutation, parseTags, salutationMeansCompany } from './values';

export interface PreparedContact {
  input: ContactCreate;
  externalRef: string | null;
  phones: PhoneValues[];
  emails: ReturnType<typeof prepareEmails>;
  addresses: ReturnType<typeof prepareAddresses>;
  displayName: string;
  searchName: string;
}

export interface ContactContext {
  now: Date;
  today: string;
  defaultLocationId: string;
  /** Location ids by lower-case code and by lower-case name. */
  locations: Map<string, string>;
}

const PHONE_FIELDS = [
  ['phoneMobile', 'mobile'],
  ['phoneLandline', 'landline'],
  ['phoneWork', 'work'],
  ['fax', 'fax'],
] as const;

/** Path of a schema issue → the import field it came from, and the cell. */
function locate(path: PropertyKey[], phones: Cell[], emails: Cell[]): { field: string; column: string | null } {
  const [head, index, sub] = path;
  if (head === 'phones' && typeof index === 'number') return { field: 'phone', column: phones[index]?.column ?? null };
  if (head === 'emails' && typeof index === 'number') return { field: 'email', column: emails[index]?.column ?? null };
  if (head === 'addresses') return { field: String(sub ?? 'street'), column: null };
  return { field: String(head ?? 'row'), column: null };
}

/**
 * One row as a new contact, validated by the same schema and helpers as the
 * contact form. Numbers that do not parse are kept, flagged invalid (noted
 * in the reasons); anything else that is wrong rejects the row.
 */
export function prepareContact(cells: RowCells, ctx: ContactContext): PreparedContact | null {
  const salutationText = cells.text('salutation');
  let kind = cells.convert('kind', parseKind);
  const lastName = cells.text('lastName');
  const companyName = cells.text('companyName');
  if (!kind) kind = salutationMeansCompany(salutationText) || (!lastName && companyName) ? 'company' : 'person';

  let homeLocationId = ctx.defaultLocationId;
  const location = cells.text('location');
  if (location) {
    const found = ctx.locations.get(location.toLowerCase());
    if (found) homeLocationId = found;
    else
      cells.fail('location', {
        ...fieldError('unknown_value', { value: location }),
        message: `unknown location "${location}"`,
      });
  }

  const phoneCells: Cell[] = [];
  const phones = PHONE_FIELDS.flatMap(([field, phoneKind]) =>
    cells.all(field).map((cell) => {
      phoneCells.push(cell);
      return { kind: phoneKind, number: cell.value, isPrimary: false };
    }),
  );
  const emailCells = [...cells.all('email'), ...cells.all('emailWork')];
  const emails = emailCells.map((cell, i) => ({
    kind: i < cells.all('email').length ? ('private' as const) : ('work' as const),
    address: cell.value,
    isPrimary: false,
  }));

  const country = cells.convert('country', parseCountry) ?? 'DE';
  const street = cells.text('street');
  let postalCode = cells.text('postalCode');
  const city = cells.text('city');
  // Spreadsheets drop the leading zero of eastern German codes: 4347 is 04347.
  if (postalCode && country === 'DE' && /^\d{4}$/.test(postalCode)) postalCode = `0${postalCode}`;
  const addresses =
    street || postalCode || city
      ? [{ street: street ?? '', postalCode: postalCode ?? '', city: city ?? '', country }]
      : [];

  const raw = {
    kind,
    salutation: kind === 'company' ? 'none' : (cells.convert('salutation', parseSalutation) ?? 'none'),
    title: cells.text('title'),
    firstName: cells.text('firstName'),
    lastName,
    companyName,
    position: cells.text('position'),
    dateOfBirth: cells.convert('dateOfBirth', (v) => parseDate(v, ctx.now)),
    homeLocationId,
    notes: cells.text('notes'),
    tags: parseTags(cells.text('tags')),
    phones,
    emails,
    addresses,
    ignoreDuplicates: true,
  };
  if (raw.dateOfBirth && raw.dateOfBirth > ctx.today)
    cells.fail('dateOfBirth', { code: 'in_future', message: 'must not be in the future' });

  const parsed = ContactInput.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const { field, column } = locate(issue.path, phoneCells, emailCells);
      // The schema names lastName for "no name"; for a company the missing name is the company's.
      const shown = field === 'lastName' && kind === 'company' ? 'companyName' : field;
      cells.fail(shown, { ...codeOfIssue(issue), message: issue.message }, column ?? cells.column(shown));
    }
  }
  if (!parsed.success || cells.failed) return null;

  const input = parsed.data;
  const prepared = preparePhones(input.phones, { allowInvalid: true });
  prepared.values.forEach((p, i) => {
    // A "Telefon" column or an untyped vCard TEL says nothing about the line; the number does.
    p.kind = phoneKindFor(p.e164, p.kind);
    if (!p.valid)
      cells.fail(
        'phone',
        {
          ...fieldError('phone_kept_invalid', { number: p.raw }),
          message: `"${p.raw}" is not a valid phone number; kept and flagged invalid`,
        },
        phoneCells[i]?.column ?? null,
      );
  });
  const displayName = displayNameOf(input);
  return {
    input,
    externalRef: cells.text('externalRef') ?? null,
    phones: prepared.values,
    emails: prepareEmails(input.emails),
    addresses: prepareAddresses(input.addresses),
    displayName,
    searchName: searchNameOf(displayName, null),
  };
}

/** Keys by which a row finds the contact it duplicates. */
export function contactKeys(c: PreparedContact): string[] {
  const keys: string[] = [];
  if (c.externalRef) keys.push(`ref:${c.externalRef}`);
  for (const e of c.emails) keys.push(`email:${e.address}`);
  for (const p of c.phones) if (p.e164) keys.push(`phone:${p.e164}`);
  return keys;
}

export type ContactInputShape = z.input<typeof ContactInput>;
export type { ImportReason };
