import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { CstaEdition } from '@shared/telephony/provider-settings';

/**
 * A parsed CSTA message reduced to local names: editions put their elements in
 * .../csta/ed3, ed4, ed5 namespaces, with or without a prefix, and some PBXs
 * send none at all. Nothing here cares which.
 */
export interface XmlNode {
  name: string;
  attributes: Record<string, string>;
  text: string;
  children: XmlNode[];
}

export const CSTA_NAMESPACES = {
  ed3: 'http://www.ecma-international.org/standards/ecma-323/csta/ed3',
  ed4: 'http://www.ecma-international.org/standards/ecma-323/csta/ed4',
  ed5: 'http://www.ecma-international.org/standards/ecma-323/csta/ed5',
} as const satisfies Record<CstaEdition, string>;
export type { CstaEdition };
/** Application sessions are defined by ECMA-354, in a namespace of their own. */
export const SESSION_NAMESPACE = 'http://www.ecma-international.org/standards/ecma-354/appl_session';

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
});

export type ParsedXml = { ok: true; root: XmlNode } | { ok: false; error: string };

export function parseXml(xml: string): ParsedXml {
  const source = xml.replace(/^\uFEFF/, '');
  // Entity declarations are of no use in CSTA and only invite expansion attacks.
  if (/<!DOCTYPE|<!ENTITY/i.test(source)) return { ok: false, error: 'document type declarations are not accepted' };
  const validation = XMLValidator.validate(source);
  if (validation !== true) {
    const { msg, line, col } = validation.err;
    return { ok: false, error: `${msg} (line ${line}, column ${col})` };
  }
  let parsed: unknown[];
  try {
    // The parser refuses nesting deeper than 100 levels by throwing; no CSTA message comes near that.
    parsed = parser.parse(source) as unknown[];
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  const root = toNodes(parsed).find((n) => !n.name.startsWith('?'));
  return root ? { ok: true, root } : { ok: false, error: 'no root element' };
}

function toNodes(items: unknown[]): XmlNode[] {
  const nodes: XmlNode[] = [];
  for (const item of items) {
    if (!item || typeof item !== 'object') continue;
    const record = item as Record<string, unknown>;
    const name = Object.keys(record).find((k) => k !== ':@' && k !== '#text');
    if (!name) continue;
    const content = Array.isArray(record[name]) ? (record[name] as unknown[]) : [];
    const attributes: Record<string, string> = {};
    const rawAttributes = record[':@'];
    if (rawAttributes && typeof rawAttributes === 'object') {
      for (const [key, value] of Object.entries(rawAttributes)) attributes[key] = String(value);
    }
    const text = content
      .map((c) => (c && typeof c === 'object' && '#text' in c ? String((c as { '#text': unknown })['#text']) : ''))
      .join('');
    nodes.push({ name, attributes, text, children: toNodes(content) });
  }
  return nodes;
}

export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return node?.children.find((c) => c.name === name);
}

export function childText(node: XmlNode | undefined, name: string): string | null {
  const found = child(node, name);
  return found ? found.text : null;
}

/** Depth-first, the node itself included. */
export function findDescendant(node: XmlNode | undefined, name: string): XmlNode | undefined {
  if (!node) return undefined;
  if (node.name === name) return node;
  for (const c of node.children) {
    const found = findDescendant(c, name);
    if (found) return found;
  }
  return undefined;
}

/** A plain object of the message for the admin's event list. */
export function toPlain(node: XmlNode): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const c of node.children) {
    const value: unknown = c.children.length > 0 ? toPlain(c) : c.text;
    const existing = out[c.name];
    if (existing === undefined) out[c.name] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else out[c.name] = [existing, value];
  }
  return out;
}

/** Element content: text or nested elements, written in one namespace. */
export type XmlContent = string | XmlElement | XmlContent[] | null | undefined;
export interface XmlElement {
  element: string;
  content: XmlContent;
}

export const el = (element: string, ...content: XmlContent[]): XmlElement => ({ element, content });

export function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export interface WriteOptions {
  /** The namespace of every element; none when null. */
  namespace: string | null;
  /** Writes `prefix:Name` with `xmlns:prefix` instead of a default namespace. */
  prefix?: string;
}

export function writeXml(root: XmlElement, options: WriteOptions): string {
  const qualify = (name: string) => (options.prefix ? `${options.prefix}:${name}` : name);
  const write = (content: XmlContent): string => {
    if (content === null || content === undefined) return '';
    if (typeof content === 'string') return escapeXml(content);
    if (Array.isArray(content)) return content.map(write).join('');
    const inner = write(content.content);
    const name = qualify(content.element);
    return inner === '' ? `<${name}/>` : `<${name}>${inner}</${name}>`;
  };
  const ns = options.namespace
    ? options.prefix
      ? ` xmlns:${options.prefix}="${escapeXml(options.namespace)}"`
      : ` xmlns="${escapeXml(options.namespace)}"`
    : '';
  const name = qualify(root.element);
  const inner = write(root.content);
  return `<?xml version="1.0" encoding="UTF-8"?>${inner === '' ? `<${name}${ns}/>` : `<${name}${ns}>${inner}</${name}>`}`;
}
