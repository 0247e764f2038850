import type { FieldErrorCode } from '@shared/errors/codes';

/**
 * Typed domain errors. Services throw them; one error handler turns them into
 * RFC 9457 problem+json. Nothing in here knows about HTTP beyond the status.
 */
export interface FieldError {
  /** Dotted path of the offending field, e.g. "phones.0.number". */
  field: string;
  /** Where the field was: body, querystring, params, headers. */
  in?: string;
  /** In English, for API clients and logs; the web app words the error by its code. */
  message: string;
  /** Stable and language-free, e.g. "too_long" (see src/shared/errors/codes.ts). */
  code: FieldErrorCode;
  /** What the code's wording needs, e.g. { max: 200 }. */
  params?: Record<string, unknown>;
}

export class DomainError extends Error {
  /** Extra problem members (RFC 9457 extensions) the client can act on, e.g. the duplicates found. */
  readonly extensions?: Record<string, unknown>;

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly errors?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class BadRequestError extends DomainError {
  constructor(message: string, errors?: FieldError[]) {
    super(400, 'bad-request', message, errors);
  }
}

/** A rule on one or more fields failed: the same shape as schema validation. */
export class ValidationError extends DomainError {
  constructor(errors: FieldError[], message = 'The request contains invalid fields.') {
    super(400, 'validation', message, errors);
  }
}

/** An uploaded file (or body) is larger than allowed; the errors name the file. */
export class PayloadTooLargeError extends DomainError {
  constructor(message: string, errors?: FieldError[]) {
    super(413, 'payload-too-large', message, errors);
  }
}

/** A file of a kind that is not accepted; the errors name the file. */
export class UnsupportedMediaTypeError extends DomainError {
  constructor(message: string, errors?: FieldError[]) {
    super(415, 'unsupported-media-type', message, errors);
  }
}

export class UnauthorizedError extends DomainError {
  constructor(message = 'Please log in.') {
    super(401, 'unauthorized', message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'You are not allowed to do this.') {
    super(403, 'forbidden', message);
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string) {
    super(404, 'not-found', `${what} was not found.`);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, errors?: FieldError[]) {
    super(409, 'conflict', message, errors);
  }
}

/** A conflict the client can resolve with the data attached, e.g. "possible-duplicates" with `duplicates`. */
export class ConflictWithDataError extends DomainError {
  override readonly extensions: Record<string, unknown>;
  constructor(code: string, message: string, extensions: Record<string, unknown>) {
    super(409, code, message);
    this.extensions = extensions;
  }
}

export class TooManyRequestsError extends DomainError {
  constructor(message: string, retryAfterSeconds: number) {
    super(429, 'too-many-requests', message, undefined, { 'retry-after': String(retryAfterSeconds) });
  }
}
