import { fieldError } from '@shared/errors/codes';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AdfIntakeAnswer, IntakeAnswer, IntakeBody } from '@shared/requests/schemas';
import type { ApiKeyActor } from '@server/http/access';
import { UnauthorizedError, ValidationError } from '@server/http/errors';
import { charsetParam } from '@server/lib/charset';
import type { Services } from '@server/services';
import { hashBody, type StoredAnswer } from './machine';

const MAX_KEY_LENGTH = 200;
const ADF_BODY_LIMIT = 2 * 1024 * 1024;
export const JSON_BODY_LIMIT = 30 * 1024 * 1024;
const RAW_TYPES = ['application/xml', 'text/xml', 'message/rfc822', 'text/plain'];

function idempotencyKey(request: FastifyRequest, required: boolean): string | null {
  const value = request.headers['idempotency-key'];
  const key = typeof value === 'string' ? value.trim() : '';
  if (!key) {
    if (!required) return null;
    throw new ValidationError([
      {
        field: 'Idempotency-Key',
        in: 'headers',
        code: 'required',
        message: 'is required: a unique key per lead, reused on retries',
      },
    ]);
  }
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

function apiKeyOf(request: FastifyRequest): ApiKeyActor {
  if (request.actor?.kind !== 'apiKey') throw new UnauthorizedError();
  return request.actor;
}

const send = (reply: FastifyReply, answer: StoredAnswer) => {
  if (answer.replayed) void reply.header('idempotent-replayed', 'true');
  return reply.status(answer.status).send(answer.body);
};

/** Machine intake with an API key: JSON from web forms and portals, ADF/XML raw or inside an e-mail. */
export async function intakeRoutes(root: FastifyInstance, { requests }: Services) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  // Only inside this plugin: XML and whole e-mails arrive as their bytes, decoded later in the
  // charset they declare (Content-Type, XML declaration, MIME part), not forced through UTF-8.
  app.addContentTypeParser(RAW_TYPES, { parseAs: 'buffer', bodyLimit: ADF_BODY_LIMIT }, (_request, body, done) =>
    done(null, body),
  );

  app.post('/api/intake/requests', {
    config: { access: { apiKeyScopes: ['intake'] }, machineInput: true },
    // Files travel base64 in the JSON: room for a few of them, not for all at their largest.
    bodyLimit: JSON_BODY_LIMIT,
    schema: {
      tags: ['intake'],
      summary: 'Take a lead or request in from a web form or portal; send an Idempotency-Key header',
      headers: z.object({ 'idempotency-key': z.string().optional() }).loose(),
      body: IntakeBody,
      response: { 200: IntakeAnswer, 201: IntakeAnswer },
    },
    handler: async (request, reply) => {
      const key = idempotencyKey(request, true)!;
      const answer = await requests.takeInJson(
        apiKeyOf(request),
        request.body,
        key,
        hashBody(request.body),
        request.inputRepairs,
      );
      return send(reply, answer);
    },
  });

  app.post('/api/intake/adf', {
    config: { access: { apiKeyScopes: ['intake'] }, machineInput: true },
    bodyLimit: ADF_BODY_LIMIT,
    schema: {
      tags: ['intake'],
      summary: 'Take ADF/XML leads in: the XML itself, or the e-mail that carries it',
      querystring: z.object({
        locationId: z.uuid().optional(),
        locationCode: z.string().trim().toUpperCase().max(6).optional(),
      }),
      response: { 200: AdfIntakeAnswer, 201: AdfIntakeAnswer },
    },
    handler: async (request, reply) => {
      const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      if (!raw.toString('latin1').trim()) {
        throw new ValidationError([
          {
            field: 'body',
            in: 'body',
            code: 'not_adf',
            message: 'send the ADF document as application/xml, or the e-mail as message/rfc822',
          },
        ]);
      }
      const key = idempotencyKey(request, false);
      const charset = charsetParam(request.headers['content-type']);
      const answer = await requests.takeInAdf(apiKeyOf(request), { raw, charset }, request.query, key, hashBody(raw));
      return send(reply, answer);
    },
  });
}
