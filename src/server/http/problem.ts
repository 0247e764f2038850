import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { codeOfIssue } from '@shared/errors/codes';
import type { z } from 'zod';
import { isTransientDatabaseError } from '../db/transient';
import { DomainError, type FieldError } from './errors';

/**
 * After a passing database fault the server has already tried again where
 * that was safe; the client is asked to do the same a little later. Lead
 * portals and web-form back ends retry on 503, many of them not on 500.
 */
const RETRY_AFTER_SECONDS = 2;

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  code?: string;
  errors?: FieldError[];
}

function send(
  reply: FastifyReply,
  request: FastifyRequest,
  problem: Omit<Problem, 'type' | 'title' | 'instance'>,
  extensions: Record<string, unknown> = {},
) {
  const body: Problem = {
    ...extensions,
    type: problem.code ? `/problems/${problem.code}` : 'about:blank',
    title: TITLES[problem.status] ?? 'Error',
    instance: request.url,
    ...problem,
  };
  return reply.status(problem.status).type('application/problem+json').send(body);
}

function fieldPath(instancePath: string): string {
  return instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');
}

/** Maps every error to RFC 9457 problem+json; never leaks a stack trace. */
export function registerProblemHandlers(
  app: FastifyInstance,
  options: { notFound?: (request: FastifyRequest, reply: FastifyReply) => unknown } = {},
): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'body';
      const errors: FieldError[] = error.validation.map((v) => ({
        field: fieldPath(v.instancePath) || where,
        in: where,
        message: v.message ?? 'is invalid',
        // The issue as zod reported it, read the same way the browser reads it before sending.
        ...codeOfIssue({ ...v.params, code: v.keyword } as unknown as z.core.$ZodIssue),
      }));
      return send(reply, request, {
        status: 400,
        code: 'validation',
        detail: `Invalid ${where}: ${errors.map((e) => `${e.field} (${e.message})`).join('; ')}`,
        errors,
      });
    }
    if (error instanceof DomainError) {
      if (error.headers) reply.headers(error.headers);
      return send(
        reply,
        request,
        {
          status: error.status,
          code: error.code,
          detail: error.message,
          errors: error.errors,
        },
        error.extensions,
      );
    }
    if (isTransientDatabaseError(error)) {
      request.log.warn({ err: error }, 'database interrupted; answered 503');
      reply.header('retry-after', String(RETRY_AFTER_SECONDS));
      return send(reply, request, {
        status: 503,
        code: 'database-unavailable',
        detail:
          'The connection to the database was interrupted, so the request could not be completed. ' +
          `Please send it again in ${RETRY_AFTER_SECONDS} seconds.`,
      });
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause?.issues }, 'response did not match its schema');
      return send(reply, request, { status: 500, code: 'internal', detail: 'An unexpected error occurred.' });
    }
    // Fastify's own client errors: malformed JSON, wrong content type, body too large…
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return send(reply, request, {
        status,
        code: error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'unsupported-media-type' : 'bad-request',
        detail: error.message,
        errors: error.code?.startsWith('FST_ERR_CTP')
          ? [{ field: 'body', in: 'body', code: 'invalid', message: error.message }]
          : undefined,
      });
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, request, { status: 500, code: 'internal', detail: 'An unexpected error occurred.' });
  });

  app.setNotFoundHandler(
    (request, reply) =>
      options.notFound?.(request, reply) ??
      send(reply, request, { status: 404, code: 'not-found', detail: `No route ${request.method} ${request.url}.` }),
  );
}
