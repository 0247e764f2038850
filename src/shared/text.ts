import { z } from 'zod';

// PostgreSQL text cannot hold U+0000, and an unpaired UTF-16 surrogate is no character at all.
// eslint-disable-next-line no-control-regex
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const UNSTORABLE_MESSAGE = 'must not contain NUL characters or unpaired surrogates';

/** Whether the text can be stored as it is. */
export const isStorableText = (value: string) => !UNSTORABLE.test(value);

/** A string field refused with a 400 naming it when the database could not store it. */
export const storable = (schema: z.ZodString = z.string()) =>
  schema.refine(isStorableText, { message: UNSTORABLE_MESSAGE });
