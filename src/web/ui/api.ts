/**
 * Thin fetch wrapper for the Autohaus CRM API: JSON in and out, the session
 * cookie, the CSRF header on writes and RFC 9457 problem details as errors.
 */

export interface FieldProblem {
  field: string;
  in?: string;
  message: string;
  /** Stable, e.g. "too_long" (src/shared/errors/codes.ts); the words come from the code. */
  code?: string;
  params?: Record<string, unknown>;
}

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  code?: string;
  errors?: FieldProblem[];
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string | undefined;
  readonly errors: FieldProblem[];
  /** Seconds to wait before retrying, from the Retry-After header. */
  readonly retryAfter: number | undefined;
  /** The whole problem document, including extension members such as `duplicates`. */
  readonly problem: Problem & Record<string, unknown>;

  constructor(problem: Problem, retryAfter?: number) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
    this.name = 'ApiError';
    this.status = problem.status;
    this.code = problem.code;
    this.errors = problem.errors ?? [];
    this.retryAfter = retryAfter;
    this.problem = problem as Problem & Record<string, unknown>;
  }
}

/** The request never got an answer: offline, server down, DNS… */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('Network request failed', { cause });
    this.name = 'NetworkError';
  }
}

let csrfToken: string | undefined;
let onUnauthorized: (() => void) | undefined;

/** The CSRF token comes with the session and must accompany every write. */
export function setCsrfToken(token: string | undefined) {
  csrfToken = token;
}

/** Called when the session has ended on the server, so the app can return to the login page. */
export function setUnauthorizedHandler(handler: (() => void) | undefined) {
  onUnauthorized = handler;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
  /** For the login and session calls, where a 401 is an expected answer rather than an expired session. */
  expectUnauthorized?: boolean;
  /** Extra headers, e.g. an Idempotency-Key that makes a retried upload create nothing new. */
  headers?: Record<string, string>;
}

async function readProblem(response: Response): Promise<Problem> {
  const fallback: Problem = { status: response.status, title: response.statusText };
  try {
    const body: unknown = await response.json();
    if (body && typeof body === 'object')
      return { ...fallback, ...(body as Partial<Problem>), status: response.status };
  } catch {
    // Not JSON, e.g. a proxy's HTML error page.
  }
  return fallback;
}

/**
 * Answers index.html's inline script asked for while the app's code was still loading
 * (scripts/vite-early-start.ts); each is used once, by the first GET of its path.
 */
function takeEarly(path: string): Promise<Response> | undefined {
  const early = (globalThis as { __crmEarly?: Record<string, Promise<Response> | undefined> }).__crmEarly;
  const response = early?.[path];
  if (response) delete early[path];
  return response;
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { ...options.headers, Accept: 'application/json' };
  // Fastify rejects an empty body sent as JSON, so the content type goes only with a body.
  // Form data sets its own multipart content type, boundary included.
  const isForm = options.body instanceof FormData;
  if (options.body !== undefined && !isForm) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let response: Response;
  try {
    response = await ((method === 'GET' ? takeEarly(path) : undefined) ??
      fetch(`/api${path}`, {
        method,
        headers,
        body:
          options.body === undefined ? undefined : isForm ? (options.body as FormData) : JSON.stringify(options.body),
        credentials: 'same-origin',
        signal: options.signal,
      }));
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new NetworkError(error);
  }

  if (!response.ok) {
    const problem = await readProblem(response);
    const retryAfter = Number(response.headers.get('Retry-After'));
    if (response.status === 401 && !options.expectUnauthorized) onUnauthorized?.();
    throw new ApiError(problem, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined);
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, signal?: AbortSignal) => apiRequest<T>(path, { signal }),
  post: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'POST', body }),
  patch: <T>(path: string, body: unknown) => apiRequest<T>(path, { method: 'PATCH', body }),
  put: <T>(path: string, body: unknown) => apiRequest<T>(path, { method: 'PUT', body }),
  delete: <T = void>(path: string) => apiRequest<T>(path, { method: 'DELETE' }),
};

/** Multipart upload (file plus text fields), with the session cookie and the CSRF header like any other write. */
export function uploadFile<T>(path: string, form: FormData): Promise<T> {
  return apiRequest<T>(path, { method: 'POST', body: form });
}

/** A file the server answers with (a PDF rendered on request), with the session's CSRF header on writes. */
export async function apiBlob(path: string, method: 'GET' | 'POST' = 'GET'): Promise<Blob> {
  const headers: Record<string, string> = {};
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  const response = await fetch(`/api${path}`, { method, headers, credentials: 'same-origin' });
  if (!response.ok) throw new ApiError(await readProblem(response));
  return response.blob();
}
