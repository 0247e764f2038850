import { decodeText } from './text';
import type { Table } from './table';

export interface VcardProperty {
  name: string;
  params: Record<string, string[]>;
  value: string;
}

/** Undoes RFC 6350 line folding: a line starting with a space or tab continues the previous one. */
const unfold = (text: string) => text.replace(/\r\n|\r/g, '\n').replace(/\n[ \t]/g, '');

/** Splits at separators that are not escaped with a backslash. */
function splitUnescaped(value: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    if (ch === '\\' && i + 1 < value.length) {
      current += ch + value[i + 1];
      i++;
    } else if (ch === separator) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts;
}

const unescape = (value: string) =>
  value.replace(/\\([\\,;nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));

function parseLine(line: string): VcardProperty | null {
  // The value starts at the first colon outside a quoted parameter value.
  let inQuotes = false;
  let colon = -1;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '"') inQuotes = !inQuotes;
    else if (line[i] === ':' && !inQuotes) {
      colon = i;
      break;
    }
  }
  if (colon < 0) return null;
  const [nameWithGroup = '', ...rawParams] = line.slice(0, colon).split(';');
  const name = nameWithGroup.split('.').pop()!.toUpperCase();
  const params: Record<string, string[]> = {};
  for (const raw of rawParams) {
    const eq = raw.indexOf('=');
    // vCard 2.1 writes bare types: TEL;CELL:…
    const key = eq < 0 ? 'TYPE' : raw.slice(0, eq).toUpperCase();
    const values = (eq < 0 ? raw : raw.slice(eq + 1))
      .replace(/"/g, '')
      .split(',')
      .map((v) => v.trim().toLowerCase())
      .filter(Boolean);
    // Appended in place: copying the list per parameter is quadratic in a line of thousands.
    const list = (params[key] ??= []);
    for (const value of values) list.push(value);
  }
  return { name, params, value: line.slice(colon + 1) };
}

/** Every card of a .vcf file as its list of properties (versions 2.1, 3.0 and 4.0). */
export function parseVcards(text: string): VcardProperty[][] {
  const cards: VcardProperty[][] = [];
  let current: VcardProperty[] | null = null;
  for (const line of unfold(text).split('\n')) {
    if (line.trim() === '') continue;
    const upper = line.trim().toUpperCase();
    if (upper === 'BEGIN:VCARD') current = [];
    else if (upper === 'END:VCARD') {
      if (current) cards.push(current);
      current = null;
    } else if (current) {
      const property = parseLine(line);
      if (property) current.push(property);
    }
  }
  return cards;
}

export interface VcardContact {
  uid: string;
  kind: 'person' | 'company' | '';
  salutation: string;
  title: string;
  firstName: string;
  lastName: string;
  companyName: string;
  position: string;
  dateOfBirth: string;
  street: string;
  postalCode: string;
  city: string;
  country: string;
  mobile: string[];
  landline: string[];
  work: string[];
  fax: string[];
  email: string[];
  emailWork: string[];
  note: string;
  categories: string;
}

const has = (p: VcardProperty, type: string) => (p.params.TYPE ?? []).includes(type);

/** "19800315", "1980-03-15", "1980-03-15T00:00:00Z" → "1980-03-15"; dates without a year are dropped. */
function vcardDate(value: string): string {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})/.exec(value.trim());
  return m ? `${m[1]}-${m[2]}-${m[3]}` : '';
}

