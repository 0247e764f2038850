import type { ContactLifecycle } from '@shared/contacts/enums';
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Contact, ContactListQuery, ContactPage, DuplicateCandidate, MergeInput } from '@shared/contacts/schemas';
import type { DbOrTx } from '@server/db/client';
import { WriteBatch, writeTogether } from '@server/db/together';
import type { Deps } from '@server/deps';
import type { Actor } from '@server/http/access';
import { authorOf } from '@server/http/actor';
import {
  ConflictError,
  ConflictWithDataError,
  type FieldError,
  NotFoundError,
  ValidationError,
} from '@server/http/errors';
import type { CountryCode } from 'libphonenumber-js/max';
import type { TimelineKind } from '@shared/timeline/kinds';
import type { TextRef } from '@shared/texts/translate';
import type { OrgService } from '@server/modules/org';
import { listRef } from '@server/modules/org';
import { additionWrites, type ContactAdditions } from './additions';
import { timelineText } from '@shared/texts/timeline';
import { contactsSharingDetails } from './candidates';
import { recordTimeline, timelineInsert } from '@server/modules/timeline';
import { changeSummary, type ContactPatch, diffContact } from './changes';
import { type ConsentWrite, createConsentAndBlockFunctions, lockLiveContact, writeConsents } from './consents-blocks';
import { loadDetail, presentContact, userIdsOf } from './detail';
import { type DuplicateCheck, findDuplicates } from './duplicates';
import {
  type ContactCreate,
  displayNameOf,
  prepareAddresses,
  prepareEmails,
  preparePhones,
  searchNameOf,
} from './input';
import { listContacts, presentListItem } from './list';
import { mergeContacts } from './merge';
import type { MergeHooks } from './merge-hooks';
import { ContactListFilters } from './list-filters';
import * as repo from './repo';
import { contacts } from './tables';
import { createReferenceChecks, throwIfAny } from './validation';

export interface CreateOptions {
  /** Imports keep numbers that do not parse, flagged invalid, instead of refusing the contact. */
  allowInvalidPhones?: boolean;
  /** Imports decide about duplicates themselves (by externalRef). */
  skipDuplicateCheck?: boolean;
  /** Id in the source system, for idempotent re-imports. */
  externalRef?: string | null;
  /** The id to give the new contact, when the caller needs it before the insert. */
  id?: string;
  /**
   * The customer number, drawn by the caller before its transaction (see
   * customerNumberUpsert): the counter row is then locked for a moment, not
   * for the whole transaction (intake under load). A rolled-back insert leaves a gap.
   */
  customerNumber?: number;
  /** The home location's code, when the caller has just loaded the location. */
  homeLocationCode?: string;
  /** The country numbers without country code are read in (a lead from abroad); default Germany. */
  phoneRegion?: CountryCode;
  /** A prospect (a sales lead) or a customer (the default). */
  lifecycle?: ContactLifecycle;
  /** Further history entries to write with the contact (e.g. "possibly the same person as …"), from timelineText. */
  alsoRecord?: Array<{ kind: TimelineKind; summary: string; text: TextRef; data?: Record<string, unknown> }>;
}

/** A validated new contact whose inserts a caller sends with its own writes. */
export interface PreparedContact {
  id: string;
  displayName: string;
  /** Adds the contact, its phones, e-mails, addresses and first timeline entry to the batch. */
  addTo(tx: DbOrTx, batch: WriteBatch): Promise<void>;
}

export type ContactsService = ReturnType<typeof createContactsService>;

