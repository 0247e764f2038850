import type { Salutation } from '@shared/contacts/enums';
import { TEMPLATE_PLACEHOLDERS } from '@shared/requests/templates';

export type Placeholder = (typeof TEMPLATE_PLACEHOLDERS)[number];

/** What a template is filled from; null or empty values are reported as missing. */
export interface TemplateContext {
  customer: {
    salutation: Salutation | string | null;
    firstName: string | null;
    lastName: string | null;
    displayName: string;
  };
  request: { number: string; subject: string };
  vehicle: string | null;
  location: { name: string; phone: string | null };
  user: { displayName: string; phone: string | null };
}

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const KNOWN = new Set<string>(TEMPLATE_PLACEHOLDERS);

/** Shown in place of a value the request does not have, so the reader notices before sending. */
const MISSING_LABEL: Record<Placeholder, string> = {
  'customer.salutation': '[Anrede]',
  'customer.name': '[Name]',
  'customer.firstName': '[Vorname]',
  'customer.lastName': '[Nachname]',
  'request.number': '[Vorgangsnummer]',
  'request.subject': '[Betreff]',
  vehicle: '[Fahrzeug]',
  'location.name': '[Standort]',
  'location.phone': '[Telefon Standort]',
  'user.name': '[Mitarbeiter]',
  'user.phone': '[Telefon Mitarbeiter]',
};

/** Placeholders in a text that the server cannot fill, in order of appearance. */
export function unknownPlaceholders(text: string): string[] {
  const unknown = [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((name) => !KNOWN.has(name));
  return [...new Set(unknown)];
}

const clean = (value: string | null | undefined) => {
  const v = value?.trim();
  return v ? v : null;
};

/**
 * "Herr Müller", "Frau Schmidt"; without a gendered salutation the full name
 * ("Guten Tag Hans Müller"), for a company the company name.
 */
export function salutationOf(customer: TemplateContext['customer']): string | null {
  const last = clean(customer.lastName);
  if (last && customer.salutation === 'mr') return `Herr ${last}`;
  if (last && customer.salutation === 'ms') return `Frau ${last}`;
  return fullName(customer);
}

function fullName(customer: TemplateContext['customer']): string | null {
  const name = [clean(customer.firstName), clean(customer.lastName)].filter(Boolean).join(' ');
  return name || clean(customer.displayName);
}

function valuesOf(context: TemplateContext): Record<Placeholder, string | null> {
  return {
    'customer.salutation': salutationOf(context.customer),
    'customer.name': fullName(context.customer),
    'customer.firstName': clean(context.customer.firstName),
    'customer.lastName': clean(context.customer.lastName),
    'request.number': clean(context.request.number),
    'request.subject': clean(context.request.subject),
    vehicle: clean(context.vehicle),
    'location.name': clean(context.location.name),
    'location.phone': clean(context.location.phone),
    'user.name': clean(context.user.displayName),
    'user.phone': clean(context.user.phone),
  };
}

export interface Filled {
  subject: string | null;
  body: string;
  missing: string[];
}

/** Fills the placeholders of subject and body; values the context lacks are listed in `missing`. */
export function fillTemplate(template: { subject: string | null; body: string }, context: TemplateContext): Filled {
  const values = valuesOf(context);
  const missing = new Set<string>();
  const fill = (text: string) =>
    text.replace(PLACEHOLDER, (whole, name: string) => {
      if (!KNOWN.has(name)) return whole;
      const value = values[name as Placeholder];
      if (value !== null) return value;
      missing.add(name);
      return MISSING_LABEL[name as Placeholder];
    });
  const subject = template.subject === null ? null : fill(template.subject);
  const body = fill(template.body);
  return { subject, body, missing: [...missing] };
}

/** Example data for the template editor's preview. */
export const SAMPLE_CONTEXT: TemplateContext = {
  customer: { salutation: 'mr', firstName: 'Hans', lastName: 'Müller', displayName: 'Hans Müller' },
  request: { number: 'A-100042', subject: 'Inspektion und Reifenwechsel' },
  vehicle: 'VW Golf (M-AB 1234)',
  location: { name: 'Autohaus Bergmann München', phone: '089 1234560' },
  user: { displayName: 'Julia Wagner', phone: '089 1234560-21' },
};
