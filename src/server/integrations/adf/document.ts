import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { descendantsNamed, toNodes, type AdfNode } from './nodes.js';
import { repairAdf } from './repair.js';
import type { AdfProblem } from '@shared/intake/adf.js';

/**
 * Loading an ADF document: tolerant repairs that keep line numbers, a well-formedness check
 * that reports the parser's line and column, then a tree of AdfNodes.
 *
 * Repairs (each one only where the meaning is clear):
 * - processing instructions are blanked out, whatever their spelling: `<?adf version="1.0"?>`,
 *   `<?ADF VERSION "1.0"?>`, `<?adf version = 1.0 ?>`, a stray `<?XML VERSION "1.0"?>`, or none;
 *   a DOCTYPE is blanked out too (nobody validates against the DTD);
 * - element names are case-insensitive, also between start and end tag (`<Prospect>…</prospect>`);
 * - unquoted attribute values (`<id sequence=1>`) are quoted;
 * - a bare `&` (`Müller & Söhne`) and a `<` that starts no tag are escaped;
 * - several documents one after the other (`<adf>…</adf><adf>…</adf>`) and text around the
 *   document (an e-mail signature) are fine: the input is read inside a wrapper element.
 * Comments and CDATA sections are left exactly as they are.
 */

const WRAPPER = 'adf-input-wrapper';
const OPEN_WRAPPER = `<${WRAPPER}>`;

export type LoadedDocument = { ok: true; prospects: AdfNode[] } | { ok: false; error: AdfProblem };

export function loadAdfDocument(input: string): LoadedDocument {
  const source = input.replace(/^\uFEFF/, '');
  if (!source.trim()) return fail('not_xml', 'input is empty');
  if (!/<[A-Za-z_]/.test(source)) return fail('not_xml', 'input is not XML: it contains no element');

  const repaired = OPEN_WRAPPER + repairAdf(source) + `</${WRAPPER}>`;
  const validation = XMLValidator.validate(repaired, { allowBooleanAttributes: true });
  if (validation !== true) return fail('malformed', describeXmlError(validation.err));

  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    allowBooleanAttributes: true,
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    // Entities are decoded by decodeEntities (one pass, HTML names included).
    processEntities: false,
    transformTagName: (name) => name.toLowerCase(),
    transformAttributeName: (name) => name.toLowerCase(),
  });
  let parsed: unknown[];
  try {
    parsed = parser.parse(repaired) as unknown[];
  } catch (error) {
    // The parser refuses nesting beyond 100 levels by throwing; an ADF lead is a handful deep.
    const detail = error instanceof Error ? error.message : String(error);
    return fail('malformed', `malformed XML: elements are nested too deep (${detail})`);
  }
  const roots = toNodes(parsed)[0]?.children ?? [];
  if (roots.length === 0) return fail('not_xml', 'input is not XML: it contains no element');

  const prospects = descendantsNamed(roots, 'prospect');
  if (prospects.length > 0) return { ok: true, prospects };
  if (roots.some((r) => r.name === 'adf')) {
    return {
      ok: false,
      error: { code: 'missing', path: 'adf', message: 'missing: the ADF document contains no <prospect>' },
    };
  }
  const names = [...new Set(roots.map((r) => `<${r.name}>`))].join(', ');
  return fail('not_adf', `not an ADF document: the root element is ${names}, expected <adf> with <prospect> elements`);
}

function fail(code: AdfProblem['code'], message: string): LoadedDocument {
  return { ok: false, error: { code, path: 'document', message } };
}

function describeXmlError(err: { msg: string; line: number; col: number }): string {
  const column = err.line === 1 ? err.col - OPEN_WRAPPER.length : err.col;
  const unclosed = new RegExp(
    `closing tag '([^']+)' \\(opened in line (\\d+), col (\\d+)\\) instead of closing tag '${WRAPPER}'`,
  ).exec(err.msg);
  if (unclosed) {
    const [, name, line, col] = unclosed;
    const openCol = Number(line) === 1 ? Number(col) - OPEN_WRAPPER.length : Number(col);
    return `malformed XML: element <${name}> opened at line ${line}, column ${openCol} is never closed`;
  }
  const mismatch =
    /^Expected closing tag '([^']+)' \(opened in line (\d+), col (\d+)\) instead of closing tag '([^']+)'/.exec(
      err.msg,
    );
  if (mismatch) {
    const [, name, line, col, found] = mismatch;
    const openCol = Number(line) === 1 ? Number(col) - OPEN_WRAPPER.length : Number(col);
    return `malformed XML at line ${err.line}, column ${Math.max(column, 1)}: <${name}> opened at line ${line}, column ${openCol} is not closed before </${found}>`;
  }
  const message = err.msg.replace(new RegExp(`'${WRAPPER}'`, 'g'), 'the end of the document');
  return `malformed XML at line ${err.line}, column ${Math.max(column, 1)}: ${message}`;
}
