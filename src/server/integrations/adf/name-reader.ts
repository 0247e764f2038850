import type { AdfCustomer } from '@shared/intake/adf.js';
import type { ReadContext } from './context.js';
import { attr, childrenNamed, textOf, type AdfNode } from './nodes.js';
import { looksLikeCompany, splitFullName } from './normalise/names.js';

export type NameFields = Pick<AdfCustomer, 'kind' | 'firstName' | 'lastName' | 'fullName' | 'companyName'>;

const FIRST = new Set(['first', 'firstname', 'given', 'vorname']);
const MIDDLE = new Set(['middle', 'middlename']);
const LAST = new Set(['last', 'surname', 'lastname', 'family', 'nachname']);
const BUSINESS = /^(business|company|organi[sz]ation|firma|gewerblich|commercial)$/i;

/**
 * Reads the <name> elements of a contact. Tolerance:
 * - part is first / middle / last / surname / full (default full, as in the DTD), any case,
 *   German and camel-case spellings too; an unknown part is read as full;
 * - type="business" (or company/firma) makes the lead a company; an individual name beside it
 *   is the contact person there;
 * - a full name alone is split into first and last name (see splitFullName), noted when it has
 *   three words or more; "Müller, Hans" becomes the full name "Hans Müller";
 * - a full name with a legal form ("Autohaus Weber GmbH") is taken as a company, and noted.
 */
export function readNames(contact: AdfNode | null, path: string, ctx: ReadContext): NameFields {
  const parts = { first: [] as string[], middle: [] as string[], last: [] as string[], full: [] as string[] };
  const companies: string[] = [];
  for (const name of childrenNamed(contact, 'name')) {
    const text = textOf(name);
    if (!text) continue;
    const type = attr(name, 'type');
    if (type && BUSINESS.test(type)) {
      companies.push(text);
      continue;
    }
    const part = (attr(name, 'part') ?? 'full').toLowerCase().replace(/[\s_-]/g, '');
    if (FIRST.has(part)) parts.first.push(text);
    else if (MIDDLE.has(part)) parts.middle.push(text);
    else if (LAST.has(part)) parts.last.push(text);
    else parts.full.push(text);
  }

  let firstName = join([...parts.first, ...parts.middle]);
  let lastName = join(parts.last);
  let fullName = join(parts.full);
  let companyName = join(companies);

  if (!companyName && !firstName && !lastName && fullName && looksLikeCompany(fullName)) {
    ctx.findings.warn(
      'inferred',
      path,
      `inferred: '${fullName}' in ${path} taken as a company name (legal form in the name)`,
    );
    companyName = fullName;
    fullName = null;
  }
  if (!firstName && !lastName && fullName) {
    const split = splitFullName(fullName);
    firstName = split.firstName;
    lastName = split.lastName;
    // "Hans Müller" and "Müller, Hans" split one way only; three words and more could split
    // another way ("Anna Maria Schmidt", "Maria de la Cruz"), so the split is worth a look.
    if (firstName && !fullName.includes(',') && `${firstName} ${lastName}`.split(' ').length > 2) {
      ctx.findings.warn(
        'inferred',
        path,
        `inferred: full name '${fullName}' in ${path} split into first name '${firstName}' and last name '${lastName}'`,
      );
    }
    if (fullName.includes(',')) fullName = join([firstName, lastName].filter((p): p is string => Boolean(p)));
  }
  fullName ??= join([firstName, lastName].filter((p): p is string => Boolean(p)));
  return { kind: companyName ? 'company' : 'person', firstName, lastName, fullName, companyName };
}

const join = (values: string[]) => (values.length ? values.join(' ') : null);
