import { DomainError, ValidationError } from './errors';

/**
 * What reading a multipart body threw, as the client should hear it. The
 * multipart reader's own errors (413 for a file too large, 406 for another
 * content type) keep their status; everything else it throws while reading
 * the parts — no boundary, a wrong one, a body cut off, a broken part header —
 * is the body's fault: a 400 naming the field, not a 500.
 */
export function multipartReadError(error: unknown, field: string): Error {
  if (error instanceof DomainError) return error;
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) return error as Error;
  const reason = error instanceof Error ? error.message : String(error);
  return new ValidationError([
    {
      field,
      in: 'body',
      code: 'incomplete_multipart',
      message: `is not a complete multipart/form-data body: ${reason}`,
    },
  ]);
}
