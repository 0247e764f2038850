import type { DbOrTx } from '@server/db/client';
import {
  changeSummary,
  contactsWithChildren,
  displayNameOf,
  searchNameOf,
  updateContactFields,
} from '@server/modules/contacts';
import { recordTimelineInBulk } from '@server/modules/timeline';
import { insertChildren, type WriteContext } from './bulk-write';
import type { PreparedContact } from './prepare-contact';

const CHANGEABLE = [
  'salutation',
  'title',
  'firstName',
  'lastName',
  'companyName',
  'position',
  'dateOfBirth',
  'notes',
] as const;

/**
 * Applies import rows to contacts that exist: fields the row fills in
 * replace the stored ones, phones, e-mails and addresses the contact does
 * not have yet are added (nothing is deleted), tags are added. Each changed
 * contact gets one "contact changed" timeline entry.
 */
export async function updateContacts(
  tx: DbOrTx,
  list: Array<{ contactId: string; contact: PreparedContact }>,
  ctx: WriteContext,
) {
  if (list.length === 0) return;
  const ids = [...new Set(list.map((u) => u.contactId))];
  const { current, phones, emails, addresses } = await contactsWithChildren(tx, ids);
  const childrenOf = <T extends { contactId: string }>(rows: T[], id: string) => rows.filter((r) => r.contactId === id);

  const added: Parameters<typeof insertChildren>[1] = [];
  const timeline: Parameters<typeof recordTimelineInBulk>[1] = [];
  for (const { contactId, contact } of list) {
    const row = current.get(contactId);
    if (!row) continue;
    const changed: string[] = [];
    const scalars: Record<string, unknown> = {};
    for (const field of CHANGEABLE) {
      const value = contact.input[field];
      if (value === null || value === undefined || (field === 'salutation' && value === 'none')) continue;
      if (value !== row[field]) {
        scalars[field] = value;
        changed.push(field);
      }
    }
    const tags = [...new Set([...row.tags, ...contact.input.tags])];
    if (tags.length !== row.tags.length) {
      scalars.tags = tags;
      changed.push('tags');
    }
    const ownPhones = childrenOf(phones, contactId);
    const ownEmails = childrenOf(emails, contactId);
    const ownAddresses = childrenOf(addresses, contactId);
    const newPhones = contact.phones.filter(
      (p) => !ownPhones.some((o) => (p.e164 ? o.e164 === p.e164 : o.raw === p.raw)),
    );
    const newEmails = contact.emails.filter((e) => !ownEmails.some((o) => o.address === e.address));
    const newAddresses = contact.addresses.filter(
      (a) =>
        !ownAddresses.some((o) => o.street.toLowerCase() === a.street.toLowerCase() && o.postalCode === a.postalCode),
    );
    const appended = <T extends { isPrimary: boolean; position: number }>(items: T[], existing: number) =>
      items.map((item, i) => ({ ...item, isPrimary: existing === 0 && i === 0, position: existing + i }));
    if (newPhones.length) changed.push('phones');
    if (newEmails.length) changed.push('emails');
    if (newAddresses.length) changed.push('addresses');
    // Two rows of one file may name the same contact: later rows see what earlier ones added.
    phones.push(...newPhones.map((p) => ({ ...p, id: '', contactId })));
    emails.push(...newEmails.map((e) => ({ ...e, id: '', contactId, bouncedAt: null, bounceReason: null })));
    addresses.push(...newAddresses.map((a) => ({ ...a, id: '', contactId })));
    added.push({
      contactId,
      contact: {
        phones: appended(newPhones, ownPhones.length),
        emails: appended(newEmails, ownEmails.length),
        addresses: appended(newAddresses, ownAddresses.length),
      },
    });
    if (changed.length === 0) continue;
    const next = { ...row, ...scalars } as typeof row;
    Object.assign(row, next);
    const displayName = displayNameOf(next);
    await updateContactFields(
      tx,
      contactId,
      {
        ...scalars,
        displayName,
        // A contact person's search name carries the company's name; that stays as it is.
        ...(next.companyId ? {} : { searchName: searchNameOf(displayName, null) }),
      },
      ctx.now,
    );
    timeline.push({
      contactId,
      kind: 'contact_changed',
      occurredAt: ctx.now,
      authorId: ctx.authorId,
      ...changeSummary(changed),
      data: { fields: changed },
      sourceType: ctx.sourceType,
      sourceId: ctx.sourceId,
    });
  }
  await insertChildren(tx, added);
  await recordTimelineInBulk(tx, timeline);
}
