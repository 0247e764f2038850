import type { PhonebookFormat } from '../../../shared/telephony/enums';
import { csvLine } from '../../lib/csv';
import type { PhonebookEntry, PhonebookNumberKind } from './entries';

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

export interface PhonebookWriter {
  contentType: string;
  fileName: string;
  begin(): string;
  entry(e: PhonebookEntry): string;
  end(): string;
}

// XML 1.0 forbids most control characters even as references; an imported name may carry one.
const XML_INVALID =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
export const xmlText = (value: string) => value.replace(XML_INVALID, '').replace(/[&<>"']/g, (c) => XML_ENTITIES[c]!);

const firstOfKind = (e: PhonebookEntry, kind: PhonebookNumberKind) => e.numbers.find((n) => n.kind === kind)?.e164;

const csv: PhonebookWriter = {
  contentType: 'text/csv; charset=utf-8',
  fileName: 'telefonbuch.csv',
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
  entry(e) {
    const main = new Set([firstOfKind(e, 'landline'), firstOfKind(e, 'mobile'), firstOfKind(e, 'work')]);
    return csvLine([
      entryName(e),
      e.firstName,
      e.lastName,
      e.company ?? (e.kind === 'company' ? e.displayName : null),
      e.customerNumber,
      firstOfKind(e, 'landline'),
      firstOfKind(e, 'mobile'),
      firstOfKind(e, 'work'),
      e.numbers
        .filter((n) => !main.has(n.e164))
        .map((n) => n.e164)
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
  begin: () => '',
  entry(e) {
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
    for (const n of e.numbers) lines.push(`TEL;TYPE=${VCARD_TEL[n.kind]}${n.primary ? ',PREF' : ''}:${n.e164}`);
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
  begin: () => '<?xml version="1.0" encoding="UTF-8"?>\n<YealinkIPPhoneDirectory>\n',
  entry: (e) =>
    `<DirectoryEntry><Name>${xmlText(entryName(e))}</Name>${e.numbers
      .slice(0, YEALINK_MAX_NUMBERS)
      .map((n) => `<Telephone>${dialable(n.e164)}</Telephone>`)
      .join('')}</DirectoryEntry>\n`,
  end: () => '</YealinkIPPhoneDirectory>\n',
};

const FRITZ_TYPE: Record<PhonebookNumberKind, string> = { landline: 'home', mobile: 'mobile', work: 'work' };

const fritzbox: PhonebookWriter = {
  contentType: 'text/xml; charset=utf-8',
  fileName: 'telefonbuch-fritzbox.xml',
  begin: () => '<?xml version="1.0" encoding="utf-8"?>\n<phonebooks>\n<phonebook name="Autohaus CRM">\n',
  entry: (e) =>
    `<contact><category>0</category><person><realName>${xmlText(entryName(e))}</realName></person><telephony nid="${
      e.numbers.length
    }">${e.numbers
      .map(
        (n, i) =>
          `<number type="${FRITZ_TYPE[n.kind]}" prio="${i === 0 ? 1 : 0}" id="${i}">${dialable(n.e164)}</number>`,
      )
      .join('')}</telephony><services/><setup/></contact>\n`,
  end: () => '</phonebook>\n</phonebooks>\n',
};

export const PHONEBOOK_WRITERS: Readonly<Record<PhonebookFormat, PhonebookWriter>> = { csv, vcard, yealink, fritzbox };
