import { decodeBytes, decodeUtf8 } from '@server/lib/charset.js';

/**
 * Text of an XML document from its bytes, in the encoding it declares: a byte-order mark, the
 * charset of the HTTP Content-Type, the XML declaration (`<?xml … encoding="ISO-8859-1"?>`), else
 * UTF-8. RFC 7303 lets the Content-Type win; but senders often label every body UTF-8 out of
 * habit, so a "UTF-8" body that is not valid UTF-8 is read as its declaration says.
 */
export function decodeXml(bytes: Uint8Array, contentTypeCharset: string | null = null): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeBytes(bytes.subarray(3), 'utf-8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeBytes(bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeBytes(bytes.subarray(2), 'utf-16be');
  const declared = declaredEncoding(bytes);
  if (!contentTypeCharset) return decodeBytes(bytes, declared ?? 'utf-8');
  if (!/^utf-?8$/i.test(contentTypeCharset)) return decodeBytes(bytes, contentTypeCharset);
  return decodeUtf8(bytes) ?? decodeBytes(bytes, declared ?? 'windows-1252');
}

/** How far into a body an XML declaration is looked for (a mail body may have a greeting first). */
const DECLARATION_SEARCH_BYTES = 4096;

/** The encoding named in an XML declaration among the first bytes; null when there is none. */
export function declaredEncoding(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, DECLARATION_SEARCH_BYTES)).toString('latin1');
  const match = /<\?xml\b[^>]*?\bencoding\s*=\s*["']?([A-Za-z][A-Za-z0-9._-]*)/i.exec(head);
  return match ? match[1]!.toLowerCase() : null;
}
