import { decodeBytes, decodeUtf8 } from '@server/lib/charset';

/**
 * Turns an uploaded file's bytes into text. German spreadsheets saved as CSV
 * are often Windows-1252 (Excel's default there); UTF-8 may or may not carry
 * a byte-order mark. Bytes that are not valid UTF-8 mean Windows-1252, with
 * its €, – and „ “ (see lib/charset: Node's own decoder would drop them).
 */
export function decodeText(buffer: Buffer): string {
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) {
    return new TextDecoder('utf-8').decode(buffer.subarray(3));
  }
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return new TextDecoder('utf-16le').decode(buffer.subarray(2));
  return decodeUtf8(buffer) ?? decodeBytes(buffer, 'windows-1252');
}

const CANDIDATES = [';', ',', '\t'] as const;

/**
 * The delimiter of a CSV: the candidate that splits the first lines into the
 * same, largest number of fields (quoted text is ignored while counting).
 */
export function detectDelimiter(text: string): string {
  const lines = text
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .slice(0, 20);
  let best: string = ';';
  let bestScore = 0;
  for (const candidate of CANDIDATES) {
    const counts = lines.map((line) => line.replace(/"[^"]*"/g, '').split(candidate).length - 1);
    const first = counts[0] ?? 0;
    if (first === 0) continue;
    const consistent = counts.filter((c) => c === first).length / counts.length;
    const score = first * consistent;
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}
