import type { DbOrTx } from '@server/db/client';
import { postalContact, type PostalContact } from '@server/modules/contacts';
import { type PrintedLetterhead, letterheadFor } from '@server/modules/documents';
import { NotFoundError } from '@server/http/errors';
import { userNames } from '@server/modules/org';

const SALUTATION: Record<string, string> = { mr: 'Herr', ms: 'Frau' };

/** The person as addressed: "Dr. Hans Müller", or the company's name. */
export function personName(c: PostalContact): string {
  if (c.kind === 'company' && c.companyName) return c.companyName;
  const name = [c.title, c.firstName, c.lastName].filter(Boolean).join(' ');
  return name || c.displayName;
}

/** The address window's lines (DIN 5008: salutation above the name, the country only abroad). */
export function recipientLines(c: PostalContact): string[] {
  const lines: string[] = [];
  if (c.kind === 'company' && c.companyName) lines.push(c.companyName);
  else {
    const salutation = SALUTATION[c.salutation];
    if (salutation) lines.push(salutation);
    lines.push(personName(c));
  }
  if (c.address) {
    lines.push(c.address.street, `${c.address.postalCode} ${c.address.city}`);
    if (c.address.country !== 'DE') lines.push(c.address.country);
  }
  return lines;
}

/** "Sehr geehrte Frau Müller," */
export function greeting(c: PostalContact): string {
  if (c.kind !== 'company' && c.lastName && c.salutation === 'mr') return `Sehr geehrter Herr ${c.lastName},`;
  if (c.kind !== 'company' && c.lastName && c.salutation === 'ms') return `Sehr geehrte Frau ${c.lastName},`;
  return 'Sehr geehrte Damen und Herren,';
}

export interface Parties {
  customer: PostalContact;
  letterhead: PrintedLetterhead;
  names: Map<string, string>;
}

/** The customer, the location's letterhead and the names of the staff a document mentions. */
export async function partiesOf(tx: DbOrTx, contactId: string, locationId: string, userIds: Array<string | null>) {
  const customer = await postalContact(tx, contactId);
  const letterhead = await letterheadFor(tx, locationId);
  if (!customer || !letterhead) throw new NotFoundError('The customer or location');
  const names = await userNames(
    tx,
    userIds.filter((id): id is string => Boolean(id)),
  );
  return { customer, letterhead, names } satisfies Parties;
}
