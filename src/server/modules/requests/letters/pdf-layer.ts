import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export type PdfLayer =
  { kind: 'ok'; pageCount: number; pages: string[] } | { kind: 'unreadable' } | { kind: 'timed_out' };

/**
 * The PDF's own text, page by page (at most `maxPages`), lines kept as lines.
 * A damaged or hostile file is unreadable rather than an error; a file that
 * keeps the parser busy past the timeout is given up.
 */
export async function readTextLayer(pdf: Buffer, maxPages: number, timeoutMs: number): Promise<PdfLayer> {
  const task = getDocument({
    data: new Uint8Array(pdf),
    useSystemFonts: false,
    isEvalSupported: false,
    disableFontFace: true,
    stopAtErrors: false,
    verbosity: 0,
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<PdfLayer>((resolve) => {
    timer = setTimeout(() => resolve({ kind: 'timed_out' }), timeoutMs);
  });
  const read = (async (): Promise<PdfLayer> => {
    const doc = await task.promise;
    const pages: string[] = [];
    for (let i = 1; i <= Math.min(doc.numPages, maxPages); i++) {
      const page = await doc.getPage(i);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        text += item.str + (item.hasEOL ? '\n' : '');
      }
      pages.push(tidy(text));
      page.cleanup();
    }
    return { kind: 'ok', pageCount: doc.numPages, pages };
  })().catch((): PdfLayer => ({ kind: 'unreadable' }));
  try {
    return await Promise.race([read, timeout]);
  } finally {
    clearTimeout(timer);
    await task.destroy().catch(() => undefined);
  }
}

/** Spaces within lines collapsed, empty lines at most one in a row. */
export function tidy(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
