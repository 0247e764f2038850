import { vi } from 'vitest';

export interface StubReply {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
  /** An upload's form data (multipart), as sent. */
  form?: FormData;
}

type Route = StubReply | ((request: RecordedRequest) => StubReply);

/**
 * Replaces `fetch` with canned answers keyed by "METHOD /path", e.g.
 * "POST /api/auth/login". Unknown routes answer 404 as problem+json.
 */
export function stubFetch(routes: Record<string, Route>) {
  const requests: RecordedRequest[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), 'http://localhost');
    const request: RecordedRequest = {
      method: (init.method ?? 'GET').toUpperCase(),
      path: url.pathname,
      headers: (init.headers ?? {}) as Record<string, string>,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      form: init.body instanceof FormData ? init.body : undefined,
    };
    requests.push(request);
    const route = routes[`${request.method} ${request.path}`];
    const reply: StubReply = (typeof route === 'function' ? route(request) : route) ?? {
      status: 404,
      body: { type: '/problems/not-found', title: 'Not Found', status: 404, code: 'not-found' },
    };
    const status = reply.status ?? 200;
    const contentType = status >= 400 ? 'application/problem+json' : 'application/json';
    return new Response(status === 204 || reply.body === undefined ? null : JSON.stringify(reply.body), {
      status,
      headers: { 'content-type': contentType, ...reply.headers },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return { fetchMock, requests };
}

export function problem(status: number, extra: Record<string, unknown> = {}): StubReply {
  return { status, body: { type: 'about:blank', title: 'Error', status, ...extra } };
}