export function createContactsService(
  deps: Deps,
  org: OrgService,
  mergeHooks: MergeHooks,
  listFilters: ContactListFilters = new ContactListFilters(),
) {
  const { db, clock } = deps;
  const checkReferences = createReferenceChecks(deps, org);
  const consentsAndBlocks = createConsentAndBlockFunctions(deps, org);

  async function get(id: string): Promise<Contact> {
    const row = await loadDetail(db, id, clock.now());
    if (!row) throw new NotFoundError('Contact');
    const users = await org.userRefs(userIdsOf(row));
    return presentContact(row, users);
  }

  async function duplicatesOf(input: DuplicateCheck): Promise<DuplicateCandidate[]> {
    return findDuplicates(db, input, clock.now());
  }

  async function createReturningId(
    actor: Actor | null,
    input: ContactCreate,
    options: CreateOptions = {},
  ): Promise<string> {
    const prepared = await prepareCreate(actor, input, options);
    return db.transaction(async (tx) => {
      const batch = new WriteBatch();
      await prepared.addTo(tx, batch);
      await batch.run(tx);
      return prepared.id;
    });
  }

  /**
   * Validates a new contact (reads outside any transaction) and returns the
   * insert, for callers that create the contact inside their own transaction
   * (e.g. a request taken in together with its new customer).
   */
  async function prepareCreate(
    actor: Actor | null,
    input: ContactCreate,
    options: CreateOptions = {},
  ): Promise<PreparedContact> {
    const errors: FieldError[] = [];
    const phones = preparePhones(input.phones, {
      allowInvalid: options.allowInvalidPhones,
      region: options.phoneRegion,
    });
    errors.push(...phones.errors);
    const known = options.homeLocationCode;
    const checked = await checkReferences(known ? { ...input, homeLocationId: undefined } : input, errors);
    const locationCode = known ?? checked.locationCode;
    throwIfAny(errors);

    if (!options.skipDuplicateCheck && !input.ignoreDuplicates) {
      const duplicates = await duplicatesOf({
        ...input,
        phones: input.phones,
        emails: input.emails,
        addresses: input.addresses,
      });
      if (duplicates.length > 0) {
        throw new ConflictWithDataError(
          'possible-duplicates',
          'Similar contacts exist already. Check them or save anyway.',
          {
            duplicates,
          },
        );
      }
    }

    const now = clock.now();
    const displayName = displayNameOf(input);
    const id = options.id ?? randomUUID();
    const addTo = async (tx: DbOrTx, batch: WriteBatch) => {
      const company =
        input.companyId && input.kind === 'person' ? await repo.findContact(tx, input.companyId) : undefined;
      const number = options.customerNumber ?? (await repo.allocateCustomerNumber(tx, input.homeLocationId));
      // Id and number known beforehand: the contact, its phones, e-mails, addresses and its first
      // timeline entry go to the database in one statement.
      const customerNumber = `${locationCode}-${String(number).padStart(6, '0')}`;
      const contactInsert = tx.insert(contacts).values({
        id,
        kind: input.kind,
        customerNumber,
        homeLocationId: input.homeLocationId,
        salutation: input.salutation,
        title: input.title,
        firstName: input.firstName,
        lastName: input.lastName,
        companyName: input.companyName,
        companyId: company?.id ?? null,
        position: input.position,
        dateOfBirth: input.dateOfBirth ?? null,
        salesConsultantId: input.salesConsultantId ?? null,
        serviceAdvisorId: input.serviceAdvisorId ?? null,
        preferredChannel: input.preferredChannel ?? null,
        notes: input.notes,
        tags: [...new Set(input.tags)],
        paymentRemarks: input.paymentRemarks,
        displayName,
        searchName: searchNameOf(displayName, company?.companyName),
        externalRef: options.externalRef ?? null,
        lifecycle: options.lifecycle ?? 'customer',
        createdBy: authorOf(actor),
        createdAt: now,
        updatedAt: now,
      });
      batch.write(
        contactInsert,
        ...repo.childInserts(tx, id, {
          phones: phones.values,
          emails: prepareEmails(input.emails),
          addresses: prepareAddresses(input.addresses),
        }),
        timelineInsert(tx, [
          {
            contactId: id,
            kind: 'contact_created',
            occurredAt: now,
            authorId: authorOf(actor),
            ...timelineText('timeline.contactCreated', { customerNumber }),
            sourceType: options.externalRef ? 'import' : null,
            sourceId: options.externalRef ?? null,
          },
          ...(options.alsoRecord ?? []).map((entry) => ({
            contactId: id,
            kind: entry.kind,
            occurredAt: now,
            authorId: authorOf(actor),
            summary: entry.summary,
            text: entry.text,
            data: entry.data ?? null,
          })),
        ]),
      );
    };
    return { id, displayName, addTo };
  }

  async function update(actor: Actor, id: string, patch: ContactPatch): Promise<Contact> {
    const current = await repo.findContact(db, id);
    if (!current) throw new NotFoundError('Contact');
    if (current.mergedIntoId)
      throw new ConflictError('This contact was merged into another one; change that one instead.');
    const next = { ...current, ...definedOnly(patch) };
    const errors: FieldError[] = [];
    const phones = patch.phones ? preparePhones(patch.phones) : undefined;
    errors.push(...(phones?.errors ?? []));
    if (next.kind === 'company' ? !next.companyName : !next.lastName) {
      const field = next.kind === 'company' ? 'companyName' : 'lastName';
      errors.push({
        field,
        in: 'body',
        code: 'required',
        message: `a ${next.kind} needs a ${field === 'lastName' ? 'last name' : 'company name'}`,
      });
    }
    await checkReferences(
      {
        kind: next.kind,
        companyId: patch.companyId !== undefined || patch.kind ? next.companyId : undefined,
        dateOfBirth: patch.dateOfBirth,
        homeLocationId: patch.homeLocationId,
        salesConsultantId: patch.salesConsultantId,
        serviceAdvisorId: patch.serviceAdvisorId,
      },
      errors,
      id,
    );
    throwIfAny(errors);

    const now = clock.now();
    await db.transaction(async (tx) => {
      const locked = await lockLiveContact(tx, id);
      if (patch.version !== undefined && patch.version !== locked.version) {
        throw new ConflictError(
          'This contact was changed by someone else meanwhile. Reload it and apply your changes again.',
        );
      }
      const { scalars, changed } = diffContact(locked, await repo.listChildren(tx, id), patch, phones?.values);
      if (changed.length === 0) return;
      const merged = { ...locked, ...scalars };
      const displayName = displayNameOf(merged);
      const company =
        merged.companyId && merged.kind === 'person' ? await repo.findContact(tx, merged.companyId) : undefined;
      await tx
        .update(contacts)
        .set({
          ...scalars,
          companyId: company?.id ?? null,
          displayName,
          searchName: searchNameOf(displayName, company?.companyName),
          version: sql`${contacts.version} + 1`,
          updatedAt: now,
        })
        .where(eq(contacts.id, id));
      if (phones && changed.includes('phones')) await repo.replacePhones(tx, id, phones.values);
      if (patch.emails && changed.includes('emails')) await repo.replaceEmails(tx, id, prepareEmails(patch.emails));
      if (patch.addresses && changed.includes('addresses'))
        await repo.replaceAddresses(tx, id, prepareAddresses(patch.addresses));
      if (merged.kind === 'company' && changed.includes('companyName'))
        await refreshContactPersons(tx, id, displayName);
      await recordTimeline(tx, {
        contactId: id,
        kind: 'contact_changed',
        occurredAt: now,
        authorId: authorOf(actor),
        ...changeSummary(changed),
        data: { fields: changed },
      });
    });
    return get(id);
  }

  /** Contact persons are found by their company's name too; keep that in step with a renamed company. */
  async function refreshContactPersons(
    tx: Parameters<typeof repo.findContact>[0],
    companyId: string,
    companyName: string,
  ) {
    const persons = await tx
      .select({ id: contacts.id, displayName: contacts.displayName })
      .from(contacts)
      .where(eq(contacts.companyId, companyId));
    for (const p of persons) {
      await tx
        .update(contacts)
        .set({ searchName: searchNameOf(p.displayName, companyName) })
        .where(eq(contacts.id, p.id));
    }
  }

  return {
    get,
    async exists(id: string): Promise<boolean> {
      return Boolean(await repo.findContact(db, id));
    },
    async refs(ids: string[]): Promise<Map<string, repo.RefRow>> {
      const found = await repo.refs(db, [...new Set(ids)]);
      return new Map(found.map((r) => [r.id, r]));
    },
    /** The customer-number counter step of a location, for a caller that draws it with other numbers. */
    customerNumberStep: (locationId: string) => repo.customerNumberUpsert(db, locationId),

    /** Contacts sharing any of these numbers (E.164) or e-mail addresses, with their names and details. */
    sharingDetails: (e164s: string[], emails: string[]) =>
      contactsSharingDetails(
        db,
        e164s,
        emails.map((e) => e.trim().toLowerCase()),
      ),
    /** Details to add to a contact, as writes for the caller's batch (see additions.ts). */
    additionWrites: (tx: DbOrTx, actor: Actor | null, contactId: string, add: ContactAdditions) =>
      additionWrites(tx, actor, contactId, add, clock.now()),
    /** Adds details to a contact on their own; the contact as it is then. */
    async addDetails(actor: Actor, contactId: string, add: ContactAdditions): Promise<Contact> {
      await db.transaction(async (tx) => {
        await lockLiveContact(tx, contactId);
        await writeTogether(tx, additionWrites(tx, actor, contactId, add, clock.now()));
      });
      return get(contactId);
    },

    /** Caller identification: contacts (not merged away) having exactly this E.164 number. */
    async findByPhoneE164(e164: string): Promise<repo.RefRow[]> {
      return repo.refs(db, await repo.idsByPhoneE164(db, e164));
    },
    /** Those of these contacts looked after by a regular consultant or advisor. */
    withRegularStaff: (ids: string[]) => repo.withRegularStaff(db, ids),
    async blockedIds(ids: string[]): Promise<Set<string>> {
      return repo.blockedIds(db, ids, clock.now());
    },
    idByExternalRef: (externalRef: string) => repo.idByExternalRef(db, externalRef),
    createReturningId,
    prepareCreate,
    async create(actor: Actor | null, input: ContactCreate, options: CreateOptions = {}): Promise<Contact> {
      return get(await createReturningId(actor, input, options));
    },
    update,

    async list(query: z.output<typeof ContactListQuery>): Promise<z.infer<typeof ContactPage>> {
      const page = await listContacts(db, query, clock.now(), listFilters);
      const users = await org.userRefs(
        page.rows.map((r) => r.sales_consultant_id).filter((v): v is string => Boolean(v)),
      );
      return {
        items: page.rows.map((r) => presentListItem(r, listRef(users, r.sales_consultant_id))),
        nextCursor: page.nextCursor,
      };
    },

    checkDuplicates: duplicatesOf,

    async merge(actor: Actor, input: z.output<typeof MergeInput>): Promise<Contact> {
      if (input.sourceId === input.targetId) {
        throw new ValidationError([
          { field: 'targetId', in: 'body', code: 'merge_into_itself', message: 'cannot merge a contact into itself' },
        ]);
      }
      await db.transaction((tx) => mergeContacts(tx, mergeHooks, actor, clock.now(), input.sourceId, input.targetId));
      return get(input.targetId);
    },

    ...consentsAndBlocks,

    /** Consents that came with something else (a web-form lead), in that thing's transaction. */
    recordConsentsIn: (tx: DbOrTx, actor: Actor | null, contactId: string, entries: ConsentWrite[]) =>
      writeConsents(tx, actor, contactId, entries, clock.now()),
  };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
