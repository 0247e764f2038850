import PDFDocument from 'pdfkit';
import { groupIban } from '@shared/documents/letterhead';
import { formatGermanDate } from '@shared/sales/format';
import type { PrintedLetterhead } from '../letterheads';

/*
 * A business letter on A4 after DIN 5008 (form B): logo top right, the sender line above the
 * address window, an information block beside it, the title, the body, and the register,
 * VAT and bank data in the footer of every page with "Seite 1 von 2". Helvetica (a PDF
 * standard font in WinAnsi) carries ä, ö, ü, ß and €, so nothing is embedded.
 *
 * The same input gives the same bytes: the document's own date is its creation and
 * modification date, and the file id pdfkit writes is derived from those.
 */

const MM = 72 / 25.4;
export const PAGE = { width: 595.28, height: 841.89 };
export const LEFT = 25 * MM;
export const RIGHT = PAGE.width - 20 * MM;
export const WIDTH = RIGHT - LEFT;
/** Where the footer starts; the body stays above it. */
const FOOTER_TOP = PAGE.height - 24 * MM;
const BODY_BOTTOM = FOOTER_TOP - 3 * MM;
const FIRST_BODY_TOP = 95 * MM;
const NEXT_BODY_TOP = 30 * MM;
const INFO_LEFT = 120 * MM;
const INFO_LABEL = 30 * MM;

export const FONT = 'Helvetica';
export const BOLD = 'Helvetica-Bold';
export const INK = '#1a1a1a';
export const MUTED = '#5f6368';
export const ACCENT = '#1f3b5c';

export interface LetterSpec {
  letterhead: PrintedLetterhead;
  /** "Angebot Nr. V-100001/2" */
  title: string;
  /** The document's date: printed, and its creation date in the file. */
  date: Date;
  /** The recipient's address lines, name first. */
  recipient: string[];
  /** Label/value pairs beside the address window (Kundennummer, Ihr Ansprechpartner …). */
  info: Array<[string, string]>;
  /** The file's title in its document info. */
  fileTitle: string;
}

export class Letter {
  readonly doc: PDFKit.PDFDocument;
  private readonly spec: LetterSpec;

  constructor(spec: LetterSpec) {
    this.spec = spec;
    this.doc = new PDFDocument({
      size: 'A4',
      bufferPages: true,
      autoFirstPage: false,
      compress: true,
      margins: { top: NEXT_BODY_TOP, bottom: PAGE.height - BODY_BOTTOM, left: LEFT, right: PAGE.width - RIGHT },
      info: {
        Title: spec.fileTitle,
        Author: spec.letterhead.companyName,
        Creator: 'Autohaus CRM',
        Producer: 'Autohaus CRM',
        CreationDate: spec.date,
        ModDate: spec.date,
      },
    });
    // Every text goes out in WinAnsi: what it cannot carry is replaced rather than printed as garbage.
    const text = this.doc.text.bind(this.doc) as (...args: unknown[]) => PDFKit.PDFDocument;
    const heightOf = this.doc.heightOfString.bind(this.doc);
    const widthOf = this.doc.widthOfString.bind(this.doc);
    Object.assign(this.doc, {
      text: (value: unknown, ...rest: unknown[]) => text(printable(value), ...rest),
      heightOfString: (value: string, options?: PDFKit.Mixins.TextOptions) => heightOf(printable(value), options),
      widthOfString: (value: string, options?: PDFKit.Mixins.TextOptions) => widthOf(printable(value), options),
    });
    this.doc.on('pageAdded', () => this.continuationHead());
    this.doc.addPage();
    drawFirstPageHead(this.doc, spec);
  }

  get y(): number {
    return this.doc.y;
  }

  /** Starts a new page unless `height` points still fit on this one. */
  ensureSpace(height: number): void {
    if (this.doc.y + height > BODY_BOTTOM) this.doc.addPage();
  }

  heading(text: string): void {
    this.ensureSpace(40);
    this.doc.moveDown(0.6);
    this.doc.font(BOLD).fontSize(10.5).fillColor(ACCENT).text(text, LEFT, this.doc.y, { width: WIDTH });
    this.doc.moveDown(0.25);
    this.doc.fillColor(INK);
  }

  paragraph(text: string, options: { size?: number; bold?: boolean; color?: string } = {}): void {
    const size = options.size ?? 9.5;
    this.doc
      .font(options.bold ? BOLD : FONT)
      .fontSize(size)
      .fillColor(options.color ?? INK);
    this.ensureSpace(this.doc.heightOfString(text, { width: WIDTH }) > 120 ? 30 : size * 2);
    this.doc.text(text, LEFT, this.doc.y, { width: WIDTH, lineGap: 1.5 });
    this.doc.moveDown(0.4);
    this.doc.fillColor(INK);
  }

