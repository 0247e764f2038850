import { ACCENT, BOLD, FONT, INK, LEFT, type Letter, MUTED, RIGHT, WIDTH } from './letter';

export interface Column {
  header: string;
  /** A share of the width; the columns' shares are scaled to fill it. */
  weight: number;
  align?: 'left' | 'right';
}

export interface Row {
  cells: string[];
  /** A total: bold, with a rule above. */
  total?: boolean;
  /** A detail line: smaller and grey. */
  muted?: boolean;
}

const PADDING = 3;

/**
 * A table with a header row, amounts right-aligned; a row that no longer fits starts a
 * new page, where the header is repeated.
 */
export function table(letter: Letter, columns: Column[], rows: Row[]): void {
  const { doc } = letter;
  const sum = columns.reduce((s, c) => s + c.weight, 0);
  const widths = columns.map((c) => (c.weight / sum) * WIDTH);
  const xs = widths.map((_, i) => LEFT + widths.slice(0, i).reduce((s, w) => s + w, 0));

  const header = () => {
    const y = doc.y;
    doc.rect(LEFT, y, WIDTH, 15).fill('#eef1f5');
    columns.forEach((c, i) => {
      doc
        .font(BOLD)
        .fontSize(8)
        .fillColor(ACCENT)
        .text(c.header, xs[i]! + PADDING, y + 4, {
          width: widths[i]! - 2 * PADDING,
          align: c.align ?? 'left',
          lineBreak: false,
        });
    });
    doc.y = y + 18;
  };

  letter.ensureSpace(40);
  header();
  for (const row of rows) {
    const size = row.muted ? 8 : 9;
    doc.font(row.total ? BOLD : FONT).fontSize(size);
    const height =
      Math.max(...row.cells.map((cell, i) => doc.heightOfString(cell || ' ', { width: widths[i]! - 2 * PADDING }))) + 4;
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      header();
    }
    const y = doc.y;
    if (row.total) {
      doc
        .moveTo(LEFT, y - 1)
        .lineTo(RIGHT, y - 1)
        .lineWidth(0.6)
        .strokeColor(INK)
        .stroke();
    }
    row.cells.forEach((cell, i) => {
      doc
        .font(row.total ? BOLD : FONT)
        .fontSize(size)
        .fillColor(row.muted ? MUTED : INK)
        .text(cell, xs[i]! + PADDING, y + 2, { width: widths[i]! - 2 * PADDING, align: columns[i]!.align ?? 'left' });
    });
    doc.y = y + height;
  }
  doc.fillColor(INK);
  doc.x = LEFT;
  doc.moveDown(0.3);
}

/** Label/value pairs in two columns, values right-aligned when they are amounts. */
export function facts(
  letter: Letter,
  pairs: Array<[string, string]>,
  options: { alignValues?: 'left' | 'right' } = {},
): void {
  const { doc } = letter;
  // Amounts sit at the right edge under each other; text values start close to their labels.
  const labelWidth = WIDTH * (options.alignValues === 'right' ? 0.6 : 0.32);
  for (const [label, value] of pairs) {
    doc.font(FONT).fontSize(9);
    const height = Math.max(
      doc.heightOfString(label, { width: labelWidth - 6 }),
      doc.heightOfString(value || ' ', { width: WIDTH - labelWidth }),
    );
    letter.ensureSpace(height + 3);
    const y = doc.y;
    doc.fillColor(MUTED).text(label, LEFT, y, { width: labelWidth - 6 });
    doc
      .fillColor(INK)
      .text(value, LEFT + labelWidth, y, { width: WIDTH - labelWidth, align: options.alignValues ?? 'left' });
    doc.y = y + height + 3;
  }
  doc.x = LEFT;
  doc.moveDown(0.2);
}
