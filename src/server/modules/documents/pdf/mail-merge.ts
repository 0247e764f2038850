import PDFDocument from 'pdfkit';
import type { PrintedLetterhead } from '../letterheads';
import { drawFirstPageHead, drawFooter, FONT, INK, LEFT, PAGE, printable, WIDTH } from './letter';

/*
 * A mail merge: one single-page letter per recipient on a location's letterhead, written as a
 * stream. Unlike Letter, no page is kept once written (no "Seite n von m"): ten thousand letters
 * pass through with flat memory, and whoever reads the stream (an HTTP response, a file) sets
 * the pace through waitForReader().
 */

const MM = 72 / 25.4;
const BODY_BOTTOM = PAGE.height - 27 * MM;
/** Bytes the reader may fall behind before the writer waits. */
const BACKLOG = 1 << 20;

export interface MergedLetter {
  title: string;
  /** The address window's lines, name first. */
  recipient: string[];
  info: Array<[string, string]>;
  /** The text, paragraphs separated by blank lines; cut with "…" where a page ends. */
  body: string;
}

export class MailMerge {
  readonly doc: PDFKit.PDFDocument;
  private readonly logo: unknown;

  constructor(
    private readonly letterhead: PrintedLetterhead,
    private readonly date: Date,
    fileTitle: string,
  ) {
    this.doc = new PDFDocument({
      size: 'A4',
      bufferPages: false,
      autoFirstPage: false,
      compress: true,
      margins: { top: 30 * MM, bottom: 0, left: LEFT, right: PAGE.width - LEFT - WIDTH },
      info: {
        Title: fileTitle,
        Author: letterhead.companyName,
        Creator: 'Autohaus CRM',
        Producer: 'Autohaus CRM',
        CreationDate: date,
        ModDate: date,
      },
    });
    const text = this.doc.text.bind(this.doc) as (...args: unknown[]) => PDFKit.PDFDocument;
    Object.assign(this.doc, { text: (value: unknown, ...rest: unknown[]) => text(printable(value), ...rest) });
    let logo: unknown = null;
    try {
      logo = letterhead.logo
        ? (this.doc as unknown as { openImage(src: Buffer): unknown }).openImage(letterhead.logo)
        : null;
    } catch {
      // A logo pdfkit cannot read prints as no logo rather than no letters.
    }
    this.logo = logo;
  }

  /** Writes one recipient's page. */
  add(letter: MergedLetter): void {
    const { doc } = this;
    doc.addPage();
    drawFirstPageHead(
      doc,
      {
        letterhead: this.letterhead,
        title: letter.title,
        date: this.date,
        recipient: letter.recipient,
        info: letter.info,
      },
      this.logo ?? undefined,
    );
    doc
      .font(FONT)
      .fontSize(10)
      .fillColor(INK)
      .text(letter.body, LEFT, doc.y, {
        width: WIDTH,
        height: BODY_BOTTOM - doc.y,
        ellipsis: true,
        lineGap: 2,
        paragraphGap: 4,
      });
    drawFooter(doc, this.letterhead, 1, null);
  }

  /** Resolves once the reader has taken in what was written, so the backlog stays small. */
  async waitForReader(): Promise<void> {
    while (this.doc.readableLength > BACKLOG && !this.doc.destroyed) {
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  }

  /** Ends the file; the stream ends once the reader has all of it. */
  end(): void {
    this.doc.end();
  }
}
