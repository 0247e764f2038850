import { CAMPAIGN_PLACEHOLDERS } from '@shared/campaigns/schemas';
import { ValidationError } from '@server/http/errors';

/** A frozen recipient as a letter or mail addresses them. */
export interface Addressee {
  salutation: string;
  title: string | null;
  firstName: string | null;
  lastName: string | null;
  companyName: string | null;
  displayName: string;
  customerNumber: string;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  country: string | null;
}

const SALUTATION: Record<string, string> = { mr: 'Herr', ms: 'Frau' };

/** "Sehr geehrte Frau Müller", "Sehr geehrter Herr Dr. Weber", else "Sehr geehrte Damen und Herren". */
export function greetingOf(a: Addressee): string {
  const name = [a.title, a.lastName].filter(Boolean).join(' ');
  if (a.lastName && a.salutation === 'mr') return `Sehr geehrter Herr ${name}`;
  if (a.lastName && a.salutation === 'ms') return `Sehr geehrte Frau ${name}`;
  if (a.lastName && a.firstName && !a.companyName) return `Guten Tag ${a.firstName} ${a.lastName}`;
  return 'Sehr geehrte Damen und Herren';
}

/** The address window (DIN 5008: salutation above the name, the country only abroad). */
export function addressLines(a: Addressee): string[] {
  const lines: string[] = [];
  const person = [a.title, a.firstName, a.lastName].filter(Boolean).join(' ');
  if (a.companyName && !person) lines.push(a.companyName);
  else {
    const salutation = SALUTATION[a.salutation];
    if (salutation) lines.push(salutation);
    lines.push(person || a.displayName);
  }
  if (a.street) lines.push(a.street);
  if (a.postalCode || a.city) lines.push([a.postalCode, a.city].filter(Boolean).join(' '));
  if (a.country && a.country !== 'DE') lines.push(a.country);
  return lines;
}

const PLACEHOLDER = /\{\{\s*([a-zäöüß_]+)\s*\}\}/gi;

/**
 * The text for one recipient: {{anrede}}, {{vorname}}, {{nachname}}, {{name}}, {{kundennummer}};
 * `more` adds further placeholders (a lifecycle mail's vehicle and signature).
 */
export function personalise(text: string, a: Addressee, more: Record<string, string> = {}): string {
  const values: Record<string, string> = {
    ...more,
    anrede: greetingOf(a),
    vorname: a.firstName ?? '',
    nachname: a.lastName ?? a.companyName ?? '',
    name: [a.firstName, a.lastName].filter(Boolean).join(' ') || a.displayName,
    kundennummer: a.customerNumber,
  };
  return text.replace(PLACEHOLDER, (whole, key: string) => values[key.toLowerCase()] ?? whole);
}

/** Refuses placeholders the campaign cannot fill, naming the field and the placeholder. */
export function assertKnownPlaceholders(field: 'subject' | 'body', text: string): void {
  for (const match of text.matchAll(PLACEHOLDER)) {
    const key = match[1]!.toLowerCase();
    if (!(CAMPAIGN_PLACEHOLDERS as readonly string[]).includes(key)) {
      throw new ValidationError([
        {
          field,
          in: 'body',
          code: 'unknown_placeholder',
          params: { placeholder: match[1]! },
          message: `unknown placeholder {{${match[1]}}}`,
        },
      ]);
    }
  }
}
