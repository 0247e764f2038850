import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { codeOfIssue, fieldError } from '@shared/errors/codes';
import { ATTACHMENT_MAX_BYTES } from '@shared/requests/attachments';
import { LetterText } from '@shared/requests/letters';
import { CustomerRequest, RequestCreate } from '@shared/requests/schemas';
import { currentUser } from '@server/http/access';
import { type FieldError, PayloadTooLargeError, ValidationError } from '@server/http/errors';
import { multipartReadError } from '@server/http/multipart';
import { IdParams } from '@server/http/params';
import type { Services } from '@server/services';
import { rolesFor } from '@shared/auth/policies';
import type { IncomingFile } from '../attachments';

const MEGABYTES = ATTACHMENT_MAX_BYTES / (1024 * 1024);
const MAX_KEY_LENGTH = 200;
/** The request's fields travel as one JSON text in the form field "request"; more is not a request. */
const MAX_REQUEST_FIELD = 64 * 1024;

const codeOf = (error: unknown) => (error as { code?: string } | null)?.code;
const missing = (field: string, message: string): FieldError => ({ field, in: 'body', code: 'required', message });

/** The scan (field "file") and the request's fields (field "request", JSON) of the letter form. */
async function readLetterForm(request: FastifyRequest): Promise<{ file: IncomingFile; fields: unknown }> {
  if (!request.isMultipart()) {
    throw new ValidationError([
      { field: 'file', in: 'body', code: 'not_multipart', message: 'send the letter as multipart/form-data' },
    ]);
  }
  let file: IncomingFile | null = null;
  let fields: string | null = null;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file' || file) {
          await part.toBuffer();
          throw new ValidationError([
            { field: part.fieldname, in: 'body', code: 'invalid', message: 'send one scan, in the field "file"' },
          ]);
        }
        try {
          file = { fileName: part.filename, contentType: part.mimetype, content: await part.toBuffer(), field: 'file' };
        } catch (error) {
          if (codeOf(error) !== 'FST_REQ_FILE_TOO_LARGE') throw error;
          throw new PayloadTooLargeError(`The scan is larger than ${MEGABYTES} MB.`, [
            {
              field: 'file',
              in: 'body',
              ...fieldError('file_too_large', { fileName: part.filename, megabytes: MEGABYTES }),
              message: `"${part.filename}" is larger than ${MEGABYTES} MB`,
            },
          ]);
        }
      } else if (part.fieldname === 'request' && typeof part.value === 'string') {
        fields = part.value;
      }
    }
  } catch (error) {
    throw multipartReadError(error, 'file');
  }
  const errors: FieldError[] = [];
  if (!file || file.content.length === 0)
    errors.push(missing('file', 'add the scanned letter (PDF, JPEG, PNG or HEIC)'));
  if (fields === null) errors.push(missing('request', 'send the request\'s fields as JSON in the field "request"'));
  if (errors.length > 0) throw new ValidationError(errors);
  if (fields!.length > MAX_REQUEST_FIELD) {
    throw new ValidationError([
      { field: 'request', in: 'body', ...fieldError('too_long', { max: MAX_REQUEST_FIELD }), message: 'is too long' },
    ]);
  }
  try {
    return { file: file!, fields: JSON.parse(fields!) };
  } catch {
    throw new ValidationError([{ field: 'request', in: 'body', code: 'invalid', message: 'is not JSON' }]);
  }
}

function uploadKeyOf(request: FastifyRequest): string | null {
  const value = request.headers['idempotency-key'];
  const key = typeof value === 'string' ? value.trim() : '';
  if (!key) return null;
  if (key.length > MAX_KEY_LENGTH) {
    throw new ValidationError([
      {
        field: 'Idempotency-Key',
        in: 'headers',
        ...fieldError('too_long', { max: MAX_KEY_LENGTH }),
        message: `must be at most ${MAX_KEY_LENGTH} characters`,
      },
    ]);
  }
  return key;
}

/** Letters at reception: upload the scan, the request is created; its text follows when read. */
export async function letterRoutes(root: FastifyInstance, { requests }: Services) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  await app.register(fastifyMultipart, {
    limits: { fileSize: ATTACHMENT_MAX_BYTES, files: 1, fields: 2, fieldSize: MAX_REQUEST_FIELD + 1 },
    throwFileSizeLimit: true,
  });

  app.post('/api/requests/letters', {
    config: { access: { roles: rolesFor('requests.create') } },
    bodyLimit: ATTACHMENT_MAX_BYTES + 1024 * 1024,
    schema: {
      tags: ['requests'],
      summary: `Take a scanned letter in (multipart: "file" — PDF, JPEG, PNG or HEIC up to ${MEGABYTES} MB —, "request" — the request's fields as JSON); send an Idempotency-Key header so a retry creates nothing new`,
      consumes: ['multipart/form-data'],
      headers: z.object({ 'idempotency-key': z.string().optional() }).loose(),
      response: { 200: CustomerRequest, 201: CustomerRequest },
    },
    handler: async (request, reply) => {
      const key = uploadKeyOf(request);
      const { file, fields } = await readLetterForm(request);
      const parsed = RequestCreate.safeParse(fields);
      if (!parsed.success) {
        throw new ValidationError(
          parsed.error.issues.map((issue) => ({
            field: issue.path.join('.') || 'request',
            in: 'body',
            message: issue.message,
            ...codeOfIssue(issue),
          })),
        );
      }
      const actor = currentUser(request);
      const { requestId, created } = await requests.letters.takeIn(actor, parsed.data, file, key);
      if (!created) void reply.header('idempotent-replayed', 'true');
      return reply.status(created ? 201 : 200).send(await requests.get(actor, requestId));
    },
  });

  app.get('/api/requests/:id/letter', {
    config: { access: { roles: 'any' } },
    schema: {
      tags: ['requests'],
      summary: "The scanned letter's text, as read from the PDF or by OCR; null for requests that did not come by scan",
      params: IdParams,
      response: { 200: LetterText.nullable() },
    },
    handler: (request) => requests.letters.text(currentUser(request), request.params.id),
  });
}
