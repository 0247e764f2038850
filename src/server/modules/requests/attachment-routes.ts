import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fieldError } from '@shared/errors/codes';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_MAX_FILES, Attachment } from '@shared/requests/attachments';
import { currentUser } from '@server/http/access';
import { PayloadTooLargeError, ValidationError } from '@server/http/errors';
import { multipartReadError } from '@server/http/multipart';
import type { Services } from '@server/services';
import type { IncomingFile } from './attachments';
import { IdParams } from '@server/http/params';

const FileParams = z.object({ id: z.uuid(), attachmentId: z.uuid() });
const MEGABYTES = ATTACHMENT_MAX_BYTES / (1024 * 1024);

const codeOf = (error: unknown) => (error as { code?: string } | null)?.code;

/** The files of a multipart upload; a file over the limit stops the upload with a 413 naming it. */
async function readFiles(request: FastifyRequest): Promise<IncomingFile[]> {
  if (!request.isMultipart()) {
    throw new ValidationError([
      { field: 'files', in: 'body', code: 'not_multipart', message: 'send the files as multipart/form-data' },
    ]);
  }
  const files: IncomingFile[] = [];
  try {
    for await (const part of request.parts()) {
      if (part.type !== 'file') continue;
      const field = `files.${files.length}`;
      try {
        files.push({ fileName: part.filename, contentType: part.mimetype, content: await part.toBuffer(), field });
      } catch (error) {
        if (codeOf(error) !== 'FST_REQ_FILE_TOO_LARGE') throw error;
        throw new PayloadTooLargeError(`A file is larger than ${MEGABYTES} MB.`, [
          {
            field,
            in: 'body',
            ...fieldError('file_too_large', { fileName: part.filename, megabytes: MEGABYTES }),
            message: `"${part.filename}" is larger than ${MEGABYTES} MB`,
          },
        ]);
      }
    }
  } catch (error) {
    if (codeOf(error) !== 'FST_FILES_LIMIT') throw multipartReadError(error, 'files');
    throw new PayloadTooLargeError(`At most ${ATTACHMENT_MAX_FILES} files per upload.`, [
      {
        field: 'files',
        in: 'body',
        code: 'too_many',
        params: { max: ATTACHMENT_MAX_FILES },
        message: `at most ${ATTACHMENT_MAX_FILES} files`,
      },
    ]);
  }
  return files;
}

/** Content-Disposition with an ASCII fallback and the UTF-8 name (RFC 6266); always a download, never shown inline. */
function disposition(name: string): string {
  const ascii =
    name
      .normalize('NFD')
      .replace(/[^A-Za-z0-9 ._-]+/g, '')
      .trim() || 'anhang';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** Files on a request: upload (multipart), list, download. */
export async function attachmentRoutes(root: FastifyInstance, { requests }: Services) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  await app.register(fastifyMultipart, {
    limits: { fileSize: ATTACHMENT_MAX_BYTES, files: ATTACHMENT_MAX_FILES, fields: 5 },
    throwFileSizeLimit: true,
  });

  app.post('/api/requests/:id/attachments', {
    config: { access: { roles: 'any' } },
    bodyLimit: ATTACHMENT_MAX_FILES * ATTACHMENT_MAX_BYTES + 1024 * 1024,
    schema: {
      tags: ['requests'],
      summary: `Attach files (multipart, field "files"; up to ${ATTACHMENT_MAX_FILES} files of ${MEGABYTES} MB: PDF, images, text, e-mails, Word, Excel)`,
      consumes: ['multipart/form-data'],
      params: IdParams,
      response: { 201: z.array(Attachment) },
    },
    handler: async (request, reply) => {
      const files = await readFiles(request);
      return reply.status(201).send(await requests.attachments.add(currentUser(request), request.params.id, files));
    },
  });

  app.get('/api/requests/:id/attachments', {
    config: { access: { roles: 'any' } },
    schema: {
      tags: ['requests'],
      summary: 'Files on the request',
      params: IdParams,
      response: { 200: z.array(Attachment) },
    },
    handler: (request) => requests.attachments.list(currentUser(request), request.params.id),
  });

  app.get('/api/requests/:id/attachments/:attachmentId', {
    config: { access: { roles: 'any' } },
    schema: { tags: ['requests'], summary: 'Download a file', params: FileParams },
    handler: async (request, reply) => {
      const file = await requests.attachments.download(
        currentUser(request),
        request.params.id,
        request.params.attachmentId,
      );
      return reply
        .type(file.contentType)
        .header('content-disposition', disposition(file.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(file.content));
    },
  });
}
