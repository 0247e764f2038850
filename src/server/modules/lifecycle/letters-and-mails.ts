import { sql } from 'drizzle-orm';
import type { ConsentPurpose } from '@shared/contacts/enums';
import type { LifecycleSkipReason } from '@shared/lifecycle/rules';
import { type DbOrTx, rows } from '@server/db/client';
import { type Addressee, addressLines, personalise } from '@server/modules/campaigns';
import { blockedSql, consentGrantedSql, postalContact, regularStaffSql } from '@server/modules/contacts';
import { letterheadFor, type MergedLetter, type PrintedLetterhead } from '@server/modules/documents';
import { mailSenderIn } from '@server/modules/org';
import { vehicleLifecycleSql } from '@server/modules/vehicles';

/*
 * What a lifecycle letter or e-mail says to one customer: the rule's text with the greeting,
 * the vehicle, the consultant's signature and the location's letterhead data filled in.
 */

/** An action waiting to be sent, with what its text needs of the rule, the vehicle and the person. */
export interface SendableAction {
  id: string;
  contactId: string;
  vehicleId: string;
  locationId: string | null;
  ruleId: string;
  ruleName: string;
  subject: string;
  template: string;
  consentChannel: string | null;
  consentPurpose: ConsentPurpose | null;
  /** The regular consultant or service advisor the rule names; null when the customer has none. */
  personId: string | null;
  vehicle: string;
  plate: string | null;
  attempts: number;
}

const SELECT = `SELECT a.id, a.contact_id, a.vehicle_id, a.location_id, a.rule_id, a.attempts, r.name AS rule_name,
                       r.subject, r.template, r.consent_channel, r.consent_purpose,
                       CASE r.assignee WHEN 'service_advisor' THEN ${regularStaffSql.serviceAdvisor('c')}
                                       ELSE ${regularStaffSql.salesConsultant('c')} END AS person_id,
                       v.make || ' ' || v.model AS vehicle, v.plate
                  FROM lifecycle_actions a JOIN lifecycle_rules r ON r.id = a.rule_id
                  JOIN ${vehicleLifecycleSql.table} v ON v.id = a.vehicle_id
                  JOIN contacts c ON c.id = a.contact_id`;

interface ActionRow {
  id: string;
  contact_id: string;
  vehicle_id: string;
  location_id: string | null;
  rule_id: string;
  attempts: number;
  rule_name: string;
  subject: string;
  template: string;
  consent_channel: string | null;
  consent_purpose: ConsentPurpose | null;
  person_id: string | null;
  vehicle: string;
  plate: string | null;
}

const toAction = (r: ActionRow): SendableAction => ({
  id: r.id,
  contactId: r.contact_id,
  vehicleId: r.vehicle_id,
  locationId: r.location_id,
  ruleId: r.rule_id,
  ruleName: r.rule_name,
  subject: r.subject,
  template: r.template,
  consentChannel: r.consent_channel,
  consentPurpose: r.consent_purpose,
  personId: r.person_id,
  vehicle: r.vehicle,
  plate: r.plate,
  attempts: r.attempts,
});

/**
 * Claims the e-mails whose turn has come: locked for this transaction, skipped by any other
 * worker, so two workers never send the same one and a crash before commit sends none.
 */
export async function claimDueEmails(tx: DbOrTx, now: Date, limit: number): Promise<SendableAction[]> {
  const found = await rows<ActionRow>(
    tx,
    sql`${sql.raw(SELECT)}
         WHERE a.status = 'pending_send' AND r.action = 'email'
           AND (a.next_attempt_at IS NULL OR a.next_attempt_at <= ${now.toISOString()}::timestamptz)
         ORDER BY a.next_attempt_at NULLS FIRST, a.id
         LIMIT ${limit}
         FOR UPDATE OF a SKIP LOCKED`,
  );
  return found.map(toAction);
}

/** The letters of a print batch, or the actions given, in a stable order. */
export async function letterActions(
  tx: DbOrTx,
  where: { batchId: string } | { ids: string[] },
  after: string | null,
  limit: number,
): Promise<SendableAction[]> {
  const filter =
    'batchId' in where
      ? sql`a.print_batch_id = ${where.batchId}::uuid`
      : sql`a.id = ANY(${`{${where.ids.join(',')}}`}::uuid[])`;
  const found = await rows<ActionRow>(
    tx,
    sql`${sql.raw(SELECT)} WHERE ${filter} AND a.id > ${after ?? '00000000-0000-0000-0000-000000000000'}::uuid
         ORDER BY a.id LIMIT ${limit}`,
  );
  return found.map(toAction);
}

