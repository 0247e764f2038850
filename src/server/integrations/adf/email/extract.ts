import { decodeBytes } from '@server/lib/charset.js';
import { declaredEncoding } from '../bytes.js';
import { decodeEntities } from '../entities.js';
import { decodeQuotedPrintable, looksQuotedPrintable } from './decode.js';
import { looksLikeMessage, mailParts, type MailPart } from './mime.js';

/**
 * Finds the ADF document inside a lead e-mail: either the body text alone or a whole RFC 822
 * message, as the bytes that arrived (or as text). In order, and only where the signs are there:
 * 1. a whole message is split into its parts (multipart, base64 / quoted-printable, charsets);
 *    XML attachments are searched first, then text/plain, then text/html;
 * 2. quoted-printable leftovers ("=\n", "=3D") are decoded;
 * 3. HTML around the XML is stripped and an HTML-escaped document (&lt;adf&gt;) unescaped;
 * 4. the document is cut from its <?xml / <?adf instruction, or <adf>, to the last </adf>
 *    (a bare <prospect>…</prospect> is taken when there is no <adf>).
 * Returns null when no ADF is found.
 */
export function extractAdfFromEmail(raw: string | Uint8Array): string | null {
  const bytes = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : Buffer.from(raw);
  // One character per byte: headers and boundaries are ASCII, each part is decoded in its charset.
  const message = bytes.toString('latin1');
  if (looksLikeMessage(message)) {
    for (const part of [...mailParts(message)].sort((a, b) => rank(a) - rank(b))) {
      const found = findAdfInText(part.text);
      if (found) return found;
    }
  }
  return findAdfInText(decodeBytes(bytes, declaredEncoding(bytes) ?? 'utf-8'));
}

function rank(part: MailPart): number {
  if (/xml/.test(part.contentType) || /\.(xml|adf)$/i.test(part.filename ?? '')) return 0;
  if (part.contentType === 'text/plain') return 1;
  if (part.contentType === 'text/html') return 2;
  return 3;
}

const ESCAPED_ADF = /&lt;\s*(adf|prospect)[\s&]/i;
const HTML_TAG_NAMES =
  '(html|head|body|meta|title|style|div|p|span|font|b|i|u|strong|em|pre|code|tt|table|thead|tbody|tr|td|th|a|blockquote|center|small|big|hr|br|img|o:p)';
const HTML_TAGS = new RegExp(`<\\/?${HTML_TAG_NAMES}\\b[^>]*>`, 'gi');
const HAS_HTML_TAG = new RegExp(`<\\/?${HTML_TAG_NAMES}\\b[^>]*>`, 'i');

export function findAdfInText(text: string): string | null {
  let body = text;
  if (looksQuotedPrintable(body)) body = decodeQuotedPrintable(body);
  if (!/<\s*(adf|prospect)[\s>]/i.test(body) || ESCAPED_ADF.test(body) || HAS_HTML_TAG.test(body)) {
    body = stripHtml(body);
  }
  return cutDocument(body);
}

/**
 * HTML tags go (line-breaking ones become line breaks, <style> blocks vanish); then, if the
 * XML was escaped to be shown as text, one level of escaping is undone.
 */
function stripHtml(text: string): string {
  const withoutTags = withoutStyleBlocks(text)
    .replace(/<br\s*\/?>|<\/(p|div|tr|pre)>/gi, '\n')
    .replace(HTML_TAGS, '');
  return ESCAPED_ADF.test(withoutTags) ? decodeEntities(withoutTags) : withoutTags;
}

/**
 * Removes each <style>…</style> block. One search each for a start and an end, moving forward:
 * a lazy pattern would look for the end again from every unclosed <style, quadratic in a
 * body made of them.
 */
function withoutStyleBlocks(text: string): string {
  const start = /<style/gi;
  const end = /<\/style>/gi;
  let out = '';
  let copiedUpTo = 0;
  for (let open = start.exec(text); open; open = start.exec(text)) {
    end.lastIndex = open.index + open[0].length;
    const close = end.exec(text);
    if (!close) break;
    out += text.slice(copiedUpTo, open.index);
    copiedUpTo = start.lastIndex = close.index + close[0].length;
  }
  return out + text.slice(copiedUpTo);
}

function cutDocument(text: string): string | null {
  const root = /<\s*adf[\s>/]/i.exec(text) ?? /<\s*prospect[\s>/]/i.exec(text);
  if (!root) return null;
  const closing = root[0].toLowerCase().includes('adf') ? /<\/\s*adf\s*>/gi : /<\/\s*prospect\s*>/gi;
  let end = -1;
  for (const match of text.matchAll(closing)) end = match.index + match[0].length;
  if (end < root.index) end = text.length;
  return text.slice(leadingInstructions(text, root.index), end).trim();
}

/**
 * Moves the start back over <?xml …?> / <?adf …?> instructions directly before the root
 * (white space between them allowed), reading backwards once: an instruction's text holds no
 * "?", so its "<?" is the last "?" before its "?>".
 */
function leadingInstructions(text: string, rootIndex: number): number {
  let start = rootIndex;
  for (;;) {
    let end = start;
    while (end > 0 && /\s/.test(text[end - 1]!)) end--;
    if (end < 2 || !text.startsWith('?>', end - 2)) return start;
    const opening = text.lastIndexOf('?', end - 3);
    if (opening < 1 || text[opening - 1] !== '<') return start;
    start = opening - 1;
  }
}
