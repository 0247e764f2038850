import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { codeOfIssue, fieldError } from '@shared/errors/codes';
import { DomainError, PayloadTooLargeError, ValidationError } from './errors';

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

/** One uploaded file, held in memory (uploads are capped at a few megabytes). */
export interface IncomingFile {
  fileName: string;
  contentType: string;
  content: Buffer;
  /** Where the file was in the request, for the error: "files.0", "attachments.1.contentBase64". */
  field: string;
}

const codeOf = (error: unknown) => (error as { code?: string } | null)?.code;

/**
 * The text fields and files of a multipart/form-data body. A file over `maxFileBytes` stops
 * the upload with a 413 naming it, more than `maxFiles` files with a 413 naming the list; a
 * body that is not multipart, or broken, is a 400 naming `filesField`. The multipart plugin
 * must be registered with the same limits in the route's scope.
 */
export async function readMultipartForm(
  request: FastifyRequest,
  { filesField, maxFileBytes, maxFiles }: { filesField: string; maxFileBytes: number; maxFiles: number },
): Promise<{ fields: Record<string, string>; files: IncomingFile[] }> {
  if (!request.isMultipart()) {
    throw new ValidationError([
      { field: filesField, in: 'body', code: 'not_multipart', message: 'send the form as multipart/form-data' },
    ]);
  }
  const megabytes = maxFileBytes / (1024 * 1024);
  const fields: Record<string, string> = {};
  const files: IncomingFile[] = [];
  try {
    for await (const part of request.parts()) {
      if (part.type !== 'file') {
        if (typeof part.value === 'string') fields[part.fieldname] = part.value;
        continue;
      }
      const field = `${filesField}.${files.length}`;
      try {
        files.push({ fileName: part.filename, contentType: part.mimetype, content: await part.toBuffer(), field });
      } catch (error) {
        if (codeOf(error) !== 'FST_REQ_FILE_TOO_LARGE') throw error;
        throw new PayloadTooLargeError(`A file is larger than ${megabytes} MB.`, [
          {
            field,
            in: 'body',
            ...fieldError('file_too_large', { fileName: part.filename, megabytes }),
            message: `"${part.filename}" is larger than ${megabytes} MB`,
          },
        ]);
      }
    }
  } catch (error) {
    if (codeOf(error) !== 'FST_FILES_LIMIT') throw multipartReadError(error, filesField);
    throw new PayloadTooLargeError(`At most ${maxFiles} files per upload.`, [
      {
        field: filesField,
        in: 'body',
        code: 'too_many',
        params: { max: maxFiles },
        message: `at most ${maxFiles} files`,
      },
    ]);
  }
  return { fields, files };
}

/**
 * The text fields of a multipart form read by the route's zod schema, as a JSON body would be:
 * a 400 naming each field that does not fit. Empty fields count as absent.
 */
export function parseFormFields<T extends z.ZodType>(schema: T, fields: Record<string, unknown>): z.output<T> {
  const present = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== ''));
  const parsed = schema.safeParse(present);
  if (parsed.success) return parsed.data;
  throw new ValidationError(
    parsed.error.issues.map((issue) => ({
      field: issue.path.join('.') || 'body',
      in: 'body',
      message: issue.message,
      ...codeOfIssue(issue as z.core.$ZodIssue),
    })),
  );
}
