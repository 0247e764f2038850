import type { FieldErrorCode } from '@shared/errors/codes';
import type { ImportMapping } from '@shared/imports/schemas';
import type { ImportReason } from '@shared/imports/schemas';
import { storableText } from '@server/lib/input/storable';
import { CellError } from './values';

export interface Cell {
  column: string;
  value: string;
}

/** A reason in English with its code (src/shared/errors/codes.ts), e.g. from `fieldError(...)`. */
export interface CodedReason {
  message: string;
  code: FieldErrorCode;
  params?: Record<string, unknown>;
}

/** What a row's reasons say when a cell held characters the database cannot store. */
export const UNSTORABLE_REMOVED = 'characters that cannot be stored (NUL, broken Unicode) were removed';

/** Reads one row through the mapping: the non-empty cells of each field, in column order. */
export class RowCells {
  private readonly byField = new Map<string, Cell[]>();
  readonly reasons: ImportReason[] = [];
  /** Whether a reason says the row cannot be imported (notes on a cleaned cell do not). */
  failed = false;

  constructor(columns: Array<{ index: number; header: string; field: string }>, row: string[]) {
    for (const { index, header, field } of columns) {
      const raw = (row[index] ?? '').trim();
      // An old system's export may hold NULs: the row is imported without them, and says so.
      const value = storableText(raw).trim();
      if (value !== raw)
        this.reasons.push({ field, column: header, code: 'unstorable_removed', message: UNSTORABLE_REMOVED });
      if (value === '') continue;
      const list = this.byField.get(field) ?? [];
      list.push({ column: header, value });
      this.byField.set(field, list);
    }
  }

  all(field: string): Cell[] {
    return this.byField.get(field) ?? [];
  }

  text(field: string): string | undefined {
    return this.byField.get(field)?.[0]?.value;
  }

  column(field: string): string | null {
    return this.byField.get(field)?.[0]?.column ?? null;
  }

  has(fields: readonly string[]): boolean {
    return fields.some((f) => this.byField.has(f));
  }

  /** Converts a cell; a value that cannot be understood becomes a reason and undefined. */
  convert<T>(field: string, parse: (value: string | undefined) => T | undefined): T | undefined {
    try {
      return parse(this.text(field));
    } catch (error) {
      if (!(error instanceof CellError)) throw error;
      this.fail(field, { ...error.coded, message: error.message });
      return undefined;
    }
  }

  /** A reason the row cannot be imported: its English words and its code. */
  fail(field: string, reason: CodedReason, column = this.column(field)) {
    this.failed = true;
    this.reasons.push({ field, column, ...reason });
  }
}

/** The mapped columns of a file, resolved once: unknown fields are dropped. */
export function mappedColumns(headers: string[], mapping: ImportMapping, known: Set<string>) {
  return headers.flatMap((header, index) => {
    const field = mapping[header];
    return field && known.has(field) ? [{ index, header, field }] : [];
  });
}
