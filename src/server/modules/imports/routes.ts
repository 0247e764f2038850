import { Readable } from 'node:stream';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ContactExportQuery,
  IMPORT_TARGETS,
  ImportJob,
  ImportReport,
  ImportRunInput,
  ImportUploadResult,
  VCARD_VERSIONS,
} from '@shared/imports/schemas';
import { currentUser } from '@server/http/access';
import { ValidationError } from '@server/http/errors';
import { multipartReadError } from '@server/http/multipart';
import type { Services } from '@server/services';
import { reportIn } from './reason-words';
import { IdParams } from '@server/http/params';
import { rolesFor } from '@shared/auth/policies';

const UploadFields = z.object({ target: z.enum(IMPORT_TARGETS) });
const VersionQuery = z.object({ version: z.enum(VCARD_VERSIONS).default('4.0') });
const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

const BULK = { roles: rolesFor('contacts.import') };

/** Content-Disposition for a download named after a person: an ASCII fallback plus the UTF-8 name (RFC 6266). */
function attachment(name: string, extension: string): string {
  const ascii =
    name
      .normalize('NFD')
      .replace(/[^A-Za-z0-9 ._-]+/g, '')
      .trim() || 'kontakt';
  return `attachment; filename="${ascii}.${extension}"; filename*=UTF-8''${encodeURIComponent(`${name}.${extension}`)}`;
}

export async function importsRoutes(root: FastifyInstance, { imports }: Services) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  await app.register(fastifyMultipart, {
    limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10 },
    throwFileSizeLimit: true,
  });
  // An import still applying finishes before the database goes away.
  app.addHook('onClose', () => imports.idle());

  app.post('/api/imports', {
    config: { access: BULK },
    schema: {
      tags: ['imports'],
      summary:
        'Upload a CSV, XLSX or vCard file (multipart: target, file); answers with headers, sample rows and a suggested mapping',
      consumes: ['multipart/form-data'],
      response: { 201: ImportUploadResult },
    },
    handler: async (request, reply) => {
      if (!request.isMultipart()) {
        throw new ValidationError([
          { field: 'file', in: 'body', code: 'not_multipart', message: 'send the file as multipart/form-data' },
        ]);
      }
      const fields: Record<string, string> = {};
      let file: { fileName: string; buffer: Buffer } | undefined;
      try {
        for await (const part of request.parts()) {
          if (part.type === 'file') file = { fileName: part.filename, buffer: await part.toBuffer() };
          else fields[part.fieldname] = String(part.value);
        }
      } catch (error) {
        throw multipartReadError(error, 'file');
      }
      const parsed = UploadFields.safeParse(fields);
      if (!parsed.success)
        throw new ValidationError([
          { field: 'target', in: 'body', code: 'invalid', message: 'expected contacts, vehicles or bank_contracts' },
        ]);
      if (!file || file.buffer.length === 0)
        throw new ValidationError([{ field: 'file', in: 'body', code: 'required', message: 'is required' }]);
      const result = await imports.upload(currentUser(request), { target: parsed.data.target, ...file });
      return reply.status(201).send(result);
    },
  });

  app.post('/api/imports/:id/dry-run', {
    config: { access: BULK },
    schema: {
      tags: ['imports'],
      summary: 'Check every row without writing: what would be created, updated, skipped or rejected, and why',
      params: IdParams,
      body: ImportRunInput,
      response: { 200: ImportReport },
    },
    handler: async (request) => {
      const actor = currentUser(request);
      return reportIn(actor.locale, await imports.dryRun(actor, request.params.id, request.body));
    },
  });

  app.post('/api/imports/:id/apply', {
    config: { access: BULK },
    schema: {
      tags: ['imports'],
      summary: 'Apply the import in the background; poll GET /api/imports/:id for progress',
      params: IdParams,
      body: ImportRunInput,
      response: { 202: ImportJob },
    },
    handler: async (request, reply) =>
      reply.status(202).send(await imports.apply(currentUser(request), request.params.id, request.body)),
  });

  app.get('/api/imports/:id', {
    config: { access: BULK },
    schema: {
      tags: ['imports'],
      summary: 'Status, progress and totals of an import',
      params: IdParams,
      response: { 200: ImportJob },
    },
    handler: (request) => imports.get(currentUser(request), request.params.id),
  });

  app.get('/api/imports/:id/report.csv', {
    config: { access: BULK },
    schema: { tags: ['imports'], summary: 'Per-row report as CSV for Excel', params: IdParams, produces: ['text/csv'] },
    handler: async (request, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="import-${request.params.id}.csv"`)
        .send(await imports.reportCsv(currentUser(request), request.params.id, currentUser(request).locale)),
  });

  app.get('/api/contacts/export.csv', {
    config: { access: BULK },
    schema: {
      tags: ['contacts'],
      summary: 'Export the filtered contacts as CSV (recorded in the audit log)',
      querystring: ContactExportQuery,
      produces: ['text/csv'],
    },
    handler: async (request, reply) => {
      const { count, body } = await imports.exportContactsCsv(currentUser(request), request.query);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="kontakte.csv"')
        .header('x-total-count', String(count))
        .send(Readable.from(body));
    },
  });

  app.get('/api/contacts/export.vcf', {
    config: { access: BULK },
    schema: {
      tags: ['contacts'],
      summary: 'Export the filtered contacts as vCards (recorded in the audit log)',
      querystring: ContactExportQuery.extend(VersionQuery.shape),
      produces: ['text/vcard'],
    },
    handler: async (request, reply) => {
      const { version, ...filters } = request.query;
      const { count, body } = await imports.exportContactsVcf(currentUser(request), filters, version);
      return reply
        .type('text/vcard; charset=utf-8')
        .header('content-disposition', 'attachment; filename="kontakte.vcf"')
        .header('x-total-count', String(count))
        .send(Readable.from(body));
    },
  });

  app.get('/api/contacts/:id/vcard', {
    config: { access: { roles: 'any' } },
    schema: {
      tags: ['contacts'],
      summary: 'One contact as a vCard',
      params: IdParams,
      querystring: VersionQuery,
      produces: ['text/vcard'],
    },
    handler: async (request, reply) => {
      const { vcard, displayName } = await imports.contactVcard(request.params.id, request.query.version);
      return reply
        .type('text/vcard; charset=utf-8')
        .header('content-disposition', attachment(displayName, 'vcf'))
        .send(vcard);
    },
  });
}