/** Reads the fields a dealer CRM keeps from one card. */
export function toContact(card: VcardProperty[]): VcardContact {
  const c: VcardContact = {
    uid: '',
    kind: '',
    salutation: '',
    title: '',
    firstName: '',
    lastName: '',
    companyName: '',
    position: '',
    dateOfBirth: '',
    street: '',
    postalCode: '',
    city: '',
    country: '',
    mobile: [],
    landline: [],
    work: [],
    fax: [],
    email: [],
    emailWork: [],
    note: '',
    categories: '',
  };
  let fullName = '';
  for (const p of card) {
    const text = unescape(p.value).trim();
    switch (p.name) {
      case 'UID':
        c.uid = text;
        break;
      case 'KIND':
        c.kind = text.toLowerCase() === 'org' ? 'company' : 'person';
        break;
      case 'X-ABSHOWAS':
        if (text.toUpperCase() === 'COMPANY') c.kind = 'company';
        break;
      case 'GENDER': {
        const sex = text.split(';')[0]!.toUpperCase();
        c.salutation = sex === 'M' ? 'Herr' : sex === 'F' ? 'Frau' : sex === 'O' ? 'Divers' : '';
        break;
      }
      case 'FN':
        fullName = text;
        break;
      case 'N': {
        const [family = '', given = '', , prefix = ''] = splitUnescaped(p.value, ';').map((v) => unescape(v).trim());
        c.lastName = family;
        c.firstName = given;
        // Prefixes carry both the salutation and academic titles: "Herr Dr."
        for (const word of prefix.split(/[\s,]+/).filter(Boolean)) {
          if (/^(herr|frau|mr\.?|mrs\.?|ms\.?)$/i.test(word)) c.salutation ||= word;
          else c.title = c.title ? `${c.title} ${word}` : word;
        }
        break;
      }
      case 'ORG':
        c.companyName = unescape(splitUnescaped(p.value, ';')[0] ?? '').trim();
        break;
      case 'TITLE':
      case 'ROLE':
        c.position ||= text;
        break;
      case 'BDAY':
        c.dateOfBirth = vcardDate(text);
        break;
      case 'ADR':
        if (!c.street) {
          const [, extended = '', street = '', city = '', , code = '', country = ''] = splitUnescaped(p.value, ';').map(
            (v) => unescape(v).trim(),
          );
          c.street = [street, extended].filter(Boolean).join(' ');
          c.city = city;
          c.postalCode = code;
          c.country = country;
        }
        break;
      case 'TEL': {
        const number = text.replace(/^tel:/i, '');
        if (has(p, 'fax')) c.fax.push(number);
        else if (has(p, 'cell')) c.mobile.push(number);
        else if (has(p, 'work')) c.work.push(number);
        else c.landline.push(number);
        break;
      }
      case 'EMAIL':
        (has(p, 'work') ? c.emailWork : c.email).push(text.replace(/^mailto:/i, ''));
        break;
      case 'NOTE':
        c.note = text;
        break;
      case 'CATEGORIES':
        c.categories = text;
        break;
    }
  }
  if (!c.lastName && !c.companyName && fullName) {
    const parts = fullName.split(/\s+/);
    c.lastName = parts.pop() ?? '';
    c.firstName = parts.join(' ');
  }
  if (!c.kind) c.kind = !c.lastName && c.companyName ? 'company' : 'person';
  return c;
}

type ListKey = 'mobile' | 'landline' | 'work' | 'fax' | 'email' | 'emailWork';
const LIST_COLUMNS: Array<[ListKey, string]> = [
  ['mobile', 'Mobil'],
  ['landline', 'Telefon'],
  ['work', 'Telefon geschäftlich'],
  ['fax', 'Fax'],
  ['email', 'E-Mail'],
  ['emailWork', 'E-Mail geschäftlich'],
];
const SCALAR_COLUMNS: Array<[Exclude<keyof VcardContact, ListKey>, string]> = [
  ['uid', 'UID'],
  ['kind', 'Art'],
  ['salutation', 'Anrede'],
  ['title', 'Titel'],
  ['firstName', 'Vorname'],
  ['lastName', 'Nachname'],
  ['companyName', 'Firma'],
  ['position', 'Position'],
  ['dateOfBirth', 'Geburtsdatum'],
  ['street', 'Straße'],
  ['postalCode', 'PLZ'],
  ['city', 'Ort'],
  ['country', 'Land'],
  ['note', 'Notiz'],
  ['categories', 'Merkmale'],
];

/**
 * A .vcf file as a table with German column names, so it goes through the
 * same mapping and validation as a spreadsheet. Repeated numbers and
 * addresses get columns "Mobil 2", "E-Mail 2"…
 */
export function parseVcf(buffer: Buffer): Table {
  const contacts = parseVcards(decodeText(buffer)).map(toContact);
  const counts = LIST_COLUMNS.map(([key]) => Math.max(1, ...contacts.map((c) => c[key].length)));
  const headers = [
    ...SCALAR_COLUMNS.map(([, label]) => label),
    ...LIST_COLUMNS.flatMap(([, label], i) =>
      Array.from({ length: counts[i]! }, (_, n) => (n === 0 ? label : `${label} ${n + 1}`)),
    ),
  ];
  const rows = contacts.map((c) => [
    ...SCALAR_COLUMNS.map(([key]) => c[key]),
    ...LIST_COLUMNS.flatMap(([key], i) => Array.from({ length: counts[i]! }, (_, n) => c[key][n] ?? '')),
  ]);
  return { headers, rows, rowNumber: (i) => i + 1 };
}
