import type { Contact } from '../types';

export interface MergeLine {
  /** The i18n key of the field's name. */
  label: string;
  kept: string | null;
  duplicate: string | null;
  /** "moves": the duplicate's value joins the record; "fills": it fills an empty field; "stays": the record's own stays. */
  effect: 'moves' | 'fills' | 'stays' | 'none';
}

const joined = (values: string[]) => (values.length > 0 ? values.join(', ') : null);
const addressOf = (a: Contact['addresses'][number]) => `${a.street}, ${a.postalCode} ${a.city}`;

/**
 * What the merge will do, as the server does it (contacts/merge.ts): the kept record keeps its
 * own values, takes the duplicate's where it has none, and gains the phone numbers, e-mail
 * addresses and addresses it does not have yet.
 */
export function mergePlan(kept: Contact, duplicate: Contact): MergeLine[] {
  const single = (label: string, own: string | null, other: string | null): MergeLine => ({
    label,
    kept: own,
    duplicate: other,
    effect: own ? 'stays' : other ? 'fills' : 'none',
  });
  const list = (label: string, own: string[], other: string[], same: (value: string) => string): MergeLine => {
    const known = new Set(own.map(same));
    const moving = other.filter((value) => !known.has(same(value)));
    return {
      label,
      kept: joined(own),
      duplicate: joined(other),
      effect: moving.length > 0 ? 'moves' : own.length > 0 ? 'stays' : 'none',
    };
  };
  return [
    single('customers.merge.fields.name', kept.displayName, duplicate.displayName),
    single('customers.merge.fields.customerNumber', kept.customerNumber, duplicate.customerNumber),
    list(
      'customers.merge.fields.phones',
      kept.phones.map((p) => p.display),
      duplicate.phones.map((p) => p.display),
      (v) => v.replace(/\D/g, ''),
    ),
    list(
      'customers.merge.fields.emails',
      kept.emails.map((e) => e.address),
      duplicate.emails.map((e) => e.address),
      (v) => v.toLowerCase(),
    ),
    list('customers.merge.fields.addresses', kept.addresses.map(addressOf), duplicate.addresses.map(addressOf), (v) =>
      v.toLowerCase(),
    ),
    single(
      'customers.merge.fields.salesConsultant',
      kept.salesConsultant?.displayName ?? null,
      duplicate.salesConsultant?.displayName ?? null,
    ),
    single(
      'customers.merge.fields.serviceAdvisor',
      kept.serviceAdvisor?.displayName ?? null,
      duplicate.serviceAdvisor?.displayName ?? null,
    ),
    single('customers.merge.fields.notes', kept.notes, duplicate.notes),
  ];
}
