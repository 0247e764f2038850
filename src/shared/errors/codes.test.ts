import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { IsoDate } from '../common';
import { codeOfIssue } from './codes';

const issueOf = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error!.issues[0]!;

describe('the code of a schema issue', () => {
  it('reads a one-character minimum as required and longer ones with their numbers', () => {
    expect(codeOfIssue(issueOf(z.string().min(1), ''))).toEqual({ code: 'required' });
    expect(codeOfIssue(issueOf(z.string().min(8), 'kurz'))).toEqual({ code: 'too_short', params: { min: 8 } });
    expect(codeOfIssue(issueOf(z.string().max(3), 'lang'))).toEqual({ code: 'too_long', params: { max: 3 } });
    expect(codeOfIssue(issueOf(z.array(z.string()).min(2), []))).toEqual({ code: 'too_few', params: { min: 2 } });
    expect(codeOfIssue(issueOf(z.number().max(100), 500))).toEqual({ code: 'too_many', params: { max: 100 } });
  });

  it('tells an e-mail address from other formats, and names the year range', () => {
    expect(codeOfIssue(issueOf(z.email(), 'x'))).toEqual({ code: 'invalid_email' });
    expect(codeOfIssue(issueOf(z.string().regex(/^\d+$/), 'x'))).toMatchObject({ code: 'invalid_format' });
    expect(codeOfIssue(issueOf(IsoDate, '0202-05-01'))).toEqual({
      code: 'year_range',
      params: { from: 1900, to: 2200 },
    });
  });
});
