/**
 * Decodes character references in one pass: the XML five, numeric ones, and the HTML names
 * that German lead mails actually contain (umlauts, ß, €, nbsp …). One pass matters: text that
 * was HTML-escaped once ("&amp;lt;") must come out escaped once ("&lt;"), not fully decoded.
 * Unknown names are left as they are.
 */
const NAMED: Record<string, string> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  auml: 'ä',
  ouml: 'ö',
  uuml: 'ü',
  Auml: 'Ä',
  Ouml: 'Ö',
  Uuml: 'Ü',
  szlig: 'ß',
  euro: '€',
  eacute: 'é',
  egrave: 'è',
  aacute: 'á',
  agrave: 'à',
  ccedil: 'ç',
  copy: '©',
  reg: '®',
  ndash: '–',
  mdash: '—',
  bdquo: '„',
  ldquo: '“',
  rdquo: '”',
  sbquo: '‚',
  lsquo: '‘',
  rsquo: '’',
  hellip: '…',
  middot: '·',
  deg: '°',
};

const REFERENCE = /&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);/gi;

export function decodeEntities(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(REFERENCE, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref] ?? whole;
  });
}

/** True for "&name;" that decodeEntities understands (so "&uuml;" need not be escaped again). */
export const isKnownReference = (ref: string) => /^#(x[0-9a-f]+|\d+)$/i.test(ref) || ref in NAMED;
