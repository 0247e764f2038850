import { runProgram } from './run-program';

export type OcrResult =
  | { kind: 'ok'; text: string; confidence: number | null }
  | { kind: 'missing' }
  | { kind: 'timed_out' }
  | { kind: 'failed' };

/**
 * Reads German text from one image file with Tesseract. The TSV output gives
 * each word with its confidence; the lines and paragraphs are put back
 * together from its block, paragraph and line numbers.
 */
export async function recognise(tesseract: string, imagePath: string, timeoutMs: number): Promise<OcrResult> {
  const result = await runProgram(tesseract, [imagePath, 'stdout', '-l', 'deu', 'tsv'], timeoutMs);
  if (result.kind !== 'ok') return result.kind === 'failed' ? { kind: 'failed' } : result;
  return { kind: 'ok', ...fromTsv(result.stdout) };
}

/** Text and mean word confidence (0–100) from Tesseract's TSV. */
export function fromTsv(tsv: string): { text: string; confidence: number | null } {
  const paragraphs: string[][] = [];
  let lines: string[] = [];
  let words: string[] = [];
  let lastPar = '';
  let lastLine = '';
  let sum = 0;
  let count = 0;
  const endLine = () => {
    if (words.length > 0) lines.push(words.join(' '));
    words = [];
  };
  const endParagraph = () => {
    endLine();
    if (lines.length > 0) paragraphs.push(lines);
    lines = [];
  };
  for (const row of tsv.split('\n').slice(1)) {
    const cells = row.split('\t');
    // level page block par line word left top width height conf text
    if (cells.length < 12 || cells[0] !== '5') continue;
    const word = cells.slice(11).join('\t').trim();
    const confidence = Number(cells[10]);
    if (!word || !(confidence >= 0)) continue;
    const par = `${cells[1]}.${cells[2]}.${cells[3]}`;
    const line = `${par}.${cells[4]}`;
    if (par !== lastPar) endParagraph();
    else if (line !== lastLine) endLine();
    lastPar = par;
    lastLine = line;
    words.push(word);
    sum += confidence;
    count++;
  }
  endParagraph();
  return {
    text: paragraphs.map((p) => p.join('\n')).join('\n\n'),
    confidence: count > 0 ? Math.round(sum / count) : null,
  };
}
