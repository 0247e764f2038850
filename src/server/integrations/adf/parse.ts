import type { AdfLead, AdfParseResult } from '@shared/intake/adf.js';
import { loadAdfDocument } from './document.js';
import { Findings } from './problems.js';
import { readProspect } from './prospect.js';

export interface ParseAdfOptions {
  /** "Now" for plausibility checks (a request date in the future); defaults to the current time. */
  now?: Date;
}

/**
 * Reads every <prospect> of an ADF document into normalised leads.
 * All or nothing: when the document cannot be read, or any prospect is unusable, the result is
 * { ok: false, errors } naming each problem, and no lead is returned, so nothing gets stored
 * from a half-understood document. Otherwise { ok: true, leads, warnings }.
 */
export function parseAdf(input: string, options: ParseAdfOptions = {}): AdfParseResult {
  const loaded = loadAdfDocument(input);
  if (!loaded.ok) return { ok: false, errors: [loaded.error] };

  const findings = new Findings();
  const ctx = { findings, now: options.now ?? new Date() };
  const leads = loaded.prospects
    .map((node, i) => readProspect(node, `prospect[${i}]`, ctx))
    .filter((lead): lead is AdfLead => lead !== null);

  if (findings.errors.length > 0) return { ok: false, errors: findings.errors };
  return { ok: true, leads, warnings: findings.warnings };
}
