import { randomUUID } from 'node:crypto';
import { referenceVersion } from '@server/db/reference-version';
import type { Actor } from '@server/http/access';
import { type FieldError, ValidationError } from '@server/http/errors';
import { checkFiles } from '../attachments';
import type { RequestsContext } from '../context';
import * as repo from '../repo';
import { decideAssignee } from './assignment';
import { createCustomerOfIntake } from './customer';
import { firstContactDeadline } from './deadline';
import { checkReferences } from './references';
import type { FailField, IntakeInput, IntakeOptions, PreparedIntake } from './types';

/**
 * The first half of an intake: everything that reads, before the transaction.
 * It checks the references, matches the customer, decides the assignee and the
 * deadline, and reserves the request's number, so that commit only writes.
 */
export function createPrepareIntake(ctx: RequestsContext) {
  const { deps, contacts, typeSettings } = ctx;
  const customerOf = createCustomerOfIntake(ctx);

  return async function prepare(
    actor: Actor,
    input: IntakeInput,
    options: IntakeOptions = {},
  ): Promise<PreparedIntake> {
    const prefix = options.fieldPrefix ?? '';
    const errors: FieldError[] = [];
    const fail: FailField = (field, code, message) => errors.push({ field: prefix + field, in: 'body', code, message });

    // Locations, staff, rules and deadlines come from memory, valid for this version.
    const version = options.referenceVersion !== undefined ? options.referenceVersion : await referenceVersion(deps.db);
    const location = await checkReferences(ctx, input, version, options, fail);
    const customer = await customerOf(actor, input, location, options, { fail, count: () => errors.length });
    if (errors.length > 0 || !location || !customer) throw new ValidationError(errors);
    if (input.attachments?.length) await checkFiles(input.attachments, `${prefix}attachments`);
    const contactDisplayName = input.contactId
      ? ((await contacts.refs([input.contactId])).get(input.contactId)?.displayName ?? '')
      : customer.displayName;

    const receivedAt = input.receivedAt ?? deps.clock.now();
    const contactId = 'id' in customer.contact ? customer.contact.id : customer.newContactId;
    const decision = await decideAssignee(ctx, input, { location, contactId, receivedAt, referenceVersion: version });
    const numbers = customer.numbers ?? (await repo.reserveNumbers(deps.db, null));
    const dueAt = await firstContactDeadline(typeSettings, input, location, receivedAt, version);
    return {
      actor,
      input,
      location,
      receivedAt,
      dueAt,
      requestId: randomUUID(),
      number: numbers.requestNumber,
      contact: customer.contact,
      contactDisplayName,
      submitted: customer.submitted,
      match: customer.match,
      decision,
    };
  };
}
