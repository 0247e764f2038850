import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { runProgram } from './run-program';

export type RenderResult =
  { kind: 'ok'; imagePath: string } | { kind: 'missing' } | { kind: 'timed_out' } | { kind: 'failed' };

/** Resolution for OCR: enough for typed letters; the scale cap keeps a hostile page size from making a huge image. */
const DPI = '200';
const MAX_PIXELS_PER_SIDE = '2600';

/** Renders one page of a PDF to a grey PNG in `dir` with poppler's pdftoppm. */
export async function renderPage(
  pdftoppm: string,
  pdfPath: string,
  page: number,
  dir: string,
  timeoutMs: number,
): Promise<RenderResult> {
  const prefix = path.join(dir, `page-${page}`);
  const args = ['-f', String(page), '-l', String(page), '-r', DPI, '-scale-to', MAX_PIXELS_PER_SIDE, '-gray', '-png'];
  const result = await runProgram(pdftoppm, [...args, pdfPath, prefix], timeoutMs);
  if (result.kind !== 'ok') return result.kind === 'failed' ? { kind: 'failed' } : result;
  // pdftoppm pads the page number to the document's page count: page-2-2.png, page-2-02.png…
  const pattern = new RegExp(`^page-${page}-0*${page}\\.png$`);
  const file = (await readdir(dir)).find((name) => pattern.test(name));
  return file ? { kind: 'ok', imagePath: path.join(dir, file) } : { kind: 'failed' };
}
