import { fieldError } from '@shared/errors/codes';
import type { ImportFormat } from '@shared/imports/schemas';
import { ValidationError } from '@server/http/errors';
import { storableText } from '@server/lib/input/storable';
import { parseCsv } from './csv';
import { type Table, uniqueHeaders } from './table';
import { parseVcf } from './vcard';
import { parseXlsx } from './xlsx';

export type { Table } from './table';

/** The format of an upload by its name, falling back to its first bytes. */
export function detectFormat(fileName: string, buffer: Buffer): ImportFormat {
  const name = fileName.toLowerCase();
  if (name.endsWith('.xlsx')) return 'xlsx';
  if (name.endsWith('.vcf') || name.endsWith('.vcard')) return 'vcard';
  if (name.endsWith('.csv') || name.endsWith('.txt')) return 'csv';
  if (buffer[0] === 0x50 && buffer[1] === 0x4b) return 'xlsx';
  if (
    /^\s*BEGIN:VCARD/i.test(
      buffer
        .subarray(0, 200)
        .toString('latin1')
        .replace(/^\uFEFF|^ï»¿/, ''),
    )
  )
    return 'vcard';
  throw new ValidationError([
    { field: 'file', in: 'body', code: 'import_format_not_accepted', message: 'expected a .csv, .xlsx or .vcf file' },
  ]);
}

/** Reads an upload into a table whose headers are unique and whose rows all have the header's width. */
export async function readTable(format: ImportFormat, buffer: Buffer): Promise<Table> {
  let table: Table;
  try {
    table = format === 'xlsx' ? await parseXlsx(buffer) : format === 'vcard' ? parseVcf(buffer) : parseCsv(buffer);
  } catch (error) {
    throw new ValidationError([
      {
        field: 'file',
        in: 'body',
        ...fieldError('unreadable_file', { format }),
        message: `cannot be read as ${format}: ${(error as Error).message}`,
      },
    ]);
  }
  // Headers are stored as text and shown to pick the mapping: what the database cannot hold goes.
  const headers = uniqueHeaders(table.headers.map(storableText));
  const width = headers.length;
  const rows = table.rows.map((r) => (r.length === width ? r : Array.from({ length: width }, (_, i) => r[i] ?? '')));
  return { headers, rows, rowNumber: table.rowNumber ?? ((i) => i + 2) };
}
