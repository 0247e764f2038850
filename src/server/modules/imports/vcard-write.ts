import type { ExportContact } from '@server/modules/contacts';

export type VcardVersion = '3.0' | '4.0';

/** Escapes a text value (RFC 6350 3.4); components of N and ADR are escaped one by one. */
const esc = (value: string | null | undefined) =>
  (value ?? '')
    .replace(/\\/g, '\\\\')
    .replace(/\n/g, '\\n')
    .replace(/[,;]/g, (c) => `\\${c}`);

/** Folds a line at 75 octets without splitting a UTF-8 character. */
function fold(line: string): string {
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

const SALUTATION_WORDS = { mr: 'Herr', ms: 'Frau', mx: '', none: '' } as const;
const GENDER = { mr: 'M', ms: 'F', mx: 'O', none: '' } as const;
const TEL_TYPES: Record<string, string> = { mobile: 'cell', landline: 'home', work: 'work', fax: 'fax' };

/** One contact as a vCard 3.0 or 4.0 that our vCard import reads back to the same contact. */
export function toVcard(c: ExportContact, version: VcardVersion): string {
  const v4 = version === '4.0';
  const type = (t: string) => (v4 ? `TYPE=${t}` : `TYPE=${t.toUpperCase()}`);
  const lines = ['BEGIN:VCARD', `VERSION:${version}`];
  lines.push(`UID:${esc(c.externalRef ?? `urn:uuid:${c.id}`)}`);
  if (c.kind === 'company') lines.push(v4 ? 'KIND:org' : 'X-ABShowAs:COMPANY');
  const prefix = [SALUTATION_WORDS[c.salutation], c.title].filter(Boolean).join(' ');
  lines.push(`N:${[c.lastName, c.firstName, '', prefix, ''].map(esc).join(';')}`);
  lines.push(
    `FN:${esc(c.kind === 'company' ? c.companyName : [c.title, c.firstName, c.lastName].filter(Boolean).join(' '))}`,
  );
  if (v4 && GENDER[c.salutation]) lines.push(`GENDER:${GENDER[c.salutation]}`);
  if (c.companyName) lines.push(`ORG:${esc(c.companyName)}`);
  if (c.position) lines.push(`TITLE:${esc(c.position)}`);
  if (c.dateOfBirth) lines.push(`BDAY:${v4 ? c.dateOfBirth.replace(/-/g, '') : c.dateOfBirth}`);
  for (const p of c.phones) {
    const number = p.e164 ?? p.raw;
    const pref = p.isPrimary ? (v4 ? ';PREF=1' : ',PREF') : '';
    lines.push(
      v4
        ? `TEL;VALUE=${p.e164 ? 'uri' : 'text'};${type(TEL_TYPES[p.kind] ?? 'voice')}${pref}:${p.e164 ? `tel:${number}` : esc(number)}`
        : `TEL;${type(TEL_TYPES[p.kind] ?? 'voice')}${pref}:${esc(number)}`,
    );
  }
  for (const e of c.emails) {
    const kind = e.kind === 'work' ? 'work' : 'home';
    lines.push(
      v4 ? `EMAIL;${type(kind)}:${esc(e.address)}` : `EMAIL;TYPE=INTERNET,${kind.toUpperCase()}:${esc(e.address)}`,
    );
  }
  for (const a of c.addresses) {
    const kind = a.kind === 'work' ? 'work' : 'home';
    lines.push(`ADR;${type(kind)}:${['', '', a.street, a.city, '', a.postalCode, a.country].map(esc).join(';')}`);
  }
  if (c.notes) lines.push(`NOTE:${esc(c.notes)}`);
  if (c.tags.length) lines.push(`CATEGORIES:${c.tags.map(esc).join(',')}`);
  lines.push(`X-CUSTOMER-NUMBER:${esc(c.customerNumber)}`);
  lines.push('END:VCARD');
  return lines.map(fold).join('\r\n') + '\r\n';
}
