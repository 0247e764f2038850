import { parsePhone } from '@shared/contacts/normalize';
import type { Location } from '@shared/org/schemas';
import type { NewCustomer } from '@shared/requests/schemas';
import type { ContactMatchRecord, SubmittedCustomer } from '@shared/requests/submitted';
import type { Actor } from '@server/http/access';
import type { RequestsContext } from '../context';
import { type ContactChoice, createCustomerIntake, customerRegion } from '../intake-customer';
import type { FailField, IntakeInput, IntakeOptions } from './types';

/** Whom the request is for, as far as it can be known before the transaction. */
export interface IntakeCustomer {
  contact: ContactChoice;
  /** Empty for a contact staff chose: its name is read once the whole intake is known to be valid. */
  displayName: string;
  /** A new contact's id, chosen now, so the assignment rules can already look at it. */
  newContactId: string | null;
  /** Reserved together with a new contact's customer number; otherwise reserved later. */
  numbers: { requestNumber: string; customerNumber: number | null } | null;
  submitted: SubmittedCustomer | null;
  match: ContactMatchRecord | null;
}

/**
 * A contact staff chose. With other contacts the caller's number belongs to, the
 * request records them as a shared number, so staff can see whom else it may concern.
 */
async function chosenContact(
  { contacts }: Pick<RequestsContext, 'contacts'>,
  input: IntakeInput & { contactId: string },
  fail: FailField,
): Promise<IntakeCustomer | null> {
  if (!(await contacts.exists(input.contactId))) {
    fail('contactId', 'unknown_contact', 'unknown contact');
    return null;
  }
  const others = (input.otherContactIds ?? []).filter((id) => id !== input.contactId);
  const shared = others.length > 0;
  return {
    contact: { id: input.contactId, matched: null },
    displayName: '',
    newContactId: null,
    numbers: null,
    submitted: shared ? (input.submittedCustomer ?? null) : null,
    match: shared
      ? {
          outcome: 'shared_number',
          matchedBy: ['phone'],
          possibleDuplicateOf: others,
          added: { phones: [], emails: [] },
        }
      : null,
  };
}

/** What a new customer must bring: a name, and a way to reach them that we can use. */
function checkNewCustomer(c: NewCustomer, options: IntakeOptions, fail: FailField): void {
  if (!c.lastName && !c.companyName)
    fail('customer.lastName', 'name_required', 'a new customer needs a last name or a company name');
  if (!c.phone && !c.phones?.length && !c.email && !c.emails?.length)
    fail('customer.phone', 'phone_or_email_required', 'give a phone number or an e-mail address');
  const phone = c.phone ? parsePhone(c.phone, customerRegion(c.country)) : null;
  if (phone && !phone.valid && !options.lenientPhones)
    fail('customer.phone', 'invalid_phone', 'is not a valid phone number');
}

/**
 * The customer match of an intake: the contact staff chose, or the one a named
 * customer is matched to (or created as; see intake-customer.ts). Null when it
 * cannot be chosen; the reason is recorded as a field error.
 */
export function createCustomerOfIntake(ctx: RequestsContext) {
  const chooseContact = createCustomerIntake(ctx);

  return async function customerOf(
    actor: Actor,
    input: IntakeInput,
    location: Location | null,
    options: IntakeOptions,
    errors: { fail: FailField; count: () => number },
  ): Promise<IntakeCustomer | null> {
    const { contactId, customer } = input;
    if (contactId) return chosenContact(ctx, { ...input, contactId }, errors.fail);
    if (!customer) {
      errors.fail('contactId', 'contact_or_customer_required', 'give either an existing contact or a new customer');
      return null;
    }
    checkNewCustomer(customer, options, errors.fail);
    // Matching reads the contacts; not worth it for an intake that is refused anyway.
    if (errors.count() > 0 || !location) return null;
    return chooseContact(actor, customer, location, {
      lenientPhones: options.lenientPhones,
      submitted: input.submittedCustomer,
      // Someone who asks about buying a car is a prospect until they buy one (R2.13).
      lifecycle: input.type === 'sales_lead' ? 'prospect' : 'customer',
    });
  };
}
