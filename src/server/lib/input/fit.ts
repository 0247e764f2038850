import type { z } from 'zod';
import { YEAR_RANGE_RULE } from '@shared/common';
import type { InputRepair } from '@shared/text/repairs';

/** Cutting may reveal the next problem (a cut e-mail address is no address): a few rounds settle it. */
const ROUNDS = 3;

type Holder = Record<string, unknown> | unknown[];

/** The object holding the value at `path`, and its key there; undefined when the path leads nowhere. */
function locate(root: unknown, path: readonly PropertyKey[]): { holder: Holder; key: string | number } | undefined {
  let holder: unknown = root;
  for (const step of path.slice(0, -1)) {
    if (holder === null || typeof holder !== 'object') return undefined;
    holder = (holder as Record<PropertyKey, unknown>)[step];
  }
  const key = path.at(-1);
  if (holder === null || typeof holder !== 'object' || (typeof key !== 'string' && typeof key !== 'number'))
    return undefined;
  return { holder: holder as Holder, key };
}

/** Cuts to `max` UTF-16 units, as zod counts, without splitting a surrogate pair. */
export function cutText(text: string, max: number): string {
  const cut = text.slice(0, max);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}

const pathText = (root: string, path: readonly PropertyKey[]) => [root, ...path.map(String)].filter(Boolean).join('.');

/**
 * Machine input made to fit the schema that will validate it, in place: text longer than its
 * field's maximum is cut to it, a date outside the sane years is dropped, and a value that no
 * longer validates once cut (an e-mail address) is dropped. What cannot be mended this way is
 * left alone for validation to name. Returns one repair per field changed.
 */
export function fitToSchema(schema: z.ZodType, input: unknown, root = ''): InputRepair[] {
  const repairs: InputRepair[] = [];
  const cutPaths = new Set<string>();
  const drop = (at: { holder: Holder; key: string | number }) => {
    if (Array.isArray(at.holder)) at.holder[at.key as number] = null;
    else delete at.holder[at.key as string];
  };

  for (let round = 0; round < ROUNDS; round++) {
    const result = schema.safeParse(input);
    if (result.success) break;
    let mended = false;
    for (const issue of result.error.issues) {
      const at = locate(input, issue.path);
      if (!at) continue;
      const path = pathText(root, issue.path);
      const value = (at.holder as Record<PropertyKey, unknown>)[at.key];
      if (issue.code === 'too_big' && issue.origin === 'string' && typeof value === 'string') {
        const max = Number(issue.maximum);
        (at.holder as Record<PropertyKey, unknown>)[at.key] = cutText(value.trim(), max);
        cutPaths.add(path);
        repairs.push({ code: 'truncated', path, limit: max, message: `longer than ${max} characters: cut to ${max}` });
        mended = true;
      } else if (issue.code === 'custom' && issue.params?.rule === YEAR_RANGE_RULE) {
        drop(at);
        repairs.push({ code: 'date_dropped', path, message: `date "${String(value)}" ${issue.message}: left out` });
        mended = true;
      } else if (cutPaths.has(path)) {
        drop(at);
        cutPaths.delete(path);
        repairs.push({ code: 'value_dropped', path, message: 'no longer valid once cut to its maximum: left out' });
        mended = true;
      }
    }
    if (!mended) break;
  }
  return repairs;
}
