import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { AdfParseResult, type AdfLead, type AdfProblem } from '@shared/intake/adf.js';
import { parseAdf } from './parse.js';

/** Fixed "now" for all ADF tests: a Thursday in March 2026. */
export const NOW = new Date('2026-03-05T12:00:00Z');

export const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

/** Parses and insists on success; the result must also satisfy the shared zod contract. */
export function accepted(xml: string): { leads: AdfLead[]; warnings: AdfProblem[] } {
  const result = AdfParseResult.parse(parseAdf(xml, { now: NOW }));
  if (!result.ok) throw new Error(`expected the document to be accepted, got ${JSON.stringify(result.errors)}`);
  return result;
}

export function onlyLead(xml: string): AdfLead {
  const { leads } = accepted(xml);
  expect(leads).toHaveLength(1);
  return leads[0]!;
}

export function rejected(xml: string): AdfProblem[] {
  const result = AdfParseResult.parse(parseAdf(xml, { now: NOW }));
  if (result.ok) throw new Error(`expected the document to be rejected, got ${JSON.stringify(result.leads)}`);
  return result.errors;
}

/** A minimal, valid prospect around the given children (Hans Müller, reachable by e-mail, unless overridden). */
export function prospect(children: string, attrs = ''): string {
  const customer = children.includes('<customer')
    ? ''
    : '<customer><contact><name part="full">Hans Müller</name><email>hans@example.de</email></contact></customer>';
  const vehicle = children.includes('<vehicle') ? '' : '<vehicle><make>VW</make><model>Golf</model></vehicle>';
  const date = children.includes('<requestdate') ? '' : '<requestdate>2026-03-02T10:15:00+01:00</requestdate>';
  const vendor = children.includes('<vendor') ? '' : '<vendor><vendorname>Autohaus Weber</vendorname></vendor>';
  return `<adf><prospect${attrs}>${date}${vehicle}${customer}${vendor}${children}</prospect></adf>`;
}

export const messages = (problems: AdfProblem[]) => problems.map((p) => p.message);
