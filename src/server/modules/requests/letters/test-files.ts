import { execFileSync } from 'node:child_process';
import PDFDocument from 'pdfkit';
import { letterPdf } from './sample-letter';

/**
 * A scanned letter for tests: the letter typeset, then rendered to a grey PNG
 * as a scanner would (pdftoppm), small enough that OCR takes a second.
 */
export async function scannedPng(lines: string[]): Promise<Buffer> {
  const pdf = await letterPdf(lines);
  return execFileSync('pdftoppm', ['-r', '150', '-gray', '-png', '-singlefile', '-'], { input: pdf });
}

/** A PDF of scanned pages only: images, no text layer. */
export function imageOnlyPdf(pngs: Buffer[]): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  for (const png of pngs) {
    doc.addPage();
    doc.image(png, 0, 0, { width: doc.page.width, height: doc.page.height });
  }
  doc.end();
  return done;
}

/** Whether the machine can OCR: the tests that need the real Tesseract say so instead of failing obscurely. */
export function hasTesseract(): boolean {
  try {
    execFileSync('tesseract', ['--list-langs'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}
