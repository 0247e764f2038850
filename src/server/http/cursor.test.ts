import { describe, expect, it } from 'vitest';
import { ValidationError } from './errors';
import { cursorCodec, isUuid } from './cursor';

const ID = '0190a3b4-5c6d-7e8f-9a0b-1c2d3e4f5a6b';
const codec = cursorCodec(
  (value: unknown): value is [string, string] =>
    Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && isUuid(value[1]),
);

function refusal(cursor: string) {
  try {
    codec.decode(cursor);
  } catch (error) {
    return error;
  }
  return null;
}

describe('cursor codec', () => {
  it('gives back what it encoded, as URL-safe text', () => {
    const cursor = codec.encode(['Müller/+?', ID]);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(codec.decode(cursor)).toEqual(['Müller/+?', ID]);
  });

  it('refuses a damaged, made-up or foreign cursor with a 400 naming the field', () => {
    const foreign = Buffer.from(JSON.stringify({ s: 'make', i: ID })).toString('base64url');
    for (const cursor of ['', 'not base64 at all!', Buffer.from('{broken').toString('base64url'), foreign]) {
      const error = refusal(cursor);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).status).toBe(400);
      expect((error as ValidationError).errors).toMatchObject([{ field: 'cursor', in: 'querystring' }]);
    }
  });
});
