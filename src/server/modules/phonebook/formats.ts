import type { PhonebookFormat, PhonebookNumberFormat } from '@shared/telephony/enums';
import { csvLine } from '@server/lib/csv';
import type { PhonebookEntry, PhonebookNumberKind } from '@server/modules/contacts';

/**
 * The mark a blocked customer's name carries. A blocked customer is kept in
 * the phonebook rather than left out: when they call, the receptionist must
 * see at once who it is — and that they are blocked — before picking up,
 * instead of greeting an "unknown caller" warmly. Dropping the entry would
 * hide exactly the calls the block is about.
 */
export const BLOCKED_MARK = '(gesperrt)';

/** The dealer group's own country: its numbers are written nationally for desk phones. */
const OWN_COUNTRY_CODE = '+49';

/**
 * Desk phones and the Fritz!Box compare an incoming caller id with the
 * directory literally, and German PBXs present it nationally (0711…, 0043…
 * from abroad). So the two phone formats get the number as dialled from a
 * German line: 0… at home, 00… abroad. Neither needs a dial-plan rule then.
 * CSV and vCard are read by software that understands E.164 and keep the "+".
 */
export function dialable(e164: string): string {
  return e164.startsWith(OWN_COUNTRY_CODE) ? `0${e164.slice(OWN_COUNTRY_CODE.length)}` : `00${e164.slice(1)}`;
}

/** What the desk phone shows: the name, the company of a contact person, the block. */
export function entryName(e: PhonebookEntry): string {
  return [e.displayName, e.company ? ` (${e.company})` : '', e.blocked ? ` ${BLOCKED_MARK}` : ''].join('');
}

/** One export being written: how it writes numbers, and how many directory items it wrote so far. */
export interface WriteContext {
  number(e164: string): string;
  items: number;
}

export interface PhonebookWriter {
  contentType: string;
  fileName: string;
  /** National for what desk phones and PBXs compare literally, international for software that reads E.164. */
  defaultNumberFormat: PhonebookNumberFormat;
  begin(): string;
  entry(e: PhonebookEntry, ctx: WriteContext): string;
  end(): string;
}

export const writeContext = (numberFormat: PhonebookNumberFormat): WriteContext => ({
  number: numberFormat === 'national' ? dialable : (e164) => e164,
  items: 0,
});

