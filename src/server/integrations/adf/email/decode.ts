/** Byte-level decoders for mail bodies: quoted-printable, base64, and charsets. */

/**
 * Quoted-printable (RFC 2045): "=\n" soft line breaks vanish, "=3D" and friends become bytes.
 * Characters that are already beyond ASCII (a body decoded half-way by some gateway) are kept
 * as their UTF-8 bytes, so the result is decoded once, as a whole, in its charset.
 */
export function decodeQuotedPrintable(text: string, charset = 'utf-8'): string {
  const unfolded = text.replace(/=[ \t]*\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < unfolded.length; i++) {
    const ch = unfolded[i]!;
    const hex = ch === '=' ? unfolded.slice(i + 1, i + 3) : '';
    if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(ch, 'utf8'));
    }
  }
  return decodeBytes(Uint8Array.from(bytes), charset);
}

export function decodeBase64(text: string, charset = 'utf-8'): string {
  return decodeBytes(Buffer.from(text.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64'), charset);
}

/**
 * Bytes in the named charset. A body labelled UTF-8 that is not valid UTF-8 is read as
 * Windows-1252 (the usual culprit for German umlauts); an unknown charset as UTF-8.
 */
export function decodeBytes(bytes: Uint8Array, charset: string): string {
  const label = charset.trim().toLowerCase() || 'utf-8';
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    try {
      return new TextDecoder(/utf-?8/.test(label) ? 'windows-1252' : 'utf-8').decode(bytes);
    } catch {
      return new TextDecoder('utf-8').decode(bytes);
    }
  }
}

/** Quoted-printable leaves tell-tale signs: soft line breaks or an encoded "=" / umlaut. */
export const looksQuotedPrintable = (text: string) => /=\r?\n|=3D|=C3=[89AB][0-9A-F]|=20\r?$/im.test(text);
