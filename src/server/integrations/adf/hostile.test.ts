import { describe, expect, it } from 'vitest';
import { extractAdfFromEmail } from './email/extract.js';
import { splitFullName } from './normalise/names.js';
import { onlyLead, prospect, rejected } from './test-helpers.js';

/** About a megabyte of one construct repeated, as a lead portal's attacker would post it. */
/** Far above the linear parse (under a second even on a busy machine), far below the quadratic one (minutes). */
const DOS_BOUND_MS = 10_000;

const repeated = (construct: string) => `<adf><prospect>${construct.repeat(Math.floor(880_000 / construct.length))}`;

describe('parseAdf on hostile input', () => {
  // The bound only catches a denial of service: these took 10 to 40 seconds when the
  // repairs searched for each construct's end from every occurrence again.
  it.each([['<!DOCTYPE ['], ['<!--'], ['<?'], ['<![CDATA['], ['<!DOCTYPE '], ['<!DOCTYPE [ ]']])(
    'rejects a megabyte of unterminated %j within seconds',
    (construct) => {
      const started = performance.now();
      const errors = rejected(repeated(construct));
      expect(performance.now() - started).toBeLessThan(DOS_BOUND_MS);
      expect(errors[0]).toMatchObject({ code: 'malformed', path: 'document' });
    },
  );

  it('still blanks out a DOCTYPE with an internal subset and keeps a comment as it is', () => {
    const lead = onlyLead(`<!DOCTYPE adf [ <!ENTITY x "y"> ]>\n<!-- <prospect> in a comment -->\n${prospect('')}`);
    expect(lead.customer.lastName).toBe('Müller');
  });

  it.each([[101], [10_000]])('rejects elements nested %i deep as malformed instead of failing', (depth) => {
    const errors = rejected(prospect(`<comments>${'<b>'.repeat(depth)}${'</b>'.repeat(depth)}</comments>`));
    expect(errors[0]).toMatchObject({ code: 'malformed', path: 'document' });
    expect(errors[0]!.message).toContain('nested');
  });

  it.each([
    ['unclosed <style> tags', `${'<style>'.repeat(120_000)}${prospect('')}`],
    ['instructions before the document', `${'<?xml version="1.0"?> '.repeat(40_000)}${prospect('')}`],
  ])('finds the document in a mail body full of %s within seconds', (_what, body) => {
    const started = performance.now();
    const xml = extractAdfFromEmail(body);
    expect(performance.now() - started).toBeLessThan(DOS_BOUND_MS);
    expect(xml).toContain('<prospect>');
  });

  it('reads a name of two hundred thousand salutations within seconds', () => {
    const started = performance.now();
    expect(splitFullName(`${'Herr '.repeat(200_000)}Müller`)).toEqual({ firstName: null, lastName: 'Müller' });
    expect(performance.now() - started).toBeLessThan(DOS_BOUND_MS);
  });
});
