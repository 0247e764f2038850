import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { rolesFor } from '@shared/auth/policies';
import { Letterhead, LetterheadInput, LOGO_MAX_BYTES, LOGO_TYPES } from '@shared/documents/letterhead';
import { fieldError } from '@shared/errors/codes';
import { currentUser } from '@server/http/access';
import { PayloadTooLargeError, ValidationError } from '@server/http/errors';
import { multipartReadError } from '@server/http/multipart';
import { IdParams } from '@server/http/params';
import { inspectFile } from '@server/modules/requests';
import type { Services } from '@server/services';
import { attachment } from './disposition';

const LocationParams = z.object({ locationId: z.uuid() });
const ADMINS = rolesFor('documents.letterheads.manage');
const READERS = rolesFor('documents.letterheads.read');
const MEGABYTES = LOGO_MAX_BYTES / (1024 * 1024);

const logoError = (code: 'file_type_not_accepted' | 'file_content_mismatch', fileName: string, message: string) =>
  new ValidationError([{ field: 'logo', in: 'body', ...fieldError(code, { fileName }), message }]);

/** The one logo file of a multipart upload, checked by its bytes: PNG or JPEG only. */
async function readLogo(request: FastifyRequest): Promise<{ content: Buffer; contentType: string }> {
  if (!request.isMultipart()) {
    throw new ValidationError([
      { field: 'logo', in: 'body', code: 'not_multipart', message: 'send the logo as multipart/form-data' },
    ]);
  }
  let file: { fileName: string; contentType: string; content: Buffer } | null = null;
  try {
    for await (const part of request.parts()) {
      if (part.type !== 'file' || file) continue;
      file = { fileName: part.filename, contentType: part.mimetype, content: await part.toBuffer() };
    }
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new PayloadTooLargeError(`The logo is larger than ${MEGABYTES} MB.`, [
        {
          field: 'logo',
          in: 'body',
          ...fieldError('file_too_large', { fileName: 'logo', megabytes: MEGABYTES }),
          message: `larger than ${MEGABYTES} MB`,
        },
      ]);
    }
    throw multipartReadError(error, 'logo');
  }
  if (!file || file.content.length === 0) {
    throw new ValidationError([{ field: 'logo', in: 'body', code: 'required', message: 'choose a PNG or JPEG file' }]);
  }
  const type = LOGO_TYPES.find((t) => t === file.contentType);
  if (!type) throw logoError('file_type_not_accepted', file.fileName, 'a logo is a PNG or JPEG image');
  const inspection = await inspectFile(type, file.fileName, file.content);
  if (!inspection.ok) throw logoError('file_content_mismatch', file.fileName, `the file ${inspection.reason}`);
  return { content: file.content, contentType: type };
}

/** Letterheads per location (admins set, managers read) and the download of stored documents. */
export async function documentsRoutes(root: FastifyInstance, { documents }: Services) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['documents'];
  await app.register(fastifyMultipart, {
    limits: { fileSize: LOGO_MAX_BYTES, files: 1, fields: 2 },
    throwFileSizeLimit: true,
  });

  app.get('/api/letterheads/:locationId', {
    config: { access: { roles: READERS } },
    schema: {
      tags,
      summary: "A location's letterhead; without one set, what its documents print instead (configured: false)",
      params: LocationParams,
      response: { 200: Letterhead },
    },
    handler: (request) => documents.letterheads.get(currentUser(request), request.params.locationId),
  });

  app.put('/api/letterheads/:locationId', {
    config: { access: { roles: ADMINS } },
    schema: {
      tags,
      summary:
        "Set a location's letterhead: legal name, address, register, VAT id (DE + 9 digits), bank (IBAN checked)",
      params: LocationParams,
      body: LetterheadInput,
      response: { 200: Letterhead },
    },
    handler: (request) => documents.letterheads.save(currentUser(request), request.params.locationId, request.body),
  });

  app.put('/api/letterheads/:locationId/logo', {
    config: { access: { roles: ADMINS } },
    bodyLimit: LOGO_MAX_BYTES + 64 * 1024,
    schema: {
      tags,
      summary: `Upload the logo (multipart, field "logo"; PNG or JPEG up to ${MEGABYTES} MB, checked by content)`,
      consumes: ['multipart/form-data'],
      params: LocationParams,
      response: { 200: Letterhead },
    },
    handler: async (request) => {
      const logo = await readLogo(request);
      return documents.letterheads.setLogo(currentUser(request), request.params.locationId, logo);
    },
  });

  app.delete('/api/letterheads/:locationId/logo', {
    config: { access: { roles: ADMINS } },
    schema: { tags, summary: 'Remove the logo', params: LocationParams, response: { 200: Letterhead } },
    handler: (request) => documents.letterheads.setLogo(currentUser(request), request.params.locationId, null),
  });

  app.get('/api/letterheads/:locationId/logo', {
    config: { access: { roles: READERS } },
    schema: { tags, summary: 'The logo image', params: LocationParams },
    handler: async (request, reply) => {
      const logo = await documents.letterheads.logo(currentUser(request), request.params.locationId);
      return reply
        .type(logo.contentType)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(logo.content);
    },
  });

  app.post('/api/letterheads/:locationId/preview', {
    config: { access: { roles: READERS } },
    schema: { tags, summary: 'A sample page on the letterhead as PDF', params: LocationParams },
    handler: async (request, reply) => {
      const pdf = await documents.letterheads.preview(currentUser(request), request.params.locationId);
      return reply
        .type('application/pdf')
        .header('content-disposition', attachment('Vorschau Briefkopf.pdf'))
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  });

  app.get('/api/documents/:id', {
    config: { access: { roles: 'any' } },
    schema: { tags, summary: 'Download a stored document (if its record may be read)', params: IdParams },
    handler: async (request, reply) => {
      const doc = await documents.download(currentUser(request), request.params.id);
      return reply
        .type(doc.contentType)
        .header('content-disposition', attachment(doc.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(doc.content));
    },
  });
}
