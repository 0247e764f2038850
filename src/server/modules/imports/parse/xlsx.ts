import ExcelJS from 'exceljs';
import type { Table } from './table';

type CellValue = ExcelJS.CellValue;

/** A cell as text; dates as YYYY-MM-DD (Excel stores calendar dates as UTC midnight). */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText(value.result as CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
    return '';
  }
  return String(value).trim();
}

/** The first worksheet; the first non-empty row is the header. */
export async function parseXlsx(buffer: Buffer): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return { headers: [], rows: [] };
  const lines: Array<{ number: number; cells: string[] }> = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
    if (cells.some((cell) => cell !== '')) lines.push({ number, cells });
  });
  const [header, ...data] = lines;
  if (!header) return { headers: [], rows: [] };
  return { headers: header.cells, rows: data.map((d) => d.cells), rowNumber: (i) => data[i]!.number };
}
