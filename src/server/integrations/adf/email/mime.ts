import { decodeBytes } from '@server/lib/charset.js';
import { declaredEncoding } from '../bytes.js';
import { base64Bytes, quotedPrintableBytes } from './decode.js';

/**
 * Just enough RFC 822 / MIME to get at the text of every part of a lead mail: headers are
 * unfolded, multiparts are walked recursively (a forwarded message/rfc822 too), and each leaf
 * is decoded from base64, quoted-printable or 8 bit in its charset — the part's, else the
 * one its XML declares, else UTF-8.
 *
 * The message comes as its raw bytes, one character per byte (latin1), so that an 8-bit
 * body in ISO-8859-1 arrives here intact and is decoded once, in its own charset.
 */

export interface MailPart {
  contentType: string;
  filename: string | null;
  text: string;
}

interface Headers {
  [name: string]: string;
}

const HEADER_LINE = /^[A-Za-z][A-Za-z0-9-]*:/;

/** True when the text starts with a header block that a mail would have. */
export function looksLikeMessage(raw: string): boolean {
  const head = splitMessage(raw)?.head;
  if (!head) return false;
  const headers = parseHeaders(head);
  return ['content-type', 'mime-version', 'from', 'received', 'subject', 'message-id'].some((h) => h in headers);
}

export function mailParts(raw: string, depth = 0): MailPart[] {
  const split = splitMessage(raw);
  if (!split || depth > 8) return [{ contentType: 'text/plain', filename: null, text: decodeBody(raw, {}, undefined) }];
  const headers = parseHeaders(split.head);
  const [type, params] = parseParams(headers['content-type'] ?? 'text/plain');
  if (type.startsWith('multipart/') && params.boundary) {
    return bodiesBetween(split.body, params.boundary).flatMap((part) => mailParts(part, depth + 1));
  }
  if (type === 'message/rfc822') return mailParts(split.body, depth + 1);
  const [, disposition] = parseParams(headers['content-disposition'] ?? '');
  const filename = disposition.filename ?? params.name ?? null;
  return [{ contentType: type, filename, text: decodeBody(split.body, headers, params.charset) }];
}

function splitMessage(raw: string): { head: string; body: string } | null {
  const match = /\r?\n\r?\n/.exec(raw);
  if (!match) return null;
  const head = raw.slice(0, match.index);
  if (!HEADER_LINE.test(head)) return null;
  return { head, body: raw.slice(match.index + match[0].length) };
}

function parseHeaders(head: string): Headers {
  const headers: Headers = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    headers[name] ??= line.slice(colon + 1).trim();
  }
  return headers;
}

/** 'text/plain; charset="utf-8"' → ['text/plain', { charset: 'utf-8' }]. */
function parseParams(value: string): [string, Record<string, string>] {
  const [first, ...rest] = value.split(';');
  const params: Record<string, string> = {};
  for (const piece of rest) {
    const eq = piece.indexOf('=');
    if (eq < 0) continue;
    const key = piece.slice(0, eq).trim().toLowerCase().replace(/\*$/, '');
    params[key] = piece
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .replace(/^utf-8''/i, '');
  }
  return [(first ?? '').trim().toLowerCase(), params];
}

function bodiesBetween(body: string, boundary: string): string[] {
  const escaped = boundary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const sections = body.split(new RegExp(`^--${escaped}(?:--)?[ \\t]*\\r?$`, 'm'));
  // The first section is the preamble, the last the epilogue after the closing delimiter.
  return sections.slice(1, -1).map((s) => s.replace(/^\r?\n/, ''));
}

function decodeBody(body: string, headers: Headers, charset: string | undefined): string {
  const encoding = (headers['content-transfer-encoding'] ?? '').toLowerCase();
  const bytes =
    encoding === 'base64'
      ? base64Bytes(body)
      : encoding === 'quoted-printable'
        ? quotedPrintableBytes(body, true)
        : Buffer.from(body, 'latin1');
  return decodeBytes(bytes, charset ?? declaredEncoding(bytes) ?? 'utf-8');
}
