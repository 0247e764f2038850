import { and, eq } from 'drizzle-orm';
import {
  CUSTOMER_EMAIL_PLACEHOLDERS,
  type CustomerEmailLocale,
  type CustomerEmailPlaceholder,
  type CustomerEmailTemplateKey,
} from '@shared/correspondence/schemas';
import type { RequestType } from '@shared/requests/enums';
import type { DbOrTx } from '@server/db/client';
import { defaultCustomerEmail } from './customer-email-defaults';
import { defaultTemplate } from './defaults';
import { customerEmailTemplates, messageTemplates } from './tables';

/** What a customer e-mail is filled from; null or empty values are reported as missing. */
export interface CustomerEmailValues {
  customer: { salutation: string | null; firstName: string | null; lastName: string | null; displayName: string };
  consultant: { name: string; phone: string | null; email: string | null };
  location: { name: string; phone: string | null } | null;
  offerNumber?: string | null;
  request?: { number: string; subject: string; deadline?: string | null } | null;
  vehicle?: string | null;
}

export interface FilledCustomerEmail {
  subject: string;
  body: string;
  missing: string[];
  unknown: string[];
}

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const KNOWN = new Set<string>(CUSTOMER_EMAIL_PLACEHOLDERS);

const MISSING_LABEL: Record<CustomerEmailLocale, Record<CustomerEmailPlaceholder, string>> = {
  de: {
    'customer.salutation': '[Anrede]',
    'customer.name': '[Name]',
    'customer.firstName': '[Vorname]',
    'customer.lastName': '[Nachname]',
    'consultant.name': '[Berater]',
    'consultant.phone': '[Telefon Berater]',
    'consultant.email': '[E-Mail Berater]',
    'offer.number': '[Angebotsnummer]',
    'location.name': '[Standort]',
    'location.phone': '[Telefon Standort]',
    'request.number': '[Vorgangsnummer]',
    'request.subject': '[Betreff]',
    'request.deadline': '[Frist]',
    vehicle: '[Fahrzeug]',
    'user.name': '[Mitarbeiter]',
    'user.phone': '[Telefon Mitarbeiter]',
  },
  en: {
    'customer.salutation': '[salutation]',
    'customer.name': '[name]',
    'customer.firstName': '[first name]',
    'customer.lastName': '[last name]',
    'consultant.name': '[consultant]',
    'consultant.phone': '[consultant phone]',
    'consultant.email': '[consultant e-mail]',
    'offer.number': '[offer number]',
    'location.name': '[location]',
    'location.phone': '[location phone]',
    'request.number': '[request number]',
    'request.subject': '[subject]',
    'request.deadline': '[deadline]',
    vehicle: '[vehicle]',
    'user.name': '[staff member]',
    'user.phone': '[staff phone]',
  },
};

const clean = (value: string | null | undefined) => {
  const v = value?.trim();
  return v ? v : null;
};

function salutation(c: CustomerEmailValues['customer'], locale: CustomerEmailLocale): string | null {
  const last = clean(c.lastName);
  const words = locale === 'de' ? { mr: 'Herr', ms: 'Frau' } : { mr: 'Mr', ms: 'Ms' };
  if (last && (c.salutation === 'mr' || c.salutation === 'ms')) return `${words[c.salutation]} ${last}`;
  return fullName(c);
}

function fullName(c: CustomerEmailValues['customer']): string | null {
  return [clean(c.firstName), clean(c.lastName)].filter(Boolean).join(' ') || clean(c.displayName);
}

function valuesOf(
  v: CustomerEmailValues,
  locale: CustomerEmailLocale,
): Record<CustomerEmailPlaceholder, string | null> {
  return {
    'customer.salutation': salutation(v.customer, locale),
    'customer.name': fullName(v.customer),
    'customer.firstName': clean(v.customer.firstName),
    'customer.lastName': clean(v.customer.lastName),
    'consultant.name': clean(v.consultant.name),
    'consultant.phone': clean(v.consultant.phone),
    'consultant.email': clean(v.consultant.email),
    'offer.number': clean(v.offerNumber),
    'location.name': clean(v.location?.name),
    'location.phone': clean(v.location?.phone),
    'request.number': clean(v.request?.number),
    'request.subject': clean(v.request?.subject),
    'request.deadline': clean(v.request?.deadline),
    vehicle: clean(v.vehicle),
    'user.name': clean(v.consultant.name),
    'user.phone': clean(v.consultant.phone),
  };
}

/**
 * Fills placeholders by plain text substitution (nothing in a template is ever executed):
 * a value the customer lacks becomes a visible label and is listed in `missing`; a name
 * nobody knows stays exactly as written and is listed in `unknown`.
 */
export function fillCustomerEmail(
  template: { subject: string; body: string },
  values: CustomerEmailValues,
  locale: CustomerEmailLocale,
): FilledCustomerEmail {
  const filled = valuesOf(values, locale);
  const missing = new Set<string>();
  const unknown = new Set<string>();
  const fill = (text: string) =>
    text.replace(PLACEHOLDER, (whole, name: string) => {
      if (!KNOWN.has(name)) {
        unknown.add(name);
        return whole;
      }
      const value = filled[name as CustomerEmailPlaceholder];
      if (value !== null) return value;
      missing.add(name);
      return MISSING_LABEL[locale][name as CustomerEmailPlaceholder];
    });
  return { subject: fill(template.subject), body: fill(template.body), missing: [...missing], unknown: [...unknown] };
}

/** Placeholders in a text that are not known, in order of appearance. */
export function unknownCustomerEmailPlaceholders(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((name) => !KNOWN.has(name)))];
}

export interface CustomerEmailTemplateText {
  subject: string;
  body: string;
  isDefault: boolean;
  updatedAt: Date | null;
}

/**
 * The text in force for a customer e-mail: a manager's own, else the built-in one. The
 * three-failed-calls mail is the request type's e-mail template (German, as edited there).
 */
export async function customerEmailTemplateIn(
  tx: DbOrTx,
  key: CustomerEmailTemplateKey,
  locale: CustomerEmailLocale,
  requestType: RequestType | null = null,
): Promise<CustomerEmailTemplateText> {
  if (key === 'failed_calls') {
    const type = requestType ?? 'general';
    const [row] = await tx
      .select()
      .from(messageTemplates)
      .where(and(eq(messageTemplates.requestType, type), eq(messageTemplates.kind, 'email')));
    const text = row ?? defaultTemplate(type, 'email');
    return {
      subject: text.subject ?? '',
      body: text.body,
      isDefault: !row,
      updatedAt: row?.updatedAt ?? null,
    };
  }
  const [row] = await tx
    .select()
    .from(customerEmailTemplates)
    .where(and(eq(customerEmailTemplates.key, key), eq(customerEmailTemplates.locale, locale)));
  if (row) return { subject: row.subject, body: row.body, isDefault: false, updatedAt: row.updatedAt };
  return { ...defaultCustomerEmail(key, locale), isDefault: true, updatedAt: null };
}