  /** Numbered clauses, each a short paragraph. */
  clauses(items: Array<[string, string]>): void {
    items.forEach(([title, text], i) => {
      const full = `${i + 1}. ${title}: ${text}`;
      this.doc.font(FONT).fontSize(8.5);
      this.ensureSpace(this.doc.heightOfString(full, { width: WIDTH }) + 4);
      this.doc.font(BOLD).text(`${i + 1}. ${title}: `, LEFT, this.doc.y, { width: WIDTH, continued: true, lineGap: 1 });
      this.doc.font(FONT).text(text, { lineGap: 1 });
      this.doc.moveDown(0.25);
    });
  }

  /** Signature lines side by side: place and date above, who signs below. */
  signatures(labels: string[], placeAndDate: string): void {
    this.ensureSpace(56);
    this.doc.moveDown(0.6);
    const y = this.doc.y + 26;
    const gap = 24;
    const width = (WIDTH - gap * (labels.length - 1)) / labels.length;
    labels.forEach((label, i) => {
      const x = LEFT + i * (width + gap);
      this.doc
        .font(FONT)
        .fontSize(9)
        .fillColor(INK)
        .text(placeAndDate, x, y - 14, { width, lineBreak: false });
      this.doc
        .moveTo(x, y)
        .lineTo(x + width, y)
        .lineWidth(0.6)
        .strokeColor(INK)
        .stroke();
      this.doc
        .fontSize(8)
        .fillColor(MUTED)
        .text(label, x, y + 4, { width });
    });
    this.doc.fillColor(INK);
    this.doc.x = LEFT;
    this.doc.y = y + 18;
  }

  /** Writes every page's footer and page number and returns the file. */
  async finish(): Promise<Buffer> {
    const chunks: Buffer[] = [];
    this.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    const done = new Promise<void>((resolve, reject) => {
      this.doc.on('end', resolve);
      this.doc.on('error', reject);
    });
    const { start, count } = this.doc.bufferedPageRange();
    for (let i = start; i < start + count; i++) {
      this.doc.switchToPage(i);
      drawFooter(this.doc, this.spec.letterhead, i - start + 1, count);
    }
    this.doc.end();
    await done;
    return Buffer.concat(chunks);
  }

  private continuationHead(): void {
    const { doc, spec } = this;
    if (doc.bufferedPageRange().count <= 1) return;
    doc
      .font(FONT)
      .fontSize(8)
      .fillColor(MUTED)
      .text(`${spec.letterhead.companyName} · ${spec.title} · ${formatGermanDate(spec.date)}`, LEFT, 15 * MM, {
        width: WIDTH,
        lineBreak: false,
      });
    doc
      .moveTo(LEFT, 20 * MM)
      .lineTo(RIGHT, 20 * MM)
      .lineWidth(0.4)
      .strokeColor('#c8ccd0')
      .stroke();
    doc.fillColor(INK).font(FONT).fontSize(9.5);
    doc.x = LEFT;
    doc.y = NEXT_BODY_TOP;
  }
}

/** The sender line's room: the address window's width less its margins. */
const SENDER_WIDTH = 85 * MM;
const SENDER_SIZE = 7;
/** Below this the line is no longer legible through the window. */
const SENDER_MIN_SIZE = 5.5;

/**
 * The sender line on one line, as DIN 5008 wants it: a long address first gets a smaller font,
 * down to a legible minimum, then loses its end to an ellipsis. A second line would run into
 * the recipient's address.
 */
export function fitOneLine(
  doc: PDFKit.PDFDocument,
  text: string,
  width: number,
  size = SENDER_SIZE,
  minSize = SENDER_MIN_SIZE,
): { text: string; size: number } {
  doc.font(FONT);
  for (let at = size; at >= minSize; at = Math.round((at - 0.25) * 100) / 100) {
    if (doc.fontSize(at).widthOfString(text) <= width) return { text, size: at };
  }
  doc.fontSize(minSize);
  const chars = [...text];
  let keep = chars.length;
  while (keep > 0 && doc.widthOfString(`${chars.slice(0, keep).join('').trimEnd()}…`) > width) keep--;
  return { text: `${chars.slice(0, keep).join('').trimEnd()}…`, size: minSize };
}

