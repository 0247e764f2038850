import type { Channel, ContactKind, PhoneKind, Salutation } from '@shared/contacts/enums';
import type { ADDRESS_KINDS, EMAIL_KINDS } from '@shared/contacts/enums';
import type { Contact } from '../types';

export interface PhoneRow {
  kind: PhoneKind;
  number: string;
  isPrimary: boolean;
}
export interface EmailRow {
  kind: (typeof EMAIL_KINDS)[number];
  address: string;
  isPrimary: boolean;
}
export interface AddressRow {
  kind: (typeof ADDRESS_KINDS)[number];
  street: string;
  postalCode: string;
  city: string;
  country: string;
  isPrimary: boolean;
}

export interface ContactFormValues {
  kind: ContactKind;
  salutation: Salutation;
  title: string;
  firstName: string;
  lastName: string;
  companyName: string;
  position: string;
  dateOfBirth: string | null;
  homeLocationId: string;
  salesConsultantId: string | null;
  serviceAdvisorId: string | null;
  preferredChannel: Channel | null;
  tags: string[];
  notes: string;
  phones: PhoneRow[];
  emails: EmailRow[];
  addresses: AddressRow[];
}

export const emptyPhone = (): PhoneRow => ({ kind: 'mobile', number: '', isPrimary: false });
export const emptyEmail = (): EmailRow => ({ kind: 'private', address: '', isPrimary: false });
export const emptyAddress = (): AddressRow => ({
  kind: 'home',
  street: '',
  postalCode: '',
  city: '',
  country: 'DE',
  isPrimary: false,
});

export interface Prefill {
  homeLocationId: string;
  name?: string | null;
  phone?: string | null;
  email?: string | null;
}

/** "Anna Maria Schmidt" → first names "Anna Maria", last name "Schmidt"; one word is the last name. */
export function splitName(name: string): { firstName: string; lastName: string } {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length <= 1) return { firstName: '', lastName: words[0] ?? '' };
  return { firstName: words.slice(0, -1).join(' '), lastName: words.at(-1) ?? '' };
}

export function emptyValues(prefill: Prefill): ContactFormValues {
  const name = splitName(prefill.name ?? '');
  return {
    kind: 'person',
    salutation: 'none',
    title: '',
    firstName: name.firstName,
    lastName: name.lastName,
    companyName: '',
    position: '',
    dateOfBirth: null,
    homeLocationId: prefill.homeLocationId,
    salesConsultantId: null,
    serviceAdvisorId: null,
    preferredChannel: null,
    tags: [],
    notes: '',
    phones: [{ ...emptyPhone(), number: prefill.phone ?? '' }],
    emails: [{ ...emptyEmail(), address: prefill.email ?? '' }],
    addresses: [],
  };
}

export function fromContact(contact: Contact): ContactFormValues {
  return {
    kind: contact.kind,
    salutation: contact.salutation,
    title: contact.title ?? '',
    firstName: contact.firstName ?? '',
    lastName: contact.lastName ?? '',
    companyName: contact.companyName ?? '',
    position: contact.position ?? '',
    dateOfBirth: contact.dateOfBirth,
    homeLocationId: contact.homeLocationId,
    salesConsultantId: contact.salesConsultant?.id ?? null,
    serviceAdvisorId: contact.serviceAdvisor?.id ?? null,
    preferredChannel: contact.preferredChannel,
    tags: contact.tags,
    notes: contact.notes ?? '',
    phones: contact.phones.map(({ kind, raw, isPrimary }) => ({ kind, number: raw, isPrimary })),
    emails: contact.emails.map(({ kind, address, isPrimary }) => ({ kind, address, isPrimary })),
    addresses: contact.addresses.map(({ kind, street, postalCode, city, country, isPrimary }) => ({
      kind,
      street,
      postalCode,
      city,
      country,
      isPrimary,
    })),
  };
}

type RowList = 'phones' | 'emails' | 'addresses';

/** Rows left completely empty are dropped; the index maps lead errors back to the rows on screen. */
function keepFilled<T extends object>(rows: T[], filled: (row: T) => boolean) {
  const kept: T[] = [];
  const indexes: number[] = [];
  rows.forEach((row, index) => {
    if (!filled(row)) return;
    kept.push(row);
    indexes.push(index);
  });
  // With no primary chosen, the first entry is the primary one.
  const withPrimary = kept.some((row) => (row as { isPrimary?: boolean }).isPrimary)
    ? kept
    : kept.map((row, index) => ({ ...row, isPrimary: index === 0 }));
  return { kept: withPrimary, indexes };
}

/**
 * Form values → the API body (ContactInput / ContactUpdate), plus `remap` to
 * move error paths such as "phones.0.number" onto the row the user sees.
 */
export function prepareContact(values: ContactFormValues) {
  const phones = keepFilled(values.phones, (row) => row.number.trim() !== '');
  const emails = keepFilled(values.emails, (row) => row.address.trim() !== '');
  const addresses = keepFilled(values.addresses, (row) =>
    [row.street, row.postalCode, row.city].some((value) => value.trim() !== ''),
  );
  const maps: Record<RowList, number[]> = {
    phones: phones.indexes,
    emails: emails.indexes,
    addresses: addresses.indexes,
  };
  const company = values.kind === 'company';
  const body = {
    kind: values.kind,
    salutation: company ? 'none' : values.salutation,
    title: company ? null : values.title,
    firstName: company ? null : values.firstName,
    lastName: company ? null : values.lastName,
    companyName: company ? values.companyName : null,
    position: values.position,
    dateOfBirth: company ? null : values.dateOfBirth || null,
    homeLocationId: values.homeLocationId,
    salesConsultantId: values.salesConsultantId || null,
    serviceAdvisorId: values.serviceAdvisorId || null,
    preferredChannel: values.preferredChannel || null,
    tags: values.tags,
    notes: values.notes,
    phones: phones.kept.map((row) => ({ ...row, number: row.number.trim() })),
    emails: emails.kept.map((row) => ({ ...row, address: row.address.trim() })),
    addresses: addresses.kept,
  };

  function remap(errors: Record<string, string>): Record<string, string> {
    const result: Record<string, string> = {};
    for (const [path, message] of Object.entries(errors)) {
      const match = /^(phones|emails|addresses)\.(\d+)(\..*)?$/.exec(path);
      const list = match?.[1] as RowList | undefined;
      const original = list ? maps[list][Number(match?.[2])] : undefined;
      result[list && original !== undefined ? `${list}.${original}${match?.[3] ?? ''}` : path] = message;
    }
    return result;
  }

  return { body, remap };
}