/** Why an e-mail may not go out now after all: sold since, blocked since, or the consent withdrawn since. */
export async function reasonNotToSend(
  tx: DbOrTx,
  action: SendableAction,
  now: Date,
): Promise<LifecycleSkipReason | null> {
  const at = `'${now.toISOString()}'::timestamptz`;
  const consent =
    action.consentChannel && action.consentPurpose
      ? `WHEN NOT ${consentGrantedSql('x.contact_id', 'x.channel', 'x.purpose', at)} THEN 'consent_withdrawn'`
      : '';
  const [row] = await rows<{ reason: LifecycleSkipReason | null }>(
    tx,
    sql`SELECT CASE WHEN NOT ${sql.raw(vehicleLifecycleSql.stillHolds('x.vehicle_id', 'x.contact_id'))} THEN 'vehicle_sold'
                    WHEN ${sql.raw(blockedSql('x.contact_id', at))} THEN 'customer_blocked'
                    ${sql.raw(consent)} END AS reason
          FROM (SELECT ${action.vehicleId}::uuid AS vehicle_id, ${action.contactId}::uuid AS contact_id,
                       ${action.consentChannel}::text AS channel, ${action.consentPurpose}::text AS purpose) x`,
  );
  return row?.reason ?? null;
}

/** Who signs: the rule's person when the customer has one, else the location alone. */
export interface Signer {
  userId: string | null;
  name: string | null;
  phone: string | null;
  email: string | null;
}

export async function signerOf(tx: DbOrTx, action: SendableAction): Promise<Signer> {
  const person = action.personId ? await mailSenderIn(tx, action.personId, action.locationId) : null;
  if (!person) return { userId: null, name: null, phone: null, email: null };
  return { userId: person.userId, name: person.name, phone: person.phone, email: person.email };
}

/** Letterheads read once per location while a batch is written. */
export function letterheads(tx: DbOrTx) {
  const cache = new Map<string, PrintedLetterhead | null>();
  return async (locationId: string | null): Promise<PrintedLetterhead | null> => {
    if (!locationId) return null;
    if (!cache.has(locationId)) cache.set(locationId, await letterheadFor(tx, locationId));
    return cache.get(locationId) ?? null;
  };
}

/** The customer as a letter addresses them; null when the contact is gone. */
export async function addresseeOf(tx: DbOrTx, contactId: string): Promise<Addressee | null> {
  const c = await postalContact(tx, contactId);
  if (!c) return null;
  return {
    salutation: c.salutation,
    title: c.title,
    firstName: c.firstName,
    lastName: c.lastName,
    companyName: c.companyName,
    displayName: c.displayName,
    customerNumber: c.customerNumber,
    street: c.address?.street ?? null,
    postalCode: c.address?.postalCode ?? null,
    city: c.address?.city ?? null,
    country: c.address?.country ?? null,
  };
}

/** The closing: greeting, the person's name and how to reach them, the location's name and address. */
export function signature(signer: Signer, letterhead: PrintedLetterhead | null, withAddress: boolean): string {
  const lines = ['Mit freundlichen Grüßen', ''];
  if (signer.name) lines.push(signer.name);
  if (letterhead) lines.push(letterhead.companyName);
  if (withAddress && letterhead) lines.push(`${letterhead.street} · ${letterhead.postalCode} ${letterhead.city}`);
  const phone = signer.phone ?? letterhead?.phone;
  if (withAddress && phone) lines.push(`Telefon ${phone}`);
  const email = signer.email ?? letterhead?.email;
  if (withAddress && email) lines.push(email);
  if (withAddress && letterhead?.web) lines.push(letterhead.web);
  return lines.join('\n');
}

/** The placeholders a lifecycle text fills besides the campaigns' ones. */
export function lifecycleValues(action: SendableAction, signer: Signer, letterhead: PrintedLetterhead | null) {
  return {
    fahrzeug: action.vehicle,
    kennzeichen: action.plate ?? '',
    berater: signer.name ?? letterhead?.companyName ?? '',
    standort: letterhead?.companyName ?? '',
  };
}

/** The subject (or title) and text for one customer; the signature closes the text. */
export function composeText(
  action: SendableAction,
  to: Addressee,
  signer: Signer,
  letterhead: PrintedLetterhead | null,
  channel: 'email' | 'letter',
): { subject: string; text: string } {
  const values = lifecycleValues(action, signer, letterhead);
  const subject = personalise(action.subject.trim() || action.ruleName, to, values);
  const body = personalise(action.template, to, values).trim();
  // The letterhead carries the address on paper; the mail needs it in its signature.
  return { subject, text: `${body}\n\n${signature(signer, letterhead, channel === 'email')}` };
}

/** One page of the mail merge. */
export function letterOf(
  action: SendableAction,
  to: Addressee,
  signer: Signer,
  letterhead: PrintedLetterhead | null,
): MergedLetter {
  const { subject, text } = composeText(action, to, signer, letterhead, 'letter');
  const info: Array<[string, string]> = [['Kundennummer', to.customerNumber]];
  if (action.plate) info.push(['Fahrzeug', `${action.vehicle} · ${action.plate}`]);
  return { title: subject, recipient: addressLines(to), info, body: text };
}
