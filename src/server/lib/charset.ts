import iconv from 'iconv-lite';

/**
 * Bytes to text in a named charset, as mail and browsers read it.
 *
 * Node's own TextDecoder reads "windows-1252" as ISO-8859-1 and so turns €, –, „ and “
 * (bytes 0x80–0x9F) into invisible control characters; iconv-lite decodes the real code page.
 * Senders that say ISO-8859-1 or ASCII mostly write Windows-1252 (the WHATWG encoding standard
 * reads those labels so), which decodes ISO-8859-1 text the same and keeps the euro sign.
 * Text labelled UTF-8 that is not valid UTF-8 is read as Windows-1252, the usual culprit for
 * German umlauts; an unknown label is read as UTF-8.
 */
export function decodeBytes(bytes: Uint8Array, label: string | null | undefined): string {
  const charset = canonical(label);
  if (charset !== 'utf-8') return iconv.decode(Buffer.from(bytes), charset);
  const utf8 = decodeUtf8(bytes);
  return utf8 ?? iconv.decode(Buffer.from(bytes), 'windows-1252');
}

/** The bytes as UTF-8, or null when they are not valid UTF-8. A byte-order mark is dropped. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The charset parameter of a Content-Type header ('text/xml; charset="ISO-8859-1"' → 'iso-8859-1'). */
export function charsetParam(contentType: string | null | undefined): string | null {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
  return match ? match[1]!.toLowerCase() : null;
}

const WINDOWS_1252_ALIASES = new Set([
  'iso-8859-1',
  'iso8859-1',
  'iso_8859-1',
  'latin1',
  'latin-1',
  'l1',
  'ascii',
  'us-ascii',
  'cp1252',
  'windows-1252',
  'x-cp1252',
]);

function canonical(label: string | null | undefined): string {
  const value = (label ?? '').trim().toLowerCase();
  if (!value || /^utf-?8$/.test(value)) return 'utf-8';
  if (WINDOWS_1252_ALIASES.has(value)) return 'windows-1252';
  return iconv.encodingExists(value) ? value : 'utf-8';
}
