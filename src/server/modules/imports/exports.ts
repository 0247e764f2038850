import { formatPhone } from '@shared/contacts/normalize';
import type { ContactExportQuery } from '@shared/imports/schemas';
import type { Deps } from '@server/deps';
import type { Actor } from '@server/http/access';
import { NotFoundError } from '@server/http/errors';
import { csvLine } from '@server/lib/csv';
import { recordAudit } from '@server/modules/audit';
import { CSV_BOM, germanDate } from './csv-write';
import { countExport, type ExportContact, exportContacts } from '@server/modules/contacts';
import { toVcard, type VcardVersion } from './vcard-write';

const CSV_HEADERS = [
  'Kundennummer',
  'Art',
  'Anrede',
  'Titel',
  'Vorname',
  'Nachname',
  'Firma',
  'Position',
  'Geburtsdatum',
  'Straße',
  'PLZ',
  'Ort',
  'Land',
  'Telefon',
  'E-Mail',
  'Standort',
  'Merkmale',
  'Gesperrt',
];

const SALUTATIONS = { mr: 'Herr', ms: 'Frau', mx: 'Divers', none: '' } as const;

function csvRow(c: ExportContact): string {
  const primary = <T extends { isPrimary: boolean }>(list: T[]) => list.find((i) => i.isPrimary) ?? list[0];
  const phone = primary(c.phones);
  const email = primary(c.emails);
  const address = primary(c.addresses);
  return csvLine([
    c.customerNumber,
    c.kind === 'company' ? 'Firma' : 'Person',
    SALUTATIONS[c.salutation],
    c.title,
    c.firstName,
    c.lastName,
    c.companyName,
    c.position,
    germanDate(c.dateOfBirth),
    address?.street,
    address?.postalCode,
    address?.city,
    address?.country,
    phone ? formatPhone(phone.e164, phone.raw) : '',
    email?.address,
    c.locationCode,
    c.tags.join(', '),
    c.blocked ? 'ja' : 'nein',
  ]);
}

export interface ExportStream {
  count: number;
  body: AsyncIterable<string>;
}

/** Bulk exports of contact data: each is recorded in the audit log (who, which filter, how many) before it streams. */
export function createExportFunctions({ db, clock }: Deps) {
  async function audited(actor: Actor, query: ContactExportQuery, format: string): Promise<number> {
    const now = clock.now();
    const count = await countExport(db, query, now);
    await recordAudit(db, now, actor, {
      action: 'contacts.exported',
      entityType: 'contact',
      data: { format, count, filters: query },
    });
    return count;
  }

  return {
    /** The filtered contacts as CSV (';', UTF-8 with BOM, German headers), streamed page by page. */
    async exportContactsCsv(actor: Actor, query: ContactExportQuery): Promise<ExportStream> {
      const count = await audited(actor, query, 'csv');
      const now = clock.now();
      async function* body() {
        yield CSV_BOM + csvLine(CSV_HEADERS);
        for await (const page of exportContacts(db, query, now)) yield page.map(csvRow).join('');
      }
      return { count, body: body() };
    },

    async exportContactsVcf(actor: Actor, query: ContactExportQuery, version: VcardVersion): Promise<ExportStream> {
      const count = await audited(actor, query, `vcard ${version}`);
      const now = clock.now();
      async function* body() {
        for await (const page of exportContacts(db, query, now)) yield page.map((c) => toVcard(c, version)).join('');
      }
      return { count, body: body() };
    },

    /** One contact as a vCard; the name is for the download's file name. */
    async contactVcard(id: string, version: VcardVersion): Promise<{ vcard: string; displayName: string }> {
      for await (const [contact] of exportContacts(db, {}, clock.now(), [id])) {
        if (contact) return { vcard: toVcard(contact, version), displayName: contact.displayName };
      }
      throw new NotFoundError('Contact');
    },
  };
}
