import PDFDocument from 'pdfkit';

/** A typed letter as a PDF with its own text layer, as a letter written on a computer is scanned to PDF. */
export function letterPdf(lines: string[], options: { pages?: number } = {}): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 72, info: { Title: 'Brief' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.font('Helvetica').fontSize(12);
  for (let page = 0; page < (options.pages ?? 1); page++) {
    if (page > 0) doc.addPage();
    for (const line of lines) doc.text(line).moveDown(0.4);
  }
  doc.end();
  return done;
}
