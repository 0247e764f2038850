/**
 * CSV cells the way German Excel opens them (';' between fields, CRLF), safe
 * to open: every CSV the CRM writes goes through csvField.
 */

/**
 * Excel, LibreOffice and Google Sheets run a cell that starts with one of
 * these as a formula (OWASP "CSV injection"): `-1+HYPERLINK(…)` is as live
 * as `=HYPERLINK(…)`. Such a cell gets a leading apostrophe, which the
 * spreadsheet shows as text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * The one exception: phone numbers, one or several separated by spaces
 * (`+49 171 1234567`, `+49 (89) 123456-0 +4917112345`). A PBX importing the
 * file must be able to dial them, and digits, spaces, ( ) / - can spell
 * arithmetic at worst, never a function call.
 */
const PHONE = String.raw`\+\d[\d ()/-]*\d`;
const PHONE_NUMBERS = new RegExp(`^${PHONE}(?: +${PHONE})*$`);
const MAX_PHONE_LIST = 200;

const isPhoneNumbers = (text: string) => text.length <= MAX_PHONE_LIST && PHONE_NUMBERS.test(text);

/** A text a spreadsheet shows as it is, never as a formula. */
export function spreadsheetSafe(text: string): string {
  return FORMULA_START.test(text) && !isPhoneNumbers(text) ? `'${text}` : text;
}

export type CsvValue = string | number | boolean | null | undefined;

/**
 * One cell: defused (see spreadsheetSafe) and quoted where needed. Numbers
 * and booleans come from the CRM itself and stay numbers.
 */
export function csvField(value: CsvValue): string {
  return csvFieldFor(value, ';');
}

/** The field for a file with this separator: quoted when it holds the separator, a quote or a line break. */
export function csvFieldFor(value: CsvValue, separator: ';' | ','): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? spreadsheetSafe(value) : String(value);
  const quote = separator === ',' ? /[,"\r\n]|^\s|\s$/ : /[;"\r\n]|^\s|\s$/;
  return quote.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One line with its CRLF. */
export const csvLine = (fields: CsvValue[], separator: ';' | ',' = ';') =>
  `${fields.map((field) => csvFieldFor(field, separator)).join(separator)}\r\n`;
