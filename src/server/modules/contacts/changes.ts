import type { z } from 'zod';
import type { ContactUpdate } from '@shared/contacts/schemas';
import { type PhoneValues, prepareAddresses, prepareEmails } from './input';
import { timelineText } from '@shared/texts/timeline';
import type { ContactRow, listChildren } from './repo';

export type ContactPatch = z.output<typeof ContactUpdate>;
type Children = Awaited<ReturnType<typeof listChildren>>;

const SCALARS = [
  'kind',
  'salutation',
  'title',
  'firstName',
  'lastName',
  'companyName',
  'companyId',
  'position',
  'dateOfBirth',
  'homeLocationId',
  'salesConsultantId',
  'serviceAdvisorId',
  'preferredChannel',
  'notes',
  'tags',
  'paymentRemarks',
] as const;
export type ScalarField = (typeof SCALARS)[number];

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const pick = <T extends object>(items: T[], keys: Array<keyof T>) => items.map((i) => keys.map((k) => i[k]));

/**
 * Compares a patch with the stored contact: which fields really change. A
 * form that sends everything back unchanged must not fill the timeline.
 */
export function diffContact(
  current: ContactRow,
  children: Children,
  patch: ContactPatch,
  phones: PhoneValues[] | undefined,
): { scalars: Partial<Pick<ContactRow, ScalarField>>; changed: string[] } {
  const scalars: Record<string, unknown> = {};
  const changed: string[] = [];
  for (const field of SCALARS) {
    if (patch[field] === undefined) continue;
    if (!same(patch[field], current[field])) {
      scalars[field] = patch[field] ?? null;
      changed.push(field);
    }
  }
  if (
    phones &&
    !same(pick(phones, ['kind', 'raw', 'isPrimary']), pick(children.phones, ['kind', 'raw', 'isPrimary']))
  ) {
    changed.push('phones');
  }
  if (patch.emails) {
    const next = prepareEmails(patch.emails);
    if (!same(pick(next, ['kind', 'address', 'isPrimary']), pick(children.emails, ['kind', 'address', 'isPrimary'])))
      changed.push('emails');
  }
  if (patch.addresses) {
    const keys = ['kind', 'street', 'postalCode', 'city', 'country', 'isPrimary'] as const;
    if (!same(pick(prepareAddresses(patch.addresses), [...keys]), pick(children.addresses, [...keys])))
      changed.push('addresses');
  }
  return { scalars: scalars as Partial<Pick<ContactRow, ScalarField>>, changed };
}

/** "Kontaktdaten geändert: Telefon, Adresse", with its text key, to spread into a timeline write. */
export const changeSummary = (fields: string[]) => timelineText('timeline.contactChanged', { fields });
