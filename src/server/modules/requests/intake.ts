import { randomUUID } from 'node:crypto';
import { parsePhone } from '../../../shared/contacts/normalize';
import type { NewCustomer } from '../../../shared/requests/schemas';
import type { InputRepair } from '../../../shared/text/repairs';
import type { ContactMatchRecord, SubmittedCustomer } from '../../../shared/requests/submitted';
import type { Channel, ConsentPurpose, ConsentStatus } from '../../../shared/contacts/enums';
import type { Priority, RequestChannel, RequestType } from '../../../shared/requests/enums';
import type { DepartmentKind } from '../../../shared/org/enums';
import type { Location } from '../../../shared/org/schemas';
import type { SQLWrapper } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import type { Actor } from '../../http/access';
import { type FieldError, ValidationError } from '../../http/errors';
import { referenceVersion } from '../../db/reference-version';
import { WriteBatch } from '../../db/together';
import { timelineInsert } from '../timeline/service';
import { checkFiles, type IncomingFile, insertAttachments } from './attachments';
import { dueWithCallbackWindow } from './callback-window';
import type { RequestsContext } from './context';
import { additionsSummary, type ContactChoice, createCustomerIntake, customerRegion } from './intake-customer';
import { typeAndSubject } from './labels';
import type { AssignmentDecisionResult } from './ports';
import * as repo from './repo';
import type { RequestJobs } from './jobs';
import { firstContactDue } from './sla';

/** One request to take in, from whichever channel; every path (form, walk-in, API, ADF) ends here. */
export interface IntakeInput {
  type: RequestType;
  channel: RequestChannel;
  source?: string | null;
  campaign?: string | null;
  locationId: string;
  brand?: string | null;
  department?: DepartmentKind | null;
  subject: string;
  message?: string | null;
  vehicleId?: string | null;
  vehicleInterest?: Record<string, unknown> | null;
  priority?: Priority;
  callbackFrom?: Date | null;
  callbackTo?: Date | null;
  contactId?: string | null;
  customer?: NewCustomer | null;
  /** Staff chose the assignee themselves instead of the rules. */
  assigneeId?: string | null;
  externalSource?: string | null;
  externalId?: string | null;
  receivedAt?: Date;
  /** Files that came with it (the JSON API's base64 attachments). */
  attachments?: IncomingFile[];
  /** Consents the customer gave in the sender's form; they go into the contact's consent history. */
  consents?: Array<{ channel: Channel; purpose: ConsentPurpose; status: ConsentStatus }>;
  /** What machine intake changed so the lead could be stored; kept on the request for staff to see. */
  repairs?: InputRepair[];
  /** What the sender wrote, when it says more than `customer` can (ADF: the full name, every phone). */
  submittedCustomer?: SubmittedCustomer | null;
  /** Machine intake: the lead's content hash, by which a second delivery of it is recognised. */
  contentHash?: string | null;
  /**
   * With contactId: other contacts it may as well be (a caller's number several customers share),
   * kept on the request so staff can see whom else it may concern.
   */
  otherContactIds?: string[];
}

/** Prefix of field names in errors: staff forms send `customer.phone`, ADF maps to its own paths. */
export interface IntakeOptions {
  fieldPrefix?: string;
  /** Machines may send numbers we cannot parse; keep the lead rather than lose it. */
  lenientPhones?: boolean;
  /** The location, when the caller has just loaded it for input.locationId. */
  location?: Location;
  /** The reference version, when the caller has read it already (see db/reference-version). */
  referenceVersion?: number | null;
}

export interface PreparedIntake {
  actor: Actor;
  input: IntakeInput;
  location: Location;
  receivedAt: Date;
  dueAt: Date;
  /** Chosen before the transaction, so every write can go in one statement. */
  requestId: string;
  number: string;
  contact: ContactChoice;
  /** What the customer sent, verbatim, and how their contact was chosen (null: staff chose it). */
  submitted: SubmittedCustomer | null;
  match: ContactMatchRecord | null;
  /** For the announcement; a new contact is not visible outside the transaction. */
  contactDisplayName: string;
  /**
   * Who gets it, decided before the transaction: the reads and the round-robin
   * step then hold nothing while the request is written.
   */
  decision: AssignmentDecisionResult;
}

