/** Writing CSV the way German Excel opens it: ';' between fields, CRLF, UTF-8 with a byte-order mark. */
export const CSV_BOM = '\uFEFF';

/**
 * Quotes where needed, and defuses values a spreadsheet would run as a
 * formula (=…, @…, +A…): those get a leading apostrophe. Phone numbers such
 * as +49… stay as they are.
 */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (/^[=@\t\r]/.test(text) || /^[+-][^\d\s]/.test(text)) text = `'${text}`;
  return /[;"\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (fields: Array<string | number | boolean | null | undefined>) =>
  `${fields.map(csvField).join(';')}\r\n`;

/** 1980-03-15 → 15.03.1980 */
export const germanDate = (iso: string | null) =>
  iso ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` : '';