// XML 1.0 forbids most control characters even as references; an imported name may carry one.
const XML_INVALID =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
export const xmlText = (value: string) => value.replace(XML_INVALID, '').replace(/[&<>"']/g, (c) => XML_ENTITIES[c]!);

const firstOfKind = (e: PhonebookEntry, kind: PhonebookNumberKind) => e.numbers.find((n) => n.kind === kind)?.e164;
const nthOfKind = (e: PhonebookEntry, kind: PhonebookNumberKind, n: number) =>
  e.numbers.filter((x) => x.kind === kind)[n]?.e164;

const csv: PhonebookWriter = {
  contentType: 'text/csv; charset=utf-8',
  fileName: 'telefonbuch.csv',
  defaultNumberFormat: 'international',
  begin: () =>
    csvLine([
      'Name',
      'Vorname',
      'Nachname',
      'Firma',
      'Kundennummer',
      'Festnetz',
      'Mobil',
      'Geschäftlich',
      'Weitere',
      'Gesperrt',
    ]),
  entry(e, ctx) {
    const main = new Set([firstOfKind(e, 'landline'), firstOfKind(e, 'mobile'), firstOfKind(e, 'work')]);
    const write = (e164: string | undefined) => (e164 ? ctx.number(e164) : null);
    return csvLine([
      entryName(e),
      e.firstName,
      e.lastName,
      e.company ?? (e.kind === 'company' ? e.displayName : null),
      e.customerNumber,
      write(firstOfKind(e, 'landline')),
      write(firstOfKind(e, 'mobile')),
      write(firstOfKind(e, 'work')),
      e.numbers
        .filter((n) => !main.has(n.e164))
        .map((n) => ctx.number(n.e164))
        .join(' '),
      e.blocked ? 'ja' : 'nein',
    ]);
  },
  end: () => '',
};

/** vCard text value escaping (RFC 2426 5.8.4). */
const vcText = (value: string | null | undefined) =>
  (value ?? '')
    .replace(/\\/g, '\\\\')
    .replace(/\r?\n/g, '\\n')
    .replace(/[,;]/g, (c) => `\\${c}`);

/** Folds at 75 octets without splitting a UTF-8 character. */
function fold(line: string): string {
  if (Buffer.byteLength(line) <= 75) return line;
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    if (bytes + size > (out.length === 0 ? 75 : 74)) {
      out.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

const VCARD_TEL: Record<PhonebookNumberKind, string> = {
  landline: 'HOME,VOICE',
  mobile: 'CELL,VOICE',
  work: 'WORK,VOICE',
};

const vcard: PhonebookWriter = {
  contentType: 'text/vcard; charset=utf-8',
  fileName: 'telefonbuch.vcf',
  defaultNumberFormat: 'international',
  begin: () => '',
  entry(e, ctx) {
    const person = e.kind === 'person';
    const lines = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      `UID:urn:uuid:${e.id}`,
      `FN:${vcText(entryName(e))}`,
      person
        ? `N:${[e.lastName ?? e.displayName, e.firstName, '', '', e.blocked ? BLOCKED_MARK : ''].map(vcText).join(';')}`
        : `N:${vcText(e.displayName)};;;;${e.blocked ? vcText(BLOCKED_MARK) : ''}`,
    ];
    const org = person ? e.company : e.displayName;
    if (org) lines.push(`ORG:${vcText(org)}`);
    for (const n of e.numbers)
      lines.push(`TEL;TYPE=${VCARD_TEL[n.kind]}${n.primary ? ',PREF' : ''}:${ctx.number(n.e164)}`);
    if (e.blocked) lines.push('NOTE:Kunde gesperrt');
    lines.push(`X-CUSTOMER-NUMBER:${vcText(e.customerNumber)}`, 'END:VCARD');
    return lines.map(fold).join('\r\n') + '\r\n';
  },
  end: () => '',
};

/** Yealink shows at most three numbers per directory entry. */
const YEALINK_MAX_NUMBERS = 3;

const yealink: PhonebookWriter = {
  contentType: 'text/xml; charset=utf-8',
  fileName: 'telefonbuch-yealink.xml',
  defaultNumberFormat: 'national',
  begin: () => '<?xml version="1.0" encoding="UTF-8"?>\n<YealinkIPPhoneDirectory>\n',
  entry: (e, ctx) =>
    `<DirectoryEntry><Name>${xmlText(entryName(e))}</Name>${e.numbers
      .slice(0, YEALINK_MAX_NUMBERS)
      .map((n) => `<Telephone>${ctx.number(n.e164)}</Telephone>`)
      .join('')}</DirectoryEntry>\n`,
  end: () => '</YealinkIPPhoneDirectory>\n',
};

const FRITZ_TYPE: Record<PhonebookNumberKind, string> = { landline: 'home', mobile: 'mobile', work: 'work' };

const fritzbox: PhonebookWriter = {
  contentType: 'text/xml; charset=utf-8',
  fileName: 'telefonbuch-fritzbox.xml',
  defaultNumberFormat: 'national',
  begin: () => '<?xml version="1.0" encoding="utf-8"?>\n<phonebooks>\n<phonebook name="Autohaus CRM">\n',
  entry: (e, ctx) =>
    `<contact><category>0</category><person><realName>${xmlText(entryName(e))}</realName></person><telephony nid="${
      e.numbers.length
    }">${e.numbers
      .map(
        (n, i) =>
          `<number type="${FRITZ_TYPE[n.kind]}" prio="${i === 0 ? 1 : 0}" id="${i}">${ctx.number(n.e164)}</number>`,
      )
      .join('')}</telephony><services/><setup/></contact>\n`,
  end: () => '</phonebook>\n</phonebooks>\n',
};

/**
 * 3CX's contact import (comma-separated) (Kontakte → Importieren) recognises its own column names; with any
 * other header every column has to be assigned by hand, or the import takes nothing.
 */
const threeCx: PhonebookWriter = {
  contentType: 'text/csv; charset=utf-8',
  fileName: 'telefonbuch-3cx.csv',
  defaultNumberFormat: 'international',
  begin: () =>
    csvLine(
      [
        'FirstName',
        'LastName',
        'Company',
        'Mobile',
        'Mobile2',
        'Home',
        'Home2',
        'Business',
        'Business2',
        'Email',
        'Other',
        'BusinessFax',
        'HomeFax',
        'Pager',
      ],
      ',',
    ),
  entry(e, ctx) {
    const write = (e164: string | undefined) => (e164 ? ctx.number(e164) : null);
    const shown = new Set(
      (['mobile', 'landline', 'work'] as const).flatMap((kind) => [nthOfKind(e, kind, 0), nthOfKind(e, kind, 1)]),
    );
    const person = e.kind === 'person';
    return csvLine(
      [
        person ? e.firstName : null,
        // The blocked mark goes with the name, so the PBX shows it with the caller.
        (person ? (e.lastName ?? e.displayName) : e.displayName) + (e.blocked ? ` ${BLOCKED_MARK}` : ''),
        person ? e.company : e.displayName,
        write(nthOfKind(e, 'mobile', 0)),
        write(nthOfKind(e, 'mobile', 1)),
        write(nthOfKind(e, 'landline', 0)),
        write(nthOfKind(e, 'landline', 1)),
        write(nthOfKind(e, 'work', 0)),
        write(nthOfKind(e, 'work', 1)),
        null,
        write(e.numbers.find((n) => !shown.has(n.e164))?.e164),
        null,
        null,
        null,
      ],
      ',',
    );
  },
  end: () => '',
};

/** Snom's directory: `<tbook>` with one `<item>` per number, each with an index unique in the file. */
const snom: PhonebookWriter = {
  contentType: 'text/xml; charset=utf-8',
  fileName: 'telefonbuch-snom.xml',
  defaultNumberFormat: 'national',
  begin: () => '<?xml version="1.0" encoding="utf-8"?>\n<tbook e="2" complete="true">\n',
  entry: (e, ctx) =>
    e.numbers
      .map(
        (n) =>
          `<item context="active" type="none" index="${ctx.items++}"><name>${xmlText(entryName(e))}</name><number>${ctx.number(
            n.e164,
          )}</number></item>\n`,
      )
      .join(''),
  end: () => '</tbook>\n',
};

export const PHONEBOOK_WRITERS: Readonly<Record<PhonebookFormat, PhonebookWriter>> = {
  csv,
  '3cx': threeCx,
  vcard,
  yealink,
  snom,
  fritzbox,
};
