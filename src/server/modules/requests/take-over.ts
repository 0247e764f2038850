import type { z } from 'zod';
import { PHONE_KINDS, type PhoneKind } from '@shared/contacts/enums';
import { parsePhone, phoneKindFor } from '@shared/contacts/normalize';
import type { TakeOverInput } from '@shared/requests/submitted';
import type { UserActor } from '@server/http/access';
import { ConflictError, type FieldError, ValidationError } from '@server/http/errors';
import { assertRead } from './access';
import type { RequestsContext } from './context';
import { additionsText, customerRegion } from './intake-customer';
import type * as repo from './repo';
import { contactAddressOf } from './submitted-view';

const isPhoneKind = (kind: string | null): kind is PhoneKind => (PHONE_KINDS as readonly string[]).includes(kind ?? '');

/**
 * Staff take what a lead carried onto the request's contact — the number intake did not add
 * because another contact has it, a second address — with a line in the contact's history.
 * Only what the customer submitted can be taken over.
 */
export function createTakeOver(ctx: RequestsContext, loadRow: (id: string) => Promise<repo.RequestRow>) {
  return async function takeOver(actor: UserActor, id: string, input: z.output<typeof TakeOverInput>) {
    const row = await loadRow(id);
    assertRead(actor, row);
    const submitted = row.submittedCustomer;
    if (!submitted) throw new ConflictError('This request carries no contact data of its own to take over.');

    const errors: FieldError[] = [];
    const notSent = (field: string) =>
      errors.push({ field, in: 'body', code: 'not_submitted', message: 'is not among what the customer sent' });
    const region = customerRegion(submitted.address?.country);
    const phones = input.phones.flatMap((number, i) => {
      const sent = submitted.phones.find((p) => p.number === number);
      if (!sent) return (notSent(`phones.${i}`), []);
      const e164 = sent.e164 ?? parsePhone(sent.number, region).e164;
      return [{ kind: phoneKindFor(e164, isPhoneKind(sent.kind) ? sent.kind : null), number, isPrimary: false }];
    });
    const emails = input.emails.filter((email, i) =>
      submitted.emails.includes(email) ? true : (notSent(`emails.${i}`), false),
    );
    const address = input.address ? contactAddressOf(submitted.address) : null;
    if (input.address && !address) {
      errors.push({
        field: 'address',
        in: 'body',
        code: 'not_submitted',
        message: 'the customer sent no complete address',
      });
    }
    if (errors.length > 0) throw new ValidationError(errors);

    const additions = { phones, emails, addresses: address ? [address] : [], region };
    if (phones.length || emails.length || address) {
      await ctx.contacts.addDetails(actor, row.contactId, {
        ...additions,
        ...additionsText(additions, row.number, 'takenOver'),
        source: { type: 'request', id: row.id },
      });
    }
  };
}
