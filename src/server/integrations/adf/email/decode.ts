/** Byte-level decoders for mail bodies: quoted-printable and base64. Charsets: see lib/charset. */

import { decodeBytes } from '@server/lib/charset.js';

/**
 * Quoted-printable (RFC 2045) to bytes: "=\n" soft line breaks vanish, "=3D" and friends become
 * bytes. Other characters are bytes themselves when `text` holds a mail's raw bytes (one
 * character per byte); in text decoded half-way by some gateway they are kept as their UTF-8
 * bytes, so the result is decoded once, as a whole, in its charset.
 */
export function quotedPrintableBytes(text: string, rawBytes = false): Uint8Array {
  const unfolded = text.replace(/=[ \t]*\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < unfolded.length; i++) {
    const ch = unfolded[i]!;
    const hex = ch === '=' ? unfolded.slice(i + 1, i + 3) : '';
    if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else if (rawBytes) {
      bytes.push(ch.charCodeAt(0) & 0xff);
    } else {
      bytes.push(...Buffer.from(ch, 'utf8'));
    }
  }
  return Uint8Array.from(bytes);
}

export const decodeQuotedPrintable = (text: string, charset = 'utf-8') =>
  decodeBytes(quotedPrintableBytes(text), charset);

export const base64Bytes = (text: string): Uint8Array => Buffer.from(text.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');

/** Quoted-printable leaves tell-tale signs: soft line breaks or an encoded "=" / umlaut. */
export const looksQuotedPrintable = (text: string) => /=\r?\n|=3D|=C3=[89AB][0-9A-F]|=20\r?$/im.test(text);
