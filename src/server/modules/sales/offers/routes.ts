import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { fieldError } from '@shared/errors/codes';
import {
  EXTERNAL_OFFER_MAX_BYTES,
  ExternalOfferFields,
  Offer,
  OfferInput,
  OfferList,
  OfferRejection,
  OfferSendInput,
  OfferSent,
} from '@shared/sales/offer-api';
import { currentUser } from '@server/http/access';
import { PayloadTooLargeError, ValidationError } from '@server/http/errors';
import { multipartReadError } from '@server/http/multipart';
import { IdParams } from '@server/http/params';
import type { Services } from '@server/services';
import type { ExternalUpload } from './service';

const SELLERS = ['admin', 'manager', 'sales'] as const;
const MEGABYTES = EXTERNAL_OFFER_MAX_BYTES / (1024 * 1024);
const tags = ['offers'];

/** The PDF (field "file") and the typed fields of a brand offer upload. */
async function readUpload(request: FastifyRequest): Promise<{ fields: Record<string, string>; file: ExternalUpload }> {
  if (!request.isMultipart()) {
    throw new ValidationError([
      { field: 'file', in: 'body', code: 'not_multipart', message: 'send the PDF as multipart/form-data' },
    ]);
  }
  const fields: Record<string, string> = {};
  let file: ExternalUpload | null = null;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        fields[part.fieldname] = String(part.value);
        continue;
      }
      try {
        file = { fileName: part.filename, contentType: part.mimetype, content: await part.toBuffer() };
      } catch (error) {
        if ((error as { code?: string }).code !== 'FST_REQ_FILE_TOO_LARGE') throw error;
        throw new PayloadTooLargeError(`The PDF is larger than ${MEGABYTES} MB.`, [
          {
            field: 'file',
            in: 'body',
            ...fieldError('file_too_large', { fileName: part.filename, megabytes: MEGABYTES }),
            message: `"${part.filename}" is larger than ${MEGABYTES} MB`,
          },
        ]);
      }
    }
  } catch (error) {
    throw multipartReadError(error, 'file');
  }
  if (!file || file.content.length === 0) {
    throw new ValidationError([{ field: 'file', in: 'body', code: 'required', message: 'attach the PDF' }]);
  }
  return { fields, file };
}

/** Reads the typed fields beside the file with the shared schema: a 400 naming each bad one. */
function parseFields(fields: Record<string, string>) {
  const cleaned = Object.fromEntries(Object.entries(fields).filter(([, v]) => v.trim() !== ''));
  const parsed = ExternalOfferFields.safeParse(cleaned);
  if (parsed.success) return parsed.data;
  throw new ValidationError(
    parsed.error.issues.map((issue) => ({
      field: issue.path.join('.'),
      in: 'body',
      code: issue.code === 'invalid_value' ? 'unknown_value' : 'invalid',
      params: issue.code === 'invalid_value' ? { value: String(cleaned[String(issue.path[0])] ?? '') } : undefined,
      message: issue.message,
    })),
  );
}

/** Always a download, with an ASCII fallback name (RFC 6266). */
function disposition(name: string): string {
  const ascii =
    name
      .normalize('NFD')
      .replace(/[^A-Za-z0-9 ._-]+/g, '')
      .trim() || 'angebot.pdf';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export async function offersRoutes(root: FastifyInstance, { offers, offerSending }: Services) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  await app.register(fastifyMultipart, {
    limits: { fileSize: EXTERNAL_OFFER_MAX_BYTES, files: 1, fields: 10 },
    throwFileSizeLimit: true,
  });

  app.get('/api/opportunities/:id/offers', {
    config: { access: { roles: 'any' } },
    schema: {
      tags,
      summary: "An opportunity's offer versions, newest first",
      params: IdParams,
      response: { 200: OfferList },
    },
    handler: (request) => offers.list(currentUser(request), request.params.id),
  });

  app.post('/api/opportunities/:id/offers', {
    config: { access: { roles: SELLERS } },
    schema: {
      tags,
      summary: 'A new offer version: totals, VAT, loan and leasing figures computed and stored',
      params: IdParams,
      body: OfferInput,
      response: { 201: Offer },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await offers.create(currentUser(request), request.params.id, request.body)),
  });

  app.post('/api/opportunities/:id/offers/external', {
    config: { access: { roles: SELLERS } },
    bodyLimit: EXTERNAL_OFFER_MAX_BYTES + 1024 * 1024,
    schema: {
      tags,
      summary: `A new offer version from a brand tool's PDF (multipart: "file", up to ${MEGABYTES} MB; "tool", optional "grossCents", "monthlyRateCents", "validUntil")`,
      consumes: ['multipart/form-data'],
      params: IdParams,
      response: { 201: Offer },
    },
    handler: async (request, reply) => {
      const { fields, file } = await readUpload(request);
      const parsed = parseFields(fields);
      return reply.status(201).send(await offers.createExternal(currentUser(request), request.params.id, parsed, file));
    },
  });

  app.get('/api/offers/:id', {
    config: { access: { roles: 'any' } },
    schema: { tags, summary: 'One offer version', params: IdParams, response: { 200: Offer } },
    handler: (request) => offers.get(currentUser(request), request.params.id),
  });

  app.get('/api/offers/:id/external-pdf', {
    config: { access: { roles: 'any' } },
    schema: { tags, summary: "Download the brand tool's offer PDF", params: IdParams },
    handler: async (request, reply) => {
      const document = await offers.externalPdf(currentUser(request), request.params.id);
      return reply
        .type('application/pdf')
        .header('content-disposition', disposition(document.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(document.content));
    },
  });

  app.post('/api/offers/:id/send', {
    config: { access: { roles: SELLERS } },
    schema: {
      tags,
      summary:
        'Send the offer to the customer by e-mail: its PDF attached, the offer marked sent (stage "offer") and the follow-up planned; 409 when the customer may not be e-mailed',
      params: IdParams,
      body: OfferSendInput,
      response: { 200: OfferSent },
    },
    handler: (request) => offerSending.send(currentUser(request), request.params.id, request.body),
  });

  app.post('/api/offers/:id/accept', {
    config: { access: { roles: SELLERS } },
    schema: { tags, summary: 'The customer accepts this version', params: IdParams, response: { 200: Offer } },
    handler: (request) => offers.accept(currentUser(request), request.params.id),
  });

  app.post('/api/offers/:id/reject', {
    config: { access: { roles: SELLERS } },
    schema: {
      tags,
      summary: 'The customer turns this version down (their reason, verbatim)',
      params: IdParams,
      body: OfferRejection,
      response: { 200: Offer },
    },
    handler: (request) => offers.reject(currentUser(request), request.params.id, request.body.reason),
  });
}
