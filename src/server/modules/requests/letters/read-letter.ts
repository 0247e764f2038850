import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LETTER_MAX_PAGES, LETTER_TEXT_MAX, type LetterNote } from '@shared/requests/letters';
import { recognise } from './ocr';
import { readTextLayer } from './pdf-layer';
import { renderPage } from './render';

export interface ReadingTools {
  tesseract: string;
  pdftoppm: string;
  /** For each program run and for the PDF parser. */
  timeoutMs: number;
}

export interface LetterReading {
  status: 'read' | 'unread';
  source: 'text_layer' | 'ocr' | 'mixed' | null;
  confidence: number | null;
  pages: number | null;
  text: string | null;
  notes: LetterNote[];
}

/** A page whose own text holds a word is taken as it is; a scan's PDF has no words, or only a stray mark. */
const HAS_WORDS = /\p{L}{2,}/u;

const note = (key: LetterNote['key'], params: LetterNote['params'] = {}): LetterNote => ({ key, params });

/**
 * Reads a scanned letter: the PDF's own text first, OCR (German) for the pages
 * without one and for photos. Whatever cannot be read becomes a note saying
 * why; nothing here throws for a bad file. The whole reading has a budget of
 * a few program runs, so a letter of many slow pages cannot hold the worker.
 */
export async function readLetter(
  file: { contentType: string; content: Buffer },
  tools: ReadingTools,
): Promise<LetterReading> {
  const dir = await mkdtemp(path.join(tmpdir(), 'crm-letter-'));
  try {
    if (file.contentType === 'application/pdf') return await readPdf(file.content, tools, dir);
    if (file.contentType === 'image/heic') return finish([], [note('imageUnsupported')], null);
    const imagePath = path.join(dir, file.contentType === 'image/png' ? 'letter.png' : 'letter.jpg');
    await writeFile(imagePath, file.content);
    const ocr = await recognise(tools.tesseract, imagePath, tools.timeoutMs);
    if (ocr.kind === 'missing') return finish([], [note('ocrMissing')], null);
    if (ocr.kind === 'timed_out') return finish([], [note('timedOut')], null);
    if (ocr.kind === 'failed') return finish([], [note('fileUnreadable')], null);
    return finish([{ text: ocr.text, by: 'ocr', confidence: ocr.confidence }], [], 1);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

interface PageText {
  text: string;
  by: 'text_layer' | 'ocr';
  confidence: number | null;
}

async function readPdf(content: Buffer, tools: ReadingTools, dir: string): Promise<LetterReading> {
  const layer = await readTextLayer(content, LETTER_MAX_PAGES, tools.timeoutMs);
  if (layer.kind === 'timed_out') return finish([], [note('timedOut')], null);
  if (layer.kind === 'unreadable') return finish([], [note('fileUnreadable')], null);

  const notes: LetterNote[] = [];
  const pages: PageText[] = [];
  const pdfPath = path.join(dir, 'letter.pdf');
  let written = false;
  // OCR is given up for the rest once a program is missing or the budget is spent.
  let ocrBlocked = false;
  const budgetEnds = performance.now() + tools.timeoutMs * 4;

  for (const [index, own] of layer.pages.entries()) {
    const page = index + 1;
    if (HAS_WORDS.test(own)) {
      pages.push({ text: own, by: 'text_layer', confidence: null });
      continue;
    }
    if (ocrBlocked) {
      notes.push(note('pageUnreadable', { page }));
      continue;
    }
    if (performance.now() > budgetEnds) {
      notes.push(note('timedOut'));
      notes.push(note('pageUnreadable', { page }));
      ocrBlocked = true;
      continue;
    }
    if (!written) {
      await writeFile(pdfPath, content);
      written = true;
    }
    const image = await renderPage(tools.pdftoppm, pdfPath, page, dir, tools.timeoutMs);
    if (image.kind === 'missing') {
      notes.push(note('rendererMissing'), note('pageUnreadable', { page }));
      ocrBlocked = true;
      continue;
    }
    if (image.kind !== 'ok') {
      notes.push(note('pageUnreadable', { page }));
      continue;
    }
    const ocr = await recognise(tools.tesseract, image.imagePath, tools.timeoutMs);
    await rm(image.imagePath, { force: true });
    if (ocr.kind === 'missing') {
      notes.push(note('ocrMissing'), note('pageUnreadable', { page }));
      ocrBlocked = true;
    } else if (ocr.kind !== 'ok' || !HAS_WORDS.test(ocr.text)) {
      notes.push(note('pageUnreadable', { page }));
    } else {
      pages.push({ text: ocr.text, by: 'ocr', confidence: ocr.confidence });
    }
  }
  if (layer.pageCount > LETTER_MAX_PAGES) {
    notes.push(note('pagesSkipped', { from: LETTER_MAX_PAGES + 1, to: layer.pageCount, max: LETTER_MAX_PAGES }));
  }
  return finish(pages, dedupe(notes), layer.pageCount);
}

/** "Tesseract is missing" once, not once per page. */
function dedupe(notes: LetterNote[]): LetterNote[] {
  const seen = new Set<string>();
  return notes.filter((n) => {
    const key = `${n.key}:${JSON.stringify(n.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function finish(pages: PageText[], notes: LetterNote[], pageCount: number | null): LetterReading {
  let text = pages
    .map((p) => p.text.trim())
    .filter(Boolean)
    .join('\n\n')
    // A NUL cannot be stored as text; a PDF's text layer may carry one.
    .replaceAll('\u0000', '');
  if (text.length > LETTER_TEXT_MAX) {
    text = text.slice(0, LETTER_TEXT_MAX);
    notes.push(note('truncated', { max: LETTER_TEXT_MAX }));
  }
  const byOcr = pages.filter((p) => p.by === 'ocr');
  const byLayer = pages.filter((p) => p.by === 'text_layer');
  const confidences = byOcr.map((p) => p.confidence).filter((c): c is number => c !== null);
  if (!text && notes.length === 0) notes.push(note('noText'));
  return {
    status: text ? 'read' : 'unread',
    source: !text ? null : byOcr.length && byLayer.length ? 'mixed' : byOcr.length ? 'ocr' : 'text_layer',
    confidence: confidences.length ? Math.round(confidences.reduce((a, b) => a + b, 0) / confidences.length) : null,
    pages: pageCount,
    text: text || null,
    notes,
  };
}
