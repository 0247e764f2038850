import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { InputRepair } from '@shared/text/repairs';
import { fitToSchema } from '../lib/input/fit';
import { findUnstorable, makeStorable, MAX_NESTING, type Unstorable } from '../lib/input/storable';
import { type FieldError, ValidationError } from './errors';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Machine intake (lead portals, web forms, phone systems): input the database cannot store
     * is mended rather than refused, and text over its field's maximum is cut, so that a lead
     * is never lost for a stray byte. The handler finds what was changed in `inputRepairs`.
     */
    machineInput?: boolean;
  }
  interface FastifyRequest {
    /** What the input guard changed in a machine-intake body; empty for every other route. */
    inputRepairs: InputRepair[];
  }
}

const REFUSALS: Record<Unstorable, Pick<FieldError, 'message' | 'code' | 'params'>> = {
  nul: { message: 'contains a NUL character (U+0000), which cannot be stored', code: 'unstorable_text' },
  lone_surrogate: {
    message: 'contains an invalid character (a lone UTF-16 surrogate), which cannot be stored',
    code: 'unstorable_text',
  },
  too_deep: { message: `is nested deeper than ${MAX_NESTING} levels`, code: 'too_deep', params: { max: MAX_NESTING } },
};

const PARTS = ['params', 'query', 'body'] as const;
const WHERE: Record<(typeof PARTS)[number], string> = { params: 'params', query: 'querystring', body: 'body' };

function refuse(request: FastifyRequest, skipBody: boolean): void {
  const errors: FieldError[] = [];
  for (const part of PARTS) {
    if (part === 'body' && skipBody) continue;
    const found = findUnstorable(request[part]);
    if (found) errors.push({ field: found.path, in: WHERE[part], ...REFUSALS[found.problem] });
  }
  if (errors.length > 0) throw new ValidationError(errors);
}

/**
 * One guard for every route, before its schema is checked: text and JSON that PostgreSQL
 * cannot store never reach a service. Staff input is refused with a 400 naming the first bad
 * field of each part (path, query, body). Machine-intake bodies are mended instead and fitted
 * to their schema's maxima (see FastifyContextConfig.machineInput).
 */
export function registerInputGuard(app: FastifyInstance): void {
  app.decorateRequest('inputRepairs', null as unknown as InputRepair[]);
  app.addHook('preValidation', async (request) => {
    request.inputRepairs = [];
    const machine = request.routeOptions.config?.machineInput === true;
    // Raw bodies (ADF documents, e-mails) are mended field by field by their reader, with better paths.
    const parsedBody = request.body !== null && typeof request.body === 'object' && !Buffer.isBuffer(request.body);
    refuse(request, machine);
    if (!machine || !parsedBody) return;
    const { value, repairs } = makeStorable(request.body);
    request.body = value;
    const schema = request.routeOptions.schema?.body as z.ZodType | undefined;
    const fitted = schema && typeof schema.safeParse === 'function' ? fitToSchema(schema, value) : [];
    request.inputRepairs = [...repairs, ...fitted];
    if (request.inputRepairs.length > 0) {
      request.log.warn({ repairs: request.inputRepairs }, 'machine input mended so that it can be stored');
    }
  });
}