/** The first page's head: letterhead, sender line, address window, information block and title. */
export function drawFirstPageHead(
  doc: PDFKit.PDFDocument,
  spec: Omit<LetterSpec, 'fileTitle'>,
  /** The logo opened once with doc.openImage, so a mail merge embeds it once, not on every page. */
  openedLogo?: unknown,
): void {
  const lh = spec.letterhead;
  if (openedLogo || lh.logo) {
    try {
      doc.image((openedLogo ?? lh.logo) as Buffer, RIGHT - 60 * MM, 12 * MM, {
        fit: [60 * MM, 22 * MM],
        align: 'right',
      });
    } catch {
      // A logo pdfkit cannot read prints as no logo rather than no document.
    }
  }
  doc
    .font(BOLD)
    .fontSize(13)
    .fillColor(ACCENT)
    .text(lh.companyName, LEFT, 14 * MM, { width: 100 * MM });
  doc
    .font(FONT)
    .fontSize(8.5)
    .fillColor(MUTED)
    .text([`${lh.street} · ${lh.postalCode} ${lh.city}`, ...contactLines(lh)].join('\n'), LEFT, doc.y + 2, {
      width: 100 * MM,
      lineGap: 1,
    });

  // The sender line sits in the window's top zone, small and underlined (DIN 5008).
  const windowTop = 45 * MM;
  const sender = fitOneLine(doc, `${lh.companyName} · ${lh.street} · ${lh.postalCode} ${lh.city}`, SENDER_WIDTH);
  doc
    .font(FONT)
    .fontSize(sender.size)
    .fillColor(MUTED)
    // The width only carries the underline: the text was measured to fit, a point spare for rounding.
    .text(sender.text, LEFT, windowTop + 5 * MM, { width: SENDER_WIDTH + 1, underline: true, lineBreak: false });
  doc
    .font(FONT)
    .fontSize(10)
    .fillColor(INK)
    .text(spec.recipient.join('\n'), LEFT, windowTop + 12.7 * MM, { width: 80 * MM, lineGap: 1.5 });

  let y = windowTop + 5 * MM;
  const rows: Array<[string, string]> = [['Datum', formatGermanDate(spec.date)], ...spec.info];
  for (const [label, value] of rows) {
    doc.font(FONT).fontSize(8).fillColor(MUTED).text(label, INFO_LEFT, y, { width: INFO_LABEL, lineBreak: false });
    doc
      .font(FONT)
      .fontSize(8.5)
      .fillColor(INK)
      .text(value, INFO_LEFT + INFO_LABEL, y, { width: RIGHT - INFO_LEFT - INFO_LABEL });
    y = Math.max(doc.y + 1.5, y + 11.5);
  }

  doc.font(BOLD).fontSize(15).fillColor(ACCENT).text(spec.title, LEFT, FIRST_BODY_TOP, { width: WIDTH });
  doc.moveDown(0.5);
  doc.fillColor(INK).font(FONT).fontSize(9.5);
}

/** The footer with register, VAT and bank data and "Seite n von m", drawn on the current page. */
export function drawFooter(doc: PDFKit.PDFDocument, lh: PrintedLetterhead, page: number, pages: number | null): void {
  // Below the body's bottom margin: lift it while writing, or pdfkit would start a new page.
  const margin = doc.page.margins.bottom;
  doc.page.margins.bottom = 0;
  doc
    .moveTo(LEFT, FOOTER_TOP - 3)
    .lineTo(RIGHT, FOOTER_TOP - 3)
    .lineWidth(0.4)
    .strokeColor('#c8ccd0')
    .stroke();
  const columns = footerColumns(lh).filter((c) => c.length > 0);
  const width = WIDTH / Math.max(columns.length, 1);
  columns.forEach((lines, i) => {
    doc
      .font(FONT)
      .fontSize(6.8)
      .fillColor(MUTED)
      .text(lines.join('\n'), LEFT + i * width, FOOTER_TOP + 2, { width: width - 6, lineGap: 0.5 });
  });
  if (pages !== null)
    doc
      .font(FONT)
      .fontSize(8)
      .fillColor(MUTED)
      .text(`Seite ${page} von ${pages}`, LEFT, PAGE.height - 9 * MM, {
        width: WIDTH,
        align: 'right',
        lineBreak: false,
      });
  doc.page.margins.bottom = margin;
}

function contactLines(lh: PrintedLetterhead): string[] {
  const phone = [lh.phone && `Tel. ${lh.phone}`, lh.email].filter(Boolean).join(' · ');
  return [phone, lh.web ?? ''].filter(Boolean);
}

/** Characters WinAnsi (Helvetica's encoding here) carries besides Latin-1. */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const LOOKALIKES: Record<string, string> = { '″': '"', '′': "'", '−': '-', '‐': '-', '\u00AD': '', '\u202F': ' ' };

/** The text with every character WinAnsi cannot encode replaced by a look-alike or "?". */
export function printable(value: unknown): string {
  let out = '';
  for (const ch of String(value)) {
    const code = ch.codePointAt(0)!;
    if (code < 0x100 || WIN_ANSI_EXTRA.has(ch)) out += ch;
    else out += LOOKALIKES[ch] ?? '?';
  }
  return out;
}

/** The footer's columns: address, register, bank, management; empty ones are left out. */
function footerColumns(lh: PrintedLetterhead): string[][] {
  const present = (lines: Array<string | null | false>) => lines.filter((l): l is string => Boolean(l));
  return [
    present([lh.companyName, lh.street, `${lh.postalCode} ${lh.city}`, lh.phone && `Tel. ${lh.phone}`]),
    present([
      lh.registerCourt && `Registergericht: ${lh.registerCourt}`,
      lh.registerNumber,
      lh.vatId && `USt-IdNr.: ${lh.vatId}`,
      lh.email,
      lh.web,
    ]),
    present([lh.bankName, lh.iban && 'IBAN:', lh.iban && groupIban(lh.iban), lh.bic && `BIC: ${lh.bic}`]),
    present([lh.managingDirectors && 'Geschäftsführung:', lh.managingDirectors]),
  ];
}
