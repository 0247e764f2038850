import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_MAX_FILES, Attachment } from '@shared/requests/attachments';
import { currentUser } from '@server/http/access';
import { type IncomingFile, readMultipartForm } from '@server/http/multipart';
import type { Services } from '@server/services';
import { IdParams } from '@server/http/params';

const FileParams = z.object({ id: z.uuid(), attachmentId: z.uuid() });
const MEGABYTES = ATTACHMENT_MAX_BYTES / (1024 * 1024);

/** The files of a multipart upload; a file over the limit stops the upload with a 413 naming it. */
async function readFiles(request: FastifyRequest): Promise<IncomingFile[]> {
  const form = await readMultipartForm(request, {
    filesField: 'files',
    maxFileBytes: ATTACHMENT_MAX_BYTES,
    maxFiles: ATTACHMENT_MAX_FILES,
  });
  return form.files;
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
