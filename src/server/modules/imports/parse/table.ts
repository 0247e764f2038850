/** Any uploaded file as a table of text cells: one header row, then data rows. */
export interface Table {
  headers: string[];
  rows: string[][];
  /** Row number to show a user for data row i (spreadsheet rows count the header as 1). */
  rowNumber?: (index: number) => number;
}

/** Blank or repeated headers get a name, so the mapping can address every column. */
export function uniqueHeaders(headers: string[]): string[] {
  const seen = new Map<string, number>();
  return headers.map((raw, i) => {
    const base = raw.trim() || `Spalte ${i + 1}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}
