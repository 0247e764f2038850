import type { InputRepair } from '@shared/text/repairs';

/*
 * What PostgreSQL (and PGlite, the same code) refuses, so that a value holding it fails the
 * whole statement on every retry:
 * - the NUL character, in text and jsonb alike;
 * - a UTF-16 surrogate without its partner inside jsonb (JSON may escape it, jsonb refuses it;
 *   in a text column the driver quietly writes U+FFFD instead);
 * - JSON nested deeper than the server's parser allows.
 * Staff input holding any of it is refused naming the field; machine input is mended and the
 * mending reported, because a lead must never be lost for a stray byte.
 */

/** Levels of nesting kept below the root; no form or lead of ours comes near. */
export const MAX_NESTING = 32;

export type Unstorable = 'nul' | 'lone_surrogate' | 'too_deep';

/** A body with thousands of bad strings is told about in this many repairs and a count. */
const MAX_REPAIRS_TOLD = 50;

// eslint-disable-next-line no-control-regex -- NUL is exactly what is looked for
const SUSPECT = /[\u0000\uD800-\uDFFF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');
// eslint-disable-next-line no-control-regex -- as above
const NUL = /\u0000/g;

/** What in a string cannot be stored, NUL first; null for almost every string, at the cost of one scan. */
export function textProblem(text: string): 'nul' | 'lone_surrogate' | null {
  if (!SUSPECT.test(text)) return null;
  if (text.includes('\u0000')) return 'nul';
  return LONE_SURROGATE.test(text) ? 'lone_surrogate' : null;
}

/** The string with NULs removed and lone surrogates replaced by U+FFFD. */
export function storableText(text: string): string {
  if (!SUSPECT.test(text)) return text;
  return text.replace(NUL, '').replace(LONE_SURROGATES, '\uFFFD');
}

/** Arrays and plain records (a parsed query has a prototype of its own); not Buffers, not Dates. */
const isContainer = (value: unknown): value is Record<string, unknown> | unknown[] =>
  Array.isArray(value) || Object.prototype.toString.call(value) === '[object Object]';

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

interface Visit {
  value: unknown;
  path: string;
  depth: number;
}

/**
 * The first value, key or level of a parsed JSON value (a request body, a query) that cannot be
 * stored, depth first. Walks without recursion and never below MAX_NESTING, so a body nested a
 * million levels deep costs no more than one nested 33.
 */
export function findUnstorable(value: unknown, root = ''): { path: string; problem: Unstorable } | null {
  const stack: Visit[] = [{ value, path: root, depth: 0 }];
  while (stack.length > 0) {
    const { value: current, path, depth } = stack.pop()!;
    if (typeof current === 'string') {
      const problem = textProblem(current);
      if (problem) return { path: path || 'body', problem };
      continue;
    }
    if (!isContainer(current)) continue;
    if (depth > MAX_NESTING) return { path: path || 'body', problem: 'too_deep' };
    const entries = Array.isArray(current) ? current.map((v, i) => [String(i), v] as const) : Object.entries(current);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i]!;
      const keyProblem = textProblem(key);
      if (keyProblem) return { path: join(path, storableText(key)), problem: keyProblem };
      stack.push({ value: child, path: join(path, key), depth: depth + 1 });
    }
  }
  return null;
}

const REPAIR_WORDS: Record<Unstorable, Pick<InputRepair, 'code' | 'message'>> = {
  nul: { code: 'nul_removed', message: 'NUL characters (U+0000) removed: they cannot be stored' },
  lone_surrogate: {
    code: 'surrogate_replaced',
    message: 'invalid characters (lone UTF-16 surrogates) replaced by U+FFFD',
  },
  too_deep: {
    code: 'nesting_cut',
    message: `nested deeper than ${MAX_NESTING} levels: the deeper part was left out`,
  },
};

const repairOf = (path: string, problem: Unstorable): InputRepair => ({
  ...REPAIR_WORDS[problem],
  path,
  ...(problem === 'too_deep' ? { limit: MAX_NESTING } : {}),
});

/**
 * Mends a parsed JSON value in place so it can be stored: NULs out of strings and keys, lone
 * surrogates replaced, containers below MAX_NESTING replaced by null. Returns the value (a new
 * one only when the root itself was a string) and one repair per field mended.
 */
export function makeStorable(value: unknown, root = ''): { value: unknown; repairs: InputRepair[] } {
  const repairs: InputRepair[] = [];
  let untold = 0;
  const note = (path: string, problem: Unstorable) => {
    if (repairs.length < MAX_REPAIRS_TOLD) repairs.push(repairOf(path || 'body', problem));
    else untold++;
  };
  const mended = (text: string, path: string) => {
    if (!textProblem(text)) return text;
    if (text.includes('\u0000')) note(path, 'nul');
    if (LONE_SURROGATE.test(text)) note(path, 'lone_surrogate');
    return storableText(text);
  };

  if (typeof value === 'string') return { value: mended(value, root), repairs };
  const stack: Visit[] = [{ value, path: root, depth: 0 }];
  while (stack.length > 0) {
    const { value: current, path, depth } = stack.pop()!;
    if (!isContainer(current)) continue;
    const record = current as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      let child = record[key];
      let name = key;
      if (!Array.isArray(current) && textProblem(key)) {
        name = mended(key, join(path, storableText(key)));
        delete record[key];
      }
      const childPath = join(path, name);
      if (typeof child === 'string') child = mended(child, childPath);
      else if (isContainer(child)) {
        if (depth + 1 > MAX_NESTING) {
          note(childPath, 'too_deep');
          child = null;
        } else stack.push({ value: child, path: childPath, depth: depth + 1 });
      }
      record[name] = child;
    }
  }
  if (untold > 0) repairs.push({ ...repairs.at(-1)!, path: root || 'body', message: `${untold} more fields mended` });
  return { value, repairs };
}
