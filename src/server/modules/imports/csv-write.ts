/** Writing CSV the way German Excel opens it: ';' between fields, CRLF, UTF-8 with a byte-order mark. */
export const CSV_BOM = '\uFEFF';

/** 1980-03-15 → 15.03.1980 */
export const germanDate = (iso: string | null) =>
  iso ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` : '';
