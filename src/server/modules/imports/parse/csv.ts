import { parse } from 'csv-parse/sync';
import { decodeText, detectDelimiter } from './text';
import type { Table } from './table';

export function parseCsv(buffer: Buffer): Table {
  const text = decodeText(buffer);
  const records = parse(text, {
    delimiter: detectDelimiter(text),
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    trim: true,
    bom: true,
  }) as string[][];
  const [header = [], ...rows] = records;
  return { headers: header, rows: rows.filter((r) => r.some((cell) => cell !== '')) };
}