export interface IntakeResult {
  row: repo.RequestRow;
  contactMatched: boolean;
}

const actorIds = (actor: Actor) =>
  actor.kind === 'user' ? { userId: actor.userId, apiKeyId: null } : { userId: null, apiKeyId: actor.apiKeyId };

/**
 * A customer at the counter is seen now, not within a working day: the first
 * contact is due at once, with a quarter of an hour's grace before the
 * location's managers hear that nobody has come to the front desk.
 */
export const WALK_IN_WAIT_MS = 15 * 60 * 1000;

export function createIntake(ctx: RequestsContext, jobs: RequestJobs) {
  const { deps, org, contacts, vehicles, assignment, typeSettings } = ctx;
  const chooseContact = createCustomerIntake(ctx);

  /** Everything that reads before the transaction: references, the customer, the deadline. */
  async function prepare(actor: Actor, input: IntakeInput, options: IntakeOptions = {}): Promise<PreparedIntake> {
    const prefix = options.fieldPrefix ?? '';
    const errors: FieldError[] = [];
    const fail = (field: string, message: string) => errors.push({ field: prefix + field, in: 'body', message });

    // Locations, staff, rules and deadlines come from memory, valid for this version.
    const version = options.referenceVersion !== undefined ? options.referenceVersion : await referenceVersion(deps.db);
    const location =
      options.location?.id === input.locationId
        ? options.location
        : ((await org.locationsAt(version)).get(input.locationId) ?? null);
    if (!location) fail('locationId', 'unknown location');
    if (input.vehicleId && !(await vehicles.exists(input.vehicleId))) fail('vehicleId', 'unknown vehicle');
    if (input.assigneeId) {
      const user = await org.getUser(input.assigneeId).catch(() => null);
      if (!user?.active) fail('assigneeId', 'must be an active user');
      else if (location && user.role !== 'admin' && !user.locationIds.includes(location.id))
        fail('assigneeId', 'does not work at this location');
    }

    let contact: PreparedIntake['contact'] | null = null;
    let contactDisplayName = '';
    let newContactId: string | null = null;
    let numbers: { requestNumber: string; customerNumber: number | null } | null = null;
    let submitted: PreparedIntake['submitted'] = null;
    let match: PreparedIntake['match'] = null;
    if (input.contactId) {
      if (await contacts.exists(input.contactId)) contact = { id: input.contactId, matched: null };
      else fail('contactId', 'unknown contact');
      const others = (input.otherContactIds ?? []).filter((id) => id !== input.contactId);
      if (others.length > 0) {
        submitted = input.submittedCustomer ?? null;
        match = {
          outcome: 'shared_number',
          matchedBy: ['phone'],
          possibleDuplicateOf: others,
          added: { phones: [], emails: [] },
        };
      }
    } else if (input.customer) {
      const c = input.customer;
      if (!c.lastName && !c.companyName)
        fail('customer.lastName', 'a new customer needs a last name or a company name');
      if (!c.phone && !c.phones?.length && !c.email && !c.emails?.length)
        fail('customer.phone', 'give a phone number or an e-mail address');
      const phone = c.phone ? parsePhone(c.phone, customerRegion(c.country)) : null;
      if (phone && !phone.valid && !options.lenientPhones) fail('customer.phone', 'is not a valid phone number');
      if (errors.length === 0 && location) {
        const chosen = await chooseContact(actor, c, location, {
          lenientPhones: options.lenientPhones,
          submitted: input.submittedCustomer,
        });
        ({ contact, newContactId, numbers, submitted, match } = chosen);
        contactDisplayName = chosen.displayName;
      }
    } else {
      fail('contactId', 'give either an existing contact or a new customer');
    }
    if (errors.length > 0 || !location || !contact) throw new ValidationError(errors);
    if (input.attachments?.length) await checkFiles(input.attachments, `${prefix}attachments`);
    if (input.contactId) {
      contactDisplayName = (await contacts.refs([input.contactId])).get(input.contactId)?.displayName ?? '';
    }

    const receivedAt = input.receivedAt ?? deps.clock.now();
    const calendar = { openingHours: location.openingHours, federalState: location.federalState };
    const decision: AssignmentDecisionResult = input.assigneeId
      ? {
          assigneeId: input.assigneeId,
          onBehalfOfId: null,
          onBehalfUntil: null,
          ruleId: null,
          ruleName: null,
          notifyUserIds: [],
          explanation: ['chosen by staff'],
        }
      : await assignment.decide(
          deps.db,
          {
            type: input.type,
            locationId: location.id,
            locationName: location.name,
            brand: input.brand ?? null,
            source: input.source ?? null,
            department: input.department ?? null,
            contactId: 'id' in contact ? contact.id : newContactId,
            at: receivedAt,
            seenNow: input.channel === 'walk_in',
          },
          { referenceVersion: version },
        );
    numbers ??= await repo.reserveNumbers(deps.db, null);
    return {
      actor,
      input,
      location,
      receivedAt,
      dueAt: dueWithCallbackWindow(
        input.channel === 'walk_in'
          ? new Date(receivedAt.getTime() + WALK_IN_WAIT_MS)
          : firstContactDue(calendar, receivedAt, await typeSettings.deadlineFor(input.type, version)),
        { from: input.callbackFrom ?? null, to: input.callbackTo ?? null },
        receivedAt,
      ),
      requestId: randomUUID(),
      number: numbers.requestNumber,
      contact,
      contactDisplayName,
      submitted,
      match,
      decision,
    };
  }

  /**
   * Whether the intake writes more than its one statement (files, consents,
   * a deputy's return notice) and so needs a transaction around it.
   */
  function needsTransaction({ input, decision }: PreparedIntake): boolean {
    return Boolean(
      input.attachments?.length || input.consents?.length || (decision.onBehalfOfId && decision.onBehalfUntil),
    );
  }

  /**
   * Writes the request with its contact, assignment, timer, alerts and
   * history, all in one statement. `alsoWrite` adds the caller's own writes
   * to it (the Idempotency-Key's answer). Pass the caller's transaction, or
   * the database itself when !needsTransaction(prepared): one statement is
   * atomic on its own, and the BEGIN and COMMIT round trips are saved.
   */
  async function commit(
    tx: DbOrTx,
    prepared: PreparedIntake,
    alsoWrite?: (row: repo.RequestRow) => SQLWrapper[],
  ): Promise<IntakeResult> {
    if (tx === deps.db && needsTransaction(prepared)) throw new Error('this intake needs a transaction');
    const { actor, input, location, receivedAt, dueAt, decision } = prepared;
    const now = deps.clock.now();
    const { userId, apiKeyId } = actorIds(actor);
    const batch = new WriteBatch();
    const contactMatched = 'matched' in prepared.contact && prepared.contact.matched !== null;
    let contactId: string;
    if ('create' in prepared.contact) {
      await prepared.contact.create.addTo(tx, batch);
      contactId = prepared.contact.create.id;
    } else {
      contactId = prepared.contact.id;
      const additions = prepared.contact.additions;
      if (additions) {
        const summary = additionsSummary(additions, prepared.number, 'hinzugefügt');
        const source = { type: 'request', id: prepared.requestId };
        batch.write(...contacts.additionWrites(tx, actor, contactId, { ...additions, summary, source }));
      }
    }

    const row: repo.RequestRow = {
      id: prepared.requestId,
      number: prepared.number,
      type: input.type,
      channel: input.channel,
      source: input.source ?? null,
      campaign: input.campaign ?? null,
      locationId: location.id,
      brand: input.brand ?? null,
      department: input.department ?? null,
      subject: input.subject,
      message: input.message ?? null,
      contactId,
      vehicleId: input.vehicleId ?? null,
      vehicleInterest: input.vehicleInterest ?? null,
      priority: input.priority ?? 'normal',
      callbackFrom: input.callbackFrom ?? null,
      callbackTo: input.callbackTo ?? null,
      status: decision.assigneeId ? 'assigned' : 'new',
      outcome: null,
      lostReason: null,
      assigneeId: decision.assigneeId,
      onBehalfOfId: decision.onBehalfOfId,
      assignmentRuleId: decision.ruleId,
      assignedAt: decision.assigneeId ? now : null,
      receivedAt,
      firstContactDueAt: dueAt,
      firstContactedAt: null,
      escalatedAt: null,
      closedAt: null,
      externalSource: input.externalSource ?? null,
      externalId: input.externalId ?? null,
      submittedCustomer: prepared.submitted,
      contactMatch: prepared.match,
      contentHash: input.contentHash ?? null,
      createdBy: userId,
      createdByApiKeyId: apiKeyId,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    batch.write(repo.requestInsert(tx, row));

    const { number } = row;
    batch.write(
      repo.eventsInsert(tx, [
        {
          requestId: row.id,
          at: now,
          actorId: userId,
          kind: 'created',
          toStatus: 'new',
          data: {
            channel: input.channel,
            contactId,
            contactMatched: contactMatched ? ('matched' in prepared.contact ? prepared.contact.matched : null) : null,
            apiKeyId,
            ...(input.repairs?.length ? { repairs: input.repairs } : {}),
          },
        },
        ...(decision.assigneeId
          ? [
              {
                requestId: row.id,
                at: now,
                actorId: userId,
                kind: 'assigned',
                fromStatus: 'new' as const,
                toStatus: 'assigned' as const,
                data: {
                  assigneeId: decision.assigneeId,
                  onBehalfOfId: decision.onBehalfOfId,
                  ruleId: decision.ruleId,
                  ruleName: decision.ruleName,
                  explanation: decision.explanation,
                },
              },
            ]
          : []),
      ]),
      timelineInsert(tx, [
        {
          contactId,
          vehicleId: row.vehicleId,
          kind: 'request',
          occurredAt: now,
          authorId: userId,
          summary: `Anliegen ${number} eingegangen: ${typeAndSubject(row.type, row.subject)}`,
          body: row.message,
          data: { requestId: row.id, number, type: row.type, channel: row.channel, status: row.status },
          sourceType: 'request',
          sourceId: row.id,
        },
      ]),
    );
    jobs.escalation.scheduleIn(batch, row.id, dueAt);
    jobs.callbackReminder.scheduleIn(batch, row.id, { from: row.callbackFrom, to: row.callbackTo });

    if (decision.assigneeId) {
      await assignment.announce(
        tx,
        {
          request: {
            id: row.id,
            number,
            subject: row.subject,
            type: row.type,
            locationId: row.locationId,
            contactDisplayName: prepared.contactDisplayName,
            firstContactDueAt: dueAt,
          },
          assigneeId: decision.assigneeId,
          onBehalfOfId: decision.onBehalfOfId,
          notifyUserIds: decision.notifyUserIds,
          mailAssignee: decision.mailAssignee,
          known: { people: decision.people, locationName: location.name },
        },
        batch,
      );
    }
    if (alsoWrite) batch.write(...alsoWrite(row));
    await batch.run(tx);

    // Rare extras, after the request exists: files, consents, the return notice of a deputy's work.
    if (input.attachments?.length) await insertAttachments(tx, row.id, input.attachments, actor, now);
    if (input.consents?.length) {
      // The proof an audit asks for: which form (API key) sent it, with which request.
      const via = actor.kind === 'apiKey' ? ` über die Schnittstelle (API-Schlüssel „${actor.name}“)` : '';
      await contacts.recordConsentsIn(
        tx,
        actor,
        contactId,
        input.consents.map((c) => ({
          ...c,
          effectiveAt: receivedAt,
          source: input.channel === 'web_form' || input.channel === 'lead_portal' ? 'web_form' : 'other',
          note: `Mit Anliegen ${number}${via} übermittelt`,
        })),
      );
    }
    if (decision.onBehalfOfId && decision.onBehalfUntil) {
      await jobs.returnNotice.schedule(tx, location, decision.onBehalfOfId, decision.onBehalfUntil);
    }
    return { row, contactMatched };
  }

  return { prepare, commit, needsTransaction };
}
