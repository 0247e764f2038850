import { decodeEntities } from './entities.js';

/**
 * An element of the document with lower-cased local name and attribute names, so that
 * <Prospect>, <PROSPECT> and <adf:prospect> are all "prospect" to the readers.
 */
export interface AdfNode {
  name: string;
  attrs: Record<string, string>;
  children: AdfNode[];
  /** The element's own text (CDATA included, entities decoded), not that of its children. */
  text: string;
}

/** Direct children with that name. */
export function childrenNamed(node: AdfNode | null | undefined, name: string): AdfNode[] {
  return node ? node.children.filter((c) => c.name === name) : [];
}

/** The first direct child with that name, wherever it stands: element order is not enforced. */
export function child(node: AdfNode | null | undefined, name: string): AdfNode | null {
  return node?.children.find((c) => c.name === name) ?? null;
}

/** Trimmed text with runs of blanks folded; null when empty. Falls back to the children's text. */
export function textOf(node: AdfNode | null | undefined): string | null {
  if (!node) return null;
  const own = cleanText(node.text);
  if (own) return own;
  const nested = node.children.map((c) => textOf(c)).filter((t): t is string => Boolean(t));
  return nested.length ? nested.join(' ') : null;
}

/** Text of the first child with that name. */
export const childText = (node: AdfNode | null | undefined, name: string) => textOf(child(node, name));

/** Attribute value, trimmed; null when absent or blank. */
export function attr(node: AdfNode | null | undefined, name: string): string | null {
  const value = node?.attrs[name]?.trim();
  return value ? value : null;
}

/** Keeps line breaks (comments are often several lines) but trims each line and drops blank runs. */
export function multilineText(node: AdfNode | null | undefined): string | null {
  if (!node) return null;
  const lines = node.text
    .split(/\r?\n/)
    .map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return lines || textOf(node);
}

function cleanText(value: string): string | null {
  const cleaned = value.replace(/[\s\u00a0]+/g, ' ').trim();
  return cleaned || null;
}

type OrderedItem = Record<string, unknown> & { ':@'?: Record<string, string> };

/** Converts fast-xml-parser's preserveOrder output into AdfNodes. */
export function toNodes(items: unknown): AdfNode[] {
  if (!Array.isArray(items)) return [];
  const nodes: AdfNode[] = [];
  for (const item of items as OrderedItem[]) {
    const name = Object.keys(item).find((k) => k !== ':@');
    if (!name || name === '#text' || name.startsWith('?') || name === '#comment') continue;
    const content = item[name];
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(item[':@'] ?? {})) attrs[k] = decodeEntities(String(v));
    const text = Array.isArray(content)
      ? (content as OrderedItem[])
          .filter((c) => '#text' in c)
          .map((c) => decodeEntities(String(c['#text'])))
          .join('\n')
      : '';
    nodes.push({ name, attrs, children: toNodes(content), text });
  }
  return nodes;
}

/** Every descendant (depth first, document order) with that name. */
export function descendantsNamed(nodes: AdfNode[], name: string): AdfNode[] {
  const found: AdfNode[] = [];
  for (const node of nodes) {
    if (node.name === name) found.push(node);
    else found.push(...descendantsNamed(node.children, name));
  }
  return found;
}
