import { isKnownReference } from './entities.js';

/**
 * The tolerant repairs of an ADF document (see document.ts), in one forward
 * pass. Every construct is looked at once: an unterminated `<!--`, `<?`,
 * `<![CDATA[` or `<!DOCTYPE [` searches for its end only until it is known
 * there is none after some point, never again from every later occurrence —
 * with one regular expression per document, a megabyte of them took minutes.
 *
 * What the pass does, construct by construct:
 * - comments and CDATA sections are kept exactly as they are;
 * - processing instructions and a DOCTYPE are blanked out (line breaks kept);
 * - start and end tags get their names in lower case and unquoted attribute values quoted;
 * - a `<` that starts no tag becomes `&lt;`, a `&` that starts no known reference `&amp;`.
 * A construct without its end is left as it is, for the well-formedness check to name.
 */
export function repairAdf(source: string): string {
  const ends = new ForwardSearch(source);
  let out = '';
  let copiedUpTo = 0;
  const emit = (from: number, replacement: string, to: number) => {
    out += source.slice(copiedUpTo, from) + replacement;
    copiedUpTo = to;
  };

  let at = 0;
  while (at < source.length) {
    const next = firstOf(ends.find('<', at), ends.find('&', at));
    if (next === -1) break;
    at = next;
    if (source[at] === '&') {
      REFERENCE.lastIndex = at;
      const reference = REFERENCE.exec(source);
      if (reference && isKnownReference(reference[1]!)) {
        at += reference[0].length;
      } else {
        emit(at, '&amp;', at + 1);
        at += 1;
      }
      continue;
    }
    const end = markupEnd(source, at, ends);
    if (end === null) {
      at += 1;
      continue;
    }
    const token = source.slice(at, end);
    if (token === '<') emit(at, '&lt;', end);
    else if (token.startsWith('<?') || /^<!DOCTYPE/i.test(token)) emit(at, blankOut(token), end);
    else if (!token.startsWith('<!')) emit(at, repairTag(token), end);
    at = end;
  }
  return out + source.slice(copiedUpTo);
}

const REFERENCE = /&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);/iy;
const TAG = /<\/?[A-Za-z_][^<>]*>/y;
const DOCTYPE = /<!DOCTYPE/iy;

/** The earlier of two indexOf answers, -1 when neither was found. */
const firstOf = (a: number, b: number) => (a === -1 ? b : b === -1 ? a : Math.min(a, b));

/**
 * Where the markup starting with `<` at `at` ends (exclusive): the end of a
 * comment, CDATA section, processing instruction, DOCTYPE or tag; `at + 1`
 * for a `<` that starts none of them; null when it is unterminated.
 */
function markupEnd(source: string, at: number, ends: ForwardSearch): number | null {
  if (source.startsWith('<!--', at)) return after(ends.find('-->', at + 4), 3);
  if (source.startsWith('<![CDATA[', at)) return after(ends.find(']]>', at + 9), 3);
  if (source.startsWith('<?', at)) return after(ends.find('?>', at + 2), 2);
  DOCTYPE.lastIndex = at;
  if (DOCTYPE.test(source)) return doctypeEnd(source, at + 9, ends);
  TAG.lastIndex = at;
  if (TAG.test(source)) return TAG.lastIndex;
  const following = source[at + 1];
  return following !== undefined && /[A-Za-z_/!?]/.test(following) ? null : at + 1;
}

const after = (index: number, length: number) => (index === -1 ? null : index + length);

/**
 * `<!DOCTYPE name [internal subset] >`: with a subset, up to the first `>`
 * after its `]`; without one (or when it never closes), up to the first `>`.
 */
function doctypeEnd(source: string, from: number, ends: ForwardSearch): number | null {
  const k = firstOf(ends.find('[', from), ends.find('>', from));
  if (k !== -1 && source[k] === '[') {
    const close = ends.find(']', k + 1);
    if (close !== -1) {
      const gt = ends.find('>', close + 1);
      if (gt !== -1) return gt + 1;
    }
  }
  return after(ends.find('>', from), 1);
}

/**
 * indexOf that remembers its last answer per needle. The pass only moves
 * forward, so an answer stays good for any later start up to it — and "none"
 * stays good for every later start. Each needle's searches together read the
 * input about once.
 */
class ForwardSearch {
  private readonly last = new Map<string, { from: number; found: number }>();
  constructor(private readonly source: string) {}

  find(needle: string, from: number): number {
    const known = this.last.get(needle);
    if (known && from >= known.from && (known.found === -1 || known.found >= from)) return known.found;
    const found = this.source.indexOf(needle, from);
    this.last.set(needle, { from, found });
    return found;
  }
}

/** Spaces in place of the token, line breaks kept, so reported line numbers stay true. */
const blankOut = (token: string) => token.replace(/[^\n]/g, ' ');

function repairTag(tag: string): string {
  const match = /^<(\/?)([A-Za-z_][\w:.-]*)([\s\S]*?)(\/?)>$/.exec(tag);
  if (!match) return tag;
  const [, slash, name, attrs, selfClosing] = match;
  const quoted = (attrs ?? '').replace(/(\s[A-Za-z_][\w:.-]*)\s*=\s*([^\s"'=<>]+)/g, '$1="$2"');
  return `<${slash}${(name ?? '').toLowerCase()}${quoted}${selfClosing}>`;
}
