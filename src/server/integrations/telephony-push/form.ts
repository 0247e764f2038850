import { fieldError } from '@shared/errors/codes';
import type { FastifyInstance } from 'fastify';
import { DomainError, type FieldError, ValidationError } from '@server/http/errors';
import { storableText } from '@server/lib/input/storable';

/** A form-encoded post: every field with all its values, in the order sent (`user[]` repeats). */
export type FormFields = Record<string, string[]>;

/** Providers post a few hundred bytes; anything near this is not a call event. */
const FORM_BODY_LIMIT = 64 * 1024;

/**
 * Keeps form posts as raw bytes inside the calling plugin's scope only:
 * signatures are computed over the body exactly as sent, so it must not be
 * decoded and re-encoded first. The app's global parsers stay as they are.
 */
export function acceptRawForms(app: FastifyInstance): void {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'buffer', bodyLimit: FORM_BODY_LIMIT },
    (_request, body, done) => done(null, body),
  );
}

/** The raw bytes of a form post; anything else (JSON, no body) is refused. */
export function rawForm(body: unknown): Buffer {
  if (body === undefined || body === null) return Buffer.alloc(0);
  if (Buffer.isBuffer(body)) return body;
  throw new DomainError(
    415,
    'unsupported-media-type',
    'Send the event form-encoded (application/x-www-form-urlencoded).',
    [{ field: 'body', in: 'body', code: 'invalid', message: 'must be application/x-www-form-urlencoded' }],
  );
}

/**
 * The fields of a form post. A NUL character (%00) is dropped: the database could not store the
 * event, and a phone system that sent one would see every delivery of the call fail.
 */
export function parseForm(raw: Buffer): FormFields {
  const fields: FormFields = {};
  for (const [name, value] of new URLSearchParams(raw.toString('utf8')))
    (fields[storableText(name)] ??= []).push(storableText(value));
  return fields;
}

/** The first value of a field, trimmed; undefined when absent or empty. */
export function one(fields: FormFields, name: string): string | undefined {
  const value = fields[name]?.[0]?.trim();
  return value ? value : undefined;
}

/** Every non-empty value of a repeatable field, whether sent as `name[]` or `name`. */
export function many(fields: FormFields, name: string): string[] {
  return [...(fields[`${name}[]`] ?? []), ...(fields[name] ?? [])].map((v) => v.trim()).filter(Boolean);
}

/** The fields as the admin's event list shows them: single values flat, repeated ones as lists. */
export function formPayload(fields: FormFields): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(fields).map(([k, v]) => [k, k.endsWith('[]') || v.length > 1 ? v : (v[0] ?? '')]),
  );
}

/** Collects field problems so one 400 names all of them. */
export class FieldCheck {
  readonly errors: FieldError[] = [];
  constructor(private readonly fields: FormFields) {}

  required(name: string, maxLength = 200): string {
    const value = one(this.fields, name);
    if (value === undefined) this.errors.push({ field: name, in: 'body', code: 'required', message: 'is required' });
    else if (value.length > maxLength)
      this.errors.push({
        field: name,
        in: 'body',
        ...fieldError('too_long', { max: maxLength }),
        message: `must be at most ${maxLength} characters`,
      });
    return value ?? '';
  }

  optional(name: string, maxLength = 200): string | undefined {
    const value = one(this.fields, name);
    if (value !== undefined && value.length > maxLength) {
      this.errors.push({
        field: name,
        in: 'body',
        ...fieldError('too_long', { max: maxLength }),
        message: `must be at most ${maxLength} characters`,
      });
      return undefined;
    }
    return value;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[]): T {
    const value = one(this.fields, name);
    if (value === undefined) this.errors.push({ field: name, in: 'body', code: 'required', message: 'is required' });
    else if (!allowed.includes(value as T))
      this.errors.push({ field: name, in: 'body', code: 'invalid', message: `must be one of ${allowed.join(', ')}` });
    return value as T;
  }

  /** Throws one ValidationError naming every bad field. */
  done(): void {
    if (this.errors.length) throw new ValidationError(this.errors);
  }
}
