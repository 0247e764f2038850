import { eq, sql } from 'drizzle-orm';
import type { Tx } from '@server/db/client';
import type { Actor } from '@server/http/access';
import { ConflictError, NotFoundError, ValidationError } from '@server/http/errors';
import { recordAudit } from '@server/modules/audit';
import { recordTimeline } from '@server/modules/timeline';
import { authorOf } from '@server/http/actor';
import { displayNameOf, searchNameOf } from './input';
import type { MergeHooks } from './merge-hooks';
import { timelineText } from '@shared/texts/timeline';
import * as repo from './repo';
import { contacts } from './tables';

/** Fields the target keeps when set and takes from the source when empty. */
const FILLABLE = [
  'title',
  'firstName',
  'lastName',
  'companyName',
  'companyId',
  'position',
  'dateOfBirth',
  'salesConsultantId',
  'serviceAdvisorId',
  'preferredChannel',
  'notes',
  'paymentRemarks',
] as const;

/** Moves the source's child rows that the target does not have yet; exact duplicates stay behind. */
async function moveChildren(tx: Tx, sourceId: string, targetId: string) {
  await tx.execute(sql`
    UPDATE contact_phones s SET contact_id = ${targetId}, is_primary = false, position = s.position + 100
     WHERE s.contact_id = ${sourceId}
       AND NOT EXISTS (SELECT 1 FROM contact_phones t WHERE t.contact_id = ${targetId}
                       AND coalesce(t.e164, t.raw) = coalesce(s.e164, s.raw))`);
  await tx.execute(sql`
    UPDATE contact_emails s SET contact_id = ${targetId}, is_primary = false, position = s.position + 100
     WHERE s.contact_id = ${sourceId}
       AND NOT EXISTS (SELECT 1 FROM contact_emails t WHERE t.contact_id = ${targetId} AND t.address = s.address)`);
  await tx.execute(sql`
    UPDATE contact_addresses s SET contact_id = ${targetId}, is_primary = false, position = s.position + 100
     WHERE s.contact_id = ${sourceId}
       AND NOT EXISTS (SELECT 1 FROM contact_addresses t WHERE t.contact_id = ${targetId}
                       AND lower(t.street) = lower(s.street) AND t.postal_code = s.postal_code AND t.country = s.country)`);
  // A target that had none of a kind gets the first moved one as primary.
  for (const table of ['contact_phones', 'contact_emails', 'contact_addresses']) {
    await tx.execute(sql`
      UPDATE ${sql.raw(table)} SET is_primary = true
       WHERE id = (SELECT id FROM ${sql.raw(table)} WHERE contact_id = ${targetId} ORDER BY position LIMIT 1)
         AND NOT EXISTS (SELECT 1 FROM ${sql.raw(table)} WHERE contact_id = ${targetId} AND is_primary)`);
  }
  await tx.execute(sql`UPDATE consents SET contact_id = ${targetId} WHERE contact_id = ${sourceId}`);
  await tx.execute(sql`UPDATE contact_blocks SET contact_id = ${targetId} WHERE contact_id = ${sourceId}`);
  await tx.execute(
    sql`UPDATE contacts SET company_id = ${targetId} WHERE company_id = ${sourceId} AND id <> ${targetId}`,
  );
  // Contacts merged into the source earlier now redirect straight to the target.
  await tx.execute(sql`UPDATE contacts SET merged_into_id = ${targetId} WHERE merged_into_id = ${sourceId}`);
}

/**
 * Merges a duplicate into the contact that is kept, in the caller's
 * transaction: child rows, consents, blocks and contact persons move, empty
 * fields are filled, tags joined; other modules move their rows via hooks.
 */
export async function mergeContacts(
  tx: Tx,
  hooks: MergeHooks,
  actor: Actor,
  now: Date,
  sourceId: string,
  targetId: string,
) {
  // Lock in a fixed order so two merges of the same pair cannot deadlock.
  const [first, second] = [sourceId, targetId].sort();
  const locked = new Map([
    [first!, await repo.findContact(tx, first!, true)],
    [second!, await repo.findContact(tx, second!, true)],
  ]);
  const source = locked.get(sourceId);
  const target = locked.get(targetId);
  if (!source || !target) throw new NotFoundError('Contact');
  if (source.mergedIntoId) throw new ConflictError('The source contact was merged already.');
  if (target.mergedIntoId) throw new ConflictError('The target contact was merged into another contact.');
  if (source.kind !== target.kind) {
    throw new ValidationError([
      { field: 'targetId', in: 'body', code: 'merge_kinds_differ', message: 'a person and a company cannot be merged' },
    ]);
  }

  await moveChildren(tx, sourceId, targetId);

  const filled: Partial<repo.ContactRow> = {};
  for (const field of FILLABLE) {
    if ((target[field] === null || target[field] === '') && source[field] !== null)
      Object.assign(filled, { [field]: source[field] });
  }
  if (filled.companyId === targetId) delete filled.companyId;
  if (target.salutation === 'none' && source.salutation !== 'none') filled.salutation = source.salutation;
  const merged = { ...target, ...filled };
  const displayName = displayNameOf(merged);
  let companyName: string | null = null;
  if (merged.companyId) companyName = (await repo.findContact(tx, merged.companyId))?.companyName ?? null;
  await tx
    .update(contacts)
    .set({
      ...filled,
      tags: [...new Set([...target.tags, ...source.tags])],
      displayName,
      searchName: searchNameOf(displayName, companyName),
      version: sql`${contacts.version} + 1`,
      updatedAt: now,
    })
    .where(eq(contacts.id, targetId));
  await tx
    .update(contacts)
    .set({ mergedIntoId: targetId, version: sql`${contacts.version} + 1`, updatedAt: now })
    .where(eq(contacts.id, sourceId));

  await hooks.run(tx, sourceId, targetId);

  await recordTimeline(tx, {
    contactId: targetId,
    kind: 'merged',
    occurredAt: now,
    authorId: authorOf(actor),
    ...timelineText('timeline.merged', { name: source.displayName, customerNumber: source.customerNumber }),
    data: { sourceId, sourceCustomerNumber: source.customerNumber, filledFields: Object.keys(filled) },
    sourceType: 'contact',
    sourceId,
  });
  await recordAudit(tx, now, actor, {
    action: 'contact.merged',
    entityType: 'contact',
    entityId: targetId,
    data: { sourceId, sourceCustomerNumber: source.customerNumber },
  });
}
